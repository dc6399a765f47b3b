// The compile cache for `assay run`: compiled chunks stored by content hash (source, chunk name,
// compiler build) under $XDG_CACHE_HOME/assay or ~/.cache/assay. Writes are atomic (temp file +
// rename) so concurrent runs are safe; any cache failure only costs speed.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface CachedChunk {
  code: string;
  /** V8's code cache for the chunk's JS (vm.Script cachedData), once a run has made one */
  v8?: Buffer;
}

function cacheDir(): string | undefined {
  if (process.env.ASSAY_NO_CACHE) return undefined;
  const base = process.env.XDG_CACHE_HOME || (homedir() ? join(homedir(), ".cache") : undefined);
  return base ? join(base, "assay") : undefined;
}

let buildId: string | undefined;

/** Changes whenever the installed assay (and so its compiler) changes. */
function build(): string {
  if (buildId === undefined) {
    try {
      const st = statSync(fileURLToPath(import.meta.url));
      buildId = `${st.size}-${st.mtimeMs}`;
    } catch {
      buildId = "unknown";
    }
  }
  return buildId;
}

/** 64-bit FNV-1a (two 32-bit lanes) of a byte string; with the length, a key for a local cache. */
function fnv(s: string, seed: number): string {
  let h1 = 0x811c9dc5 ^ seed, h2 = 0x01000193 ^ (seed * 31);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}

/** The cache key: a hash of the source, chunk name and compiler build (no crypto module to load). */
export function cacheKey(source: string, chunkName: string, compilerVersion: string): string {
  const head = `${compilerVersion}\0${build()}\0${chunkName}\0`;
  return fnv(head + source, 1) + fnv(source + head, 7) + source.length.toString(16);
}

export function readCache(key: string): CachedChunk | undefined {
  const dir = cacheDir();
  if (dir === undefined) return undefined;
  try {
    const code = readFileSync(join(dir, key + ".js"), "utf8");
    let v8: Buffer | undefined;
    try {
      v8 = readFileSync(join(dir, key + ".v8"));
    } catch {
      v8 = undefined;
    }
    return { code, v8 };
  } catch {
    return undefined;
  }
}

/** Stores V8's code cache for a cached chunk (made after a run, so it holds what ran). */
export function writeCodeCache(key: string, data: Buffer): void {
  const dir = cacheDir();
  if (dir === undefined) return;
  try {
    makeDirs(dir);
    writeAtomic(join(dir, key + ".v8"), data);
  } catch {
    // read-only or full: run without it
  }
}

function writeAtomic(path: string, data: string | Buffer): void {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/**
 * mkdir -p one level at a time (Node 24's recursive mkdirSync never returns for some paths,
 * e.g. under /proc); throws when a level cannot be made.
 */
function makeDirs(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeDirs(parent);
  try {
    mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
}

export function writeCache(key: string, chunk: CachedChunk): void {
  const dir = cacheDir();
  if (dir === undefined) return;
  try {
    makeDirs(dir);
    writeAtomic(join(dir, key + ".js"), chunk.code);
    prune(dir);
  } catch {
    // read-only or full: run without caching
  }
}

/** Most chunks kept; past it, a new entry removes the least recently written ones. */
const MAX_ENTRIES = 1000;
const KEEP_ENTRIES = 800;

/** Keeps the cache bounded: on a write (a cache miss), drops the oldest chunks past MAX_ENTRIES. */
function prune(dir: string): void {
  const names = readdirSync(dir).filter((n) => n.endsWith(".js"));
  if (names.length <= MAX_ENTRIES) return;
  const aged = names.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of aged.slice(0, aged.length - KEEP_ENTRIES)) {
    const key = n.slice(0, -3);
    for (const f of [key + ".js", key + ".v8"]) rmSync(join(dir, f), { force: true });
  }
}

