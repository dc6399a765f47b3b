// Running a Lua script: compile (cached), instantiate with fresh globals, call with the
// script arguments, and report an uncaught error with its Lua traceback.
import { compile, LuaSyntaxError } from "../compiler/index.ts";
import { instantiate, setCompiler } from "../runtime/chunk.ts";
import { createEnvironment } from "../stdlib-ts/index.ts";
import { LuaError, formatTraceback, luaFramesOf, toLuaError } from "../runtime/error.ts";
import { logLine } from "../runtime/log.ts";
import { tostring } from "../runtime/lib/base.ts";
import { flushOut } from "../runtime/stdout.ts";
import { LuaTable } from "../runtime/table.ts";
import { fromJs } from "../runtime/value.ts";

setCompiler((src, name) => compile(src, name));

export interface ScriptOptions {
  /** script source as a byte string */
  source: string;
  chunkName: string;
  /** arg[0] and the arguments after it */
  scriptPath: string;
  args: string[];
}

/** Runs a script; returns the process exit code. */
export function runScript(opts: ScriptOptions): number {
  let code: string, map: unknown;
  try {
    ({ code, map } = compile(opts.source, opts.chunkName));
  } catch (e) {
    if (e instanceof LuaSyntaxError) {
      logLine("ERROR", e.message);
      return 1;
    }
    throw e;
  }
  const G = createEnvironment();
  const argt = new LuaTable();
  argt.set(0, fromJs(opts.scriptPath));
  opts.args.forEach((a, i) => argt.set(i + 1, fromJs(a)));
  argt.set(-1, "assay");
  G.set("arg", argt);
  try {
    const chunk = instantiate(code, opts.chunkName, G, map);
    chunk(...opts.args.map(fromJs));
    flushOut();
    return 0;
  } catch (e) {
    reportError(e);
    return 1;
  }
}

export function reportError(e: unknown): void {
  const le: LuaError = toLuaError(e);
  const v = le.value;
  let msg: string;
  if (typeof v === "string") msg = v;
  else if (v instanceof LuaTable && v.metatable?.getStr("__tostring") !== undefined) msg = tostring(v);
  else msg = `(error object is a ${v === undefined ? "nil" : typeof v === "object" ? "table" : typeof v} value)`;
  const frames = le.luaTrace ?? luaFramesOf(le.stack);
  logLine("ERROR", msg + "\n" + formatTraceback(frames));
}
