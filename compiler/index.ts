// The compiler's one entry point: Lua source → JS factory source (+ source map), or a
// LuaSyntaxError worded as lua5.4 words it.
import { CompileError, Context } from "./context.ts";
import { type EmitOptions, emitChunk } from "./emit.ts";
import { lowerBlock } from "./lower/statements.ts";
import { analyzeFloats } from "./floats.ts";
import { numeralText } from "./lower/literals.ts";
import { LuaSyntaxError, parse } from "./parse.ts";

export { LuaSyntaxError } from "./parse.ts";

export const COMPILER_VERSION = "1";

export interface CompiledChunk {
  /** JS expression text evaluating to `function ($rt, $env) { return function $chunk(...) }`,
   *  or with `module`, an ES module whose default export is `function ($env) { … }` */
  code: string;
  map: unknown;
  helpers: string[];
  /** global names the chunk reads or assigns through its environment */
  globals: string[];
}

/**
 * Compiles a Lua chunk. `source` is a byte string (one char per byte); `chunk` is the name used
 * in messages ("script.lua"). A leading `#` line is skipped as lua.c does.
 */
/**
 * With `sourceMap: false` the map is left out (about 40% of the compile time): plain code keeps
 * Lua's line numbers anyway, and the runtime can ask for the map later, only if an error passes
 * through a generator twin (see runtime/error.ts). The output code is the same either way.
 */
export function compile(source: string, chunk: string, options: EmitOptions = {}): CompiledChunk {
  if (source.startsWith("#")) source = source.replace(/^#[^\n]*/, "");
  const { ast, attributes, assignedNames } = parse(source, chunk);
  const ctx = new Context(chunk, source, attributes);
  ctx.assignedNames = assignedNames;
  ctx.floats = analyzeFloats(ast, (n) => numeralText(ctx, n));
  try {
    const body = lowerBlock(ctx, ast.body, false);
    const { code, map } = emitChunk(ctx, body, chunk, options);
    return { code, map, helpers: [...ctx.helpers].sort(), globals: [...ctx.globals].sort() };
  } catch (e) {
    if (e instanceof CompileError) throw new LuaSyntaxError(chunk, e.line, e.text);
    throw e;
  }
}
