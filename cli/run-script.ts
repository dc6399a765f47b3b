// Running a Lua script: compile (or take the cached compilation), instantiate with fresh
// globals, call with the script arguments, and report an uncaught error with its traceback.
import { instantiate, setCompiler, setFileCompiler } from "../runtime/chunk.ts";
import { logLine } from "../runtime/log.ts";
import { flushOut } from "../runtime/stdout.ts";
import { LuaTable } from "../runtime/table.ts";
import { fromJs } from "../runtime/value.ts";
import { createEnvironment } from "../stdlib-ts/index.ts";
import type vm from "node:vm";
import { cacheKey, readCache, writeCache, writeCodeCache } from "./cache.ts";
import { compilerStamp, loadCompiler } from "./compiler-loader.ts";
import { reportError } from "./report.ts";

setCompiler((src, name, options) => loadCompiler().compile(src, name, options));
/** Chunks run in this process whose V8 code cache is to be saved when the script ends. */
const codeCaches: { key: string; had: Buffer | undefined; script: vm.Script }[] = [];

/** After a run: stores V8's code cache for each cached chunk that had none (or a stale one). */
function saveCodeCaches(): void {
  for (const { key, had, script } of codeCaches) {
    if (had !== undefined && script.cachedDataRejected !== true) continue;
    try {
      writeCodeCache(key, script.createCachedData());
    } catch {
      // only costs speed
    }
  }
  codeCaches.length = 0;
}

/** The hook that records a cached chunk's script for saveCodeCaches (none when not cached). */
function rememberScript(key: string | undefined, had: Buffer | undefined): ((script: vm.Script) => void) | undefined {
  return key === undefined ? undefined : (script) => void codeCaches.push({ key, had, script });
}

// modules found by require go through the same disk cache as the script
setFileCompiler((src, name) => {
  const { code, key, v8 } = compileCached(src, name);
  return { code, cachedData: v8, onScript: rememberScript(key, v8) };
});

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
export function compileCached(source: string, chunkName: string): { code: string; map: () => unknown; key?: string; v8?: Buffer } {
  const map = () => loadCompiler().compile(source, chunkName).map;
  const useCache = compilerStamp() === "bundle";
  const key = useCache ? cacheKey(source, chunkName, "2") : undefined;
  if (key !== undefined) {
    const hit = readCache(key);
    if (hit) return { code: hit.code, map, key, v8: hit.v8 };
  }
  const { code } = loadCompiler().compile(source, chunkName, { sourceMap: false });
  if (key !== undefined) writeCache(key, { code });
  return { code, map, key };
}

/** Runs a script; returns the process exit code. */
export function runScript(opts: ScriptOptions): number {
  let code: string, map: unknown, key: string | undefined, v8: Buffer | undefined;
  try {
    ({ code, map, key, v8 } = compileCached(opts.source, opts.chunkName));
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
  // V8's code cache rides along with a cached chunk: made after the first run (so it holds the
  // functions that ran), used by the next ones
  try {
    const chunk = instantiate(code, opts.chunkName, G, map, v8, rememberScript(key, v8));
    chunk(...opts.args.map(fromJs));
    flushOut();
    saveCodeCaches();
    return 0;
  } catch (e) {
    reportError(e);
    saveCodeCaches();
    return 1;
  }
}
