// Runs Lua source in-process (compile, fresh globals, captured stdout) for fast tests.
import { compile, LuaSyntaxError } from "../../compiler/index.ts";
import { instantiate, setCompiler } from "../../runtime/chunk.ts";
import { createEnvironment } from "../../stdlib-ts/index.ts";
import { toLuaError } from "../../runtime/error.ts";
import { TimeoutError, runWithTimeout } from "../../runtime/watchdog.ts";
import { tostring } from "../../runtime/lib/base.ts";
import { capture } from "../../runtime/stdout.ts";
import { reset as resetScheduler } from "../../runtime/scheduler.ts";
import { isNumber } from "../../runtime/number.ts";
import { LuaTable } from "../../runtime/table.ts";
import { fromJs, toJs } from "../../runtime/value.ts";

setCompiler((src, name, options) => compile(src, name, options));

export interface LuaRun {
  stdout: string;
  /** the uncaught error message (as lua5.4 prints it after "lua5.4: "), if any */
  error?: string;
}

/** Runs Lua source; with `timeout` (seconds) the run is stopped by the watchdog. */
export function runLua(source: string, chunkName: string, args: string[] = [], timeout?: number): LuaRun {
  const sink: string[] = [];
  capture.sink = sink;
  try {
    const { code } = compile(source, chunkName, { sourceMap: false });
    const map = () => compile(source, chunkName).map;
    const G = createEnvironment();
    const argt = new LuaTable();
    argt.set(0, chunkName);
    args.forEach((a, i) => argt.set(i + 1, a));
    G.set("arg", argt);
    const chunk = instantiate(code, chunkName, G, map);
    if (timeout === undefined) chunk(...args);
    else runWithTimeout(() => chunk(...args), timeout);
    return { stdout: sink.join("") };
  } catch (e) {
    if (e instanceof LuaSyntaxError || e instanceof TimeoutError) return { stdout: sink.join(""), error: e.message };
    const v = toLuaError(e).value;
    let msg: string;
    if (typeof v === "string") msg = v;
    else if (isNumber(v)) msg = tostring(v);
  else if (isNumber(v)) msg = tostring(v);
    else if (v instanceof LuaTable && v.metatable?.getStr("__tostring") !== undefined) msg = tostring(v);
    else msg = `(error object is a ${v === undefined ? "nil" : v instanceof LuaTable ? "table" : typeof v} value)`;
    return { stdout: sink.join(""), error: msg };
  } finally {
    capture.sink = undefined;
    resetScheduler();
  }
}

/** Runs Lua source given as JS text (UTF-8 like a source file); stdout (and any error) decoded. */
export function luaText(src: string): string {
  const r = runLua(fromJs(src), "t.lua");
  const out = toJs(r.stdout);
  return r.error !== undefined ? out + "ERROR: " + toJs(r.error) : out;
}

/** A Lua string literal for JS text (control characters, quotes and backslashes escaped). */
export function luaString(s: string): string {
  return '"' + s.replace(/[\\"\x00-\x1f]/g, (c) => "\\" + String(c.charCodeAt(0)).padStart(3, "0")) + '"';
}
