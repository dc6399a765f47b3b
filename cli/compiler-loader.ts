// Loads the Lua compiler only when it is needed (a cache miss or load()): the compiler and its
// Babel dependencies cost ~60 ms to import, which a cached run must not pay.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CompiledChunk } from "../compiler/index.ts";

export interface CompilerModule {
  compile(source: string, chunk: string, options?: { sourceMap?: boolean }): CompiledChunk;
  LuaSyntaxError: new (...args: never[]) => Error & { chunk: string; line: number; text: string };
  COMPILER_VERSION: string;
}

const here = dirname(fileURLToPath(import.meta.url));
/** In a build, dist/compiler.cjs sits beside dist/assay.cjs; from source, compiler/index.ts. */
const bundled = join(here, "compiler.cjs");
let loaded: CompilerModule | undefined;

export function loadCompiler(): CompilerModule {
  if (loaded === undefined) {
    const req = createRequire(import.meta.url);
    const path = existsSync(bundled) ? bundled : join(here, "..", "compiler", "index.ts");
    loaded = req(path) as CompilerModule;
  }
  return loaded;
}

/** Identifies the compiler build for the cache key without loading it. */
export function compilerStamp(): string {
  return existsSync(bundled) ? `bundle` : "source";
}
