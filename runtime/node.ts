// Node built-in modules loaded on first use (process.getBuiltinModule is synchronous): a script
// that never spawns a process or hashes anything does not pay for loading those modules.
import type * as ChildProcess from "node:child_process";
import type * as Crypto from "node:crypto";
import type * as Tty from "node:tty";

export function childProcess(): typeof ChildProcess {
  return process.getBuiltinModule("node:child_process");
}

export function crypto(): typeof Crypto {
  return process.getBuiltinModule("node:crypto");
}

export function tty(): typeof Tty {
  return process.getBuiltinModule("node:tty");
}
