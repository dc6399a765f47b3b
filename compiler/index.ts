// The compiler's one entry point: Lua source → JS factory source (+ source map), or a
// LuaSyntaxError worded as lua5.4 words it.
import { CompileError, Context } from "./context.ts";
import { emitChunk } from "./emit.ts";
import { lowerBlock } from "./lower/statements.ts";
import { LuaSyntaxError, parse } from "./parse.ts";

export { LuaSyntaxError } from "./parse.ts";

export const COMPILER_VERSION = "1";

/** Every name that appears as a plain assignment target anywhere in the chunk. */
function assignedNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const n of node) assignedNames(n, out);
    return out;
  }
  if (node === null || typeof node !== "object") return out;
  const n = node as { type?: string; variables?: { type: string; name?: string }[] };
  if (n.type === "AssignmentStatement") {
    for (const v of n.variables ?? []) if (v.type === "Identifier" && v.name) out.add(v.name);
  }
  for (const [k, v] of Object.entries(node)) {
    if (k !== "loc" && k !== "range" && v && typeof v === "object") assignedNames(v, out);
  }
  return out;
}

export interface CompiledChunk {
  /** JS expression text evaluating to `function ($rt, $env) { return function $chunk(...) }` */
  code: string;
  map: unknown;
  helpers: string[];
}

/**
 * Compiles a Lua chunk. `source` is a byte string (one char per byte); `chunk` is the name used
 * in messages ("script.lua"). A leading `#` line is skipped as lua.c does.
 */
export function compile(source: string, chunk: string): CompiledChunk {
  if (source.startsWith("#")) source = source.replace(/^#[^\n]*/, "");
  const { ast, attributes } = parse(source, chunk);
  const ctx = new Context(chunk, source, attributes);
  ctx.assignedNames = assignedNames(ast);
  try {
    const body = lowerBlock(ctx, ast.body, false);
    const { code, map } = emitChunk(ctx, body, chunk);
    return { code, map, helpers: [...ctx.helpers].sort() };
  } catch (e) {
    if (e instanceof CompileError) throw new LuaSyntaxError(chunk, e.line, e.text);
    throw e;
  }
}
