// log.info / log.warn / log.error: one line each on stderr in the process log format.
import { logLine } from "../runtime/log.ts";
import type { LuaTable } from "../runtime/table.ts";
import { EMPTY } from "../runtime/value.ts";
import { argString } from "./builtin-args.ts";
import { library } from "./lua-tables.ts";

function info(...args: unknown[]): unknown {
  logLine("INFO", argString(args, 1, "log.info"));
  return EMPTY;
}

function warn(...args: unknown[]): unknown {
  logLine("WARN", argString(args, 1, "log.warn"));
  return EMPTY;
}

function error(...args: unknown[]): unknown {
  logLine("ERROR", argString(args, 1, "log.error"));
  return EMPTY;
}

export function open(G: LuaTable): void {
  G.set("log", library("log", { info, warn, error }));
}
