// shell.exec(cmd, opts?): runs /bin/sh -c synchronously → {status, stdout, stderr, timed_out};
// output bytes are returned unchanged.
import type { SpawnSyncOptions } from "node:child_process";
import { childProcess } from "../runtime/node.ts";
import { isNumber, numberToString } from "../runtime/number.ts";
import { LuaTable } from "../runtime/table.ts";
import { fromBytes, toBytes, toJs, type } from "../runtime/value.ts";
import { argString, fail, fieldString, osError, toNumberOpt } from "./builtin-args.ts";
import { library, record } from "./lua-tables.ts";

function envString(v: unknown, what: string): string {
  if (typeof v === "string") return toJs(v);
  if (isNumber(v)) return numberToString(v);
  return fail(`shell.exec: env ${what} must be a string, got ${type(v)}`);
}

/** The inherited environment plus opts.env. */
function childEnv(t: unknown): NodeJS.ProcessEnv | undefined {
  if (t === undefined) return undefined;
  if (!(t instanceof LuaTable)) return fail(`shell.exec: option 'env' must be a table, got ${type(t)}`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (let e = t.next(undefined); e; e = t.next(e[0])) env[envString(e[0], "name")] = envString(e[1], "value");
  return env;
}

function timeoutMs(v: unknown): number | undefined {
  const secs = toNumberOpt(v);
  if (secs === null) return fail(`shell.exec: option 'timeout' must be a number, got ${type(v)}`);
  if (secs === undefined) return undefined;
  if (!Number.isFinite(secs) || secs < 0) fail("shell.exec: timeout must be a non-negative finite number");
  return Math.max(1, Math.round(secs * 1000)); // 0 would mean "no timeout" to spawnSync
}

function exec(...args: unknown[]): unknown {
  if (args[0] === undefined) fail("shell.exec: command string required");
  const cmd = argString(args, 1, "shell.exec");
  const opts = args[1] instanceof LuaTable ? args[1] : new LuaTable();
  const cwd = fieldString(opts, "cwd", "shell.exec");
  const stdin = fieldString(opts, "stdin", "shell.exec");
  const timeout = timeoutMs(opts.get("timeout"));
  const options: SpawnSyncOptions = {
    cwd: cwd === undefined ? undefined : toJs(cwd),
    env: childEnv(opts.get("env")),
    stdio: [stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    input: stdin === undefined ? undefined : toBytes(stdin),
    maxBuffer: Infinity,
    timeout,
    killSignal: "SIGKILL",
  };
  const r = childProcess().spawnSync("/bin/sh", ["-c", toJs(cmd)], options);
  const err = r.error as NodeJS.ErrnoException | undefined;
  if (err?.code === "ETIMEDOUT") return record({ status: -1, stdout: "", stderr: "", timed_out: true });
  if (err !== undefined) {
    if (!r.pid) fail(`shell.exec: failed to spawn command: ${osError(err)}`);
    if (err.code === "EPIPE") fail(`shell.exec: failed to write stdin: ${osError(err)}`);
    fail(`shell.exec: failed to wait for command: ${osError(err)}`);
  }
  return record({
    status: r.status ?? -1,
    stdout: fromBytes(r.stdout as Buffer),
    stderr: fromBytes(r.stderr as Buffer),
    timed_out: false,
  });
}

export function open(G: LuaTable): void {
  G.set("shell", library("shell", { exec }));
}
