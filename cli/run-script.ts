// Running a Lua script: compile (or take the cached compilation), instantiate with fresh
// globals, call with the script arguments, and report an uncaught error with its traceback.
import { instantiate, setCompiler } from "../runtime/chunk.ts";
import { logLine } from "../runtime/log.ts";
import { flushOut } from "../runtime/stdout.ts";
import { LuaTable } from "../runtime/table.ts";
import { fromJs } from "../runtime/value.ts";
import { createEnvironment } from "../stdlib-ts/index.ts";
import { cacheKey, readCache, writeCache } from "./cache.ts";
import { compilerStamp, loadCompiler } from "./compiler-loader.ts";
import { reportError } from "./report.ts";

setCompiler((src, name, options) => loadCompiler().compile(src, name, options));

export interface ScriptOptions {
  /** script source as a byte string */
  source: string;
  chunkName: string;
  /** arg[0] and the arguments after it */
  scriptPath: string;
  args: string[];
}

/** Whether e is the compiler's LuaSyntaxError (checked by name: the compiler loads lazily). */
export function isSyntaxError(e: unknown): e is Error {
  return e instanceof Error && e.name === "LuaSyntaxError";
}

/**
 * Compiled code for a chunk: from the cache when the build and source are unchanged. The
 * source map is made only if an error needs it (see runtime/error.ts), so `map` is a maker.
 */
export function compileCached(source: string, chunkName: string): { code: string; map: () => unknown } {
  const map = () => loadCompiler().compile(source, chunkName).map;
  const useCache = compilerStamp() === "bundle";
  const key = useCache ? cacheKey(source, chunkName, "2") : "";
  if (useCache) {
    const hit = readCache(key);
    if (hit) return { code: hit.code, map };
  }
  const { code } = loadCompiler().compile(source, chunkName, { sourceMap: false });
  if (useCache) writeCache(key, { code });
  return { code, map };
}

/** Runs a script; returns the process exit code. */
export function runScript(opts: ScriptOptions): number {
  let code: string, map: unknown;
  try {
    ({ code, map } = compileCached(opts.source, opts.chunkName));
  } catch (e) {
    if (isSyntaxError(e)) {
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
