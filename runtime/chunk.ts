// Turning compiled chunk code into a callable Lua function: evaluation with vm (so stack frames
// carry a file name we map back to the Lua chunk), and the compiler hook used by load().
import vm from "node:vm";
import { chunkNames, registerChunkMap } from "./error.ts";
import * as helpers from "./helpers.ts";

/** Compiles Lua source to the factory code; installed by the CLI (runtime never imports it). */
export type ChunkCompiler = (source: string, chunkName: string, options?: { sourceMap?: boolean }) => {
  code: string;
  map?: unknown;
  /** V8 code cache for `code`, and a hook that receives the vm.Script (a caching compiler's) */
  cachedData?: Buffer;
  onScript?: (script: vm.Script) => void;
};
export type ChunkLoader = (source: string, chunkName: string, env: unknown) => Function;

let compiler: ChunkCompiler | undefined;
let counter = 0;

export function setCompiler(c: ChunkCompiler): void {
  compiler = c;
}

let fileCompiler: ChunkCompiler | undefined;

/** The compiler for chunks read from files (require): the CLI's, which keeps a disk cache. */
export function setFileCompiler(c: ChunkCompiler): void {
  fileCompiler = c;
}

/** Instantiates compiled factory code as a Lua function with the given _ENV. */
/** `map` is the chunk's source map, or a function that makes it when first needed. */
/** `onScript` receives the vm.Script (to check `cachedDataRejected` or make a code cache). */
export function instantiate(code: string, chunkName: string, env: unknown, map?: unknown, cachedData?: Buffer,
  onScript?: (script: vm.Script) => void): Function {
  const filename = `lua:${++counter}:${chunkName}`;
  chunkNames.set(filename, chunkName);
  if (map !== undefined) registerChunkMap(filename, map);
  const script = new vm.Script(code, { filename, cachedData });
  onScript?.(script);
  const factory = script.runInThisContext() as (rt: unknown, env: unknown) => Function;
  return factory(helpers, env);
}

/** Compiles and instantiates Lua source (load). */
export function loadChunk(source: string, chunkName: string, env: unknown): Function {
  return loadWith(compiler, source, chunkName, env);
}

/** Compiles and instantiates a Lua file's source (require), through the file compiler when set. */
export function loadFileChunk(source: string, chunkName: string, env: unknown): Function {
  return loadWith(fileCompiler ?? compiler, source, chunkName, env);
}

function loadWith(c: ChunkCompiler | undefined, source: string, chunkName: string, env: unknown): Function {
  if (c === undefined) throw new Error("no Lua compiler available in this build");
  const { code, cachedData, onScript } = c(source, chunkName, { sourceMap: false });
  // the source map, only if an error needs it, from the compiler itself (a cache has no map)
  return instantiate(code, chunkName, env, () => (compiler ?? c)(source, chunkName).map, cachedData, onScript);
}
