// Turning compiled chunk code into a callable Lua function: evaluation with vm (so stack frames
// carry a file name we map back to the Lua chunk), and the compiler hook used by load().
import vm from "node:vm";
import { chunkNames, registerChunkMap } from "./error.ts";
import * as helpers from "./helpers.ts";

/** Compiles Lua source to the factory code; installed by the CLI (runtime never imports it). */
export type ChunkCompiler = (source: string, chunkName: string, options?: { sourceMap?: boolean }) => { code: string; map?: unknown };
export type ChunkLoader = (source: string, chunkName: string, env: unknown) => Function;

let compiler: ChunkCompiler | undefined;
let counter = 0;

export function setCompiler(c: ChunkCompiler): void {
  compiler = c;
}

/** Instantiates compiled factory code as a Lua function with the given _ENV. */
/** `map` is the chunk's source map, or a function that makes it when first needed. */
export function instantiate(code: string, chunkName: string, env: unknown, map?: unknown, cachedData?: Buffer): Function {
  const filename = `lua:${++counter}:${chunkName}`;
  chunkNames.set(filename, chunkName);
  if (map !== undefined) registerChunkMap(filename, map);
  const script = new vm.Script(code, { filename, cachedData });
  const factory = script.runInThisContext() as (rt: unknown, env: unknown) => Function;
  return factory(helpers, env);
}

/** Compiles and instantiates Lua source (load, require of Lua files). */
export function loadChunk(source: string, chunkName: string, env: unknown): Function {
  const c = compiler;
  if (c === undefined) throw new Error("no Lua compiler available in this build");
  const { code } = c(source, chunkName, { sourceMap: false });
  return instantiate(code, chunkName, env, () => c(source, chunkName).map);
}
