// Runs Lua source in-process (compile, fresh globals, captured stdout) for fast tests.
import { compile, LuaSyntaxError } from "../../compiler/index.ts";
import { instantiate, setCompiler } from "../../runtime/chunk.ts";
import { createGlobals } from "../../runtime/env.ts";
import { toLuaError } from "../../runtime/error.ts";
import { tostring } from "../../runtime/lib/base.ts";
import { capture } from "../../runtime/stdout.ts";
import { LuaTable } from "../../runtime/table.ts";

setCompiler((src, name) => compile(src, name));

export interface LuaRun {
  stdout: string;
  /** the uncaught error message (as lua5.4 prints it after "lua5.4: "), if any */
  error?: string;
}

export function runLua(source: string, chunkName: string, args: string[] = []): LuaRun {
  const sink: string[] = [];
  capture.sink = sink;
  try {
    const { code, map } = compile(source, chunkName);
    const G = createGlobals();
    const argt = new LuaTable();
    argt.set(0, chunkName);
    args.forEach((a, i) => argt.set(i + 1, a));
    G.set("arg", argt);
    instantiate(code, chunkName, G, map)(...args);
    return { stdout: sink.join("") };
  } catch (e) {
    if (e instanceof LuaSyntaxError) return { stdout: sink.join(""), error: e.message };
    const v = toLuaError(e).value;
    let msg: string;
    if (typeof v === "string") msg = v;
    else if (v instanceof LuaTable && v.metatable?.getStr("__tostring") !== undefined) msg = tostring(v);
    else msg = `(error object is a ${v === undefined ? "nil" : v instanceof LuaTable ? "table" : typeof v} value)`;
    return { stdout: sink.join(""), error: msg };
  } finally {
    capture.sink = undefined;
  }
}
