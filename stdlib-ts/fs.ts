// fs: synchronous file-system builtins. Paths and contents are Lua byte strings passed to
// node:fs as Buffers, so any file (binary included) round-trips byte for byte.
import {
  chmodSync, copyFileSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, unlinkSync,
  writeFileSync, type Dirent,
} from "node:fs";
import { tmpdir } from "node:os";
import { mkfloat } from "../runtime/number.ts";
import { LuaTable } from "../runtime/table.ts";
import { EMPTY, fromBytes, fromJs, toBytes } from "../runtime/value.ts";
import { argInteger, argString, fail, osError } from "./builtin-args.ts";
import { PatternError, glob as globPaths } from "./fs-glob.ts";
import { array, library, record } from "./lua-tables.ts";
import { debugQuote as q } from "./rust-format.ts";

function io<T>(what: () => T, message: () => string): T {
  try {
    return what();
  } catch (e) {
    return fail(`${message()}: ${osError(e)}`);
  }
}

/** Rust's Path::parent as a byte string ("" for a bare name, undefined for "/"). */
function parentOf(p: string): string | undefined {
  const trimmed = p.replace(/\/+$/, "");
  if (trimmed === "") return undefined;
  const i = trimmed.lastIndexOf("/");
  if (i < 0) return "";
  return i === 0 ? "/" : trimmed.slice(0, i).replace(/(.)\/+$/, "$1");
}

function isDirPath(p: string): boolean {
  try {
    return statSync(toBytes(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Rust's create_dir_all (Node's recursive mkdir never returns for some paths, e.g. under /proc). */
function createDirAll(p: string): void {
  if (p === "") return;
  try {
    mkdirSync(toBytes(p));
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") {
      if (isDirPath(p)) return;
      throw e;
    }
  }
  const parent = parentOf(p);
  if (parent === undefined) throw new Error("failed to create whole tree");
  createDirAll(parent);
  try {
    mkdirSync(toBytes(p));
  } catch (e) {
    if (!isDirPath(p)) throw e;
  }
}

export function read(...args: unknown[]): unknown {
  const p = argString(args, 1, "fs.read");
  return fromBytes(io(() => readFileSync(toBytes(p)), () => `fs.read: failed to read ${q(p)}`));
}

export function write(...args: unknown[]): unknown {
  const p = argString(args, 1, "fs.write");
  const content = argString(args, 2, "fs.write");
  const parent = parentOf(p);
  if (parent) io(() => createDirAll(parent), () => `fs.write: failed to create directories for ${q(p)}`);
  io(() => writeFileSync(toBytes(p), toBytes(content)), () => `fs.write: failed to write ${q(p)}`);
  return EMPTY;
}

export function remove(...args: unknown[]): unknown {
  const p = argString(args, 1, "fs.remove");
  let dir = false;
  try {
    dir = lstatSync(toBytes(p)).isDirectory();
  } catch {
    dir = false;
  }
  if (dir) io(() => rmSync(toBytes(p), { recursive: true }), () => `fs.remove: failed to remove directory ${q(p)}`);
  else io(() => unlinkSync(toBytes(p)), () => `fs.remove: failed to remove ${q(p)}`);
  return EMPTY;
}

function kind(d: { isDirectory(): boolean; isSymbolicLink(): boolean }): string {
  return d.isDirectory() ? "directory" : d.isSymbolicLink() ? "symlink" : "file";
}

function entries(dir: string): Dirent<Buffer>[] {
  return readdirSync(toBytes(dir), { withFileTypes: true, encoding: "buffer" });
}

export function list(...args: unknown[]): unknown {
  const p = argString(args, 1, "fs.list");
  const ds = io(() => entries(p), () => `fs.list: failed to list ${q(p)}`);
  return array(ds.map((d) => record({ name: fromBytes(d.name), type: kind(d) })));
}

/** Seconds since the epoch as Rust's Duration::as_secs_f64 computes them. */
function seconds(ns: bigint): unknown {
  return mkfloat(Number(ns / 1_000_000_000n) + Number(ns % 1_000_000_000n) / 1e9);
}

export function stat(...args: unknown[]): unknown {
  const p = argString(args, 1, "fs.stat");
  const st = io(() => statSync(toBytes(p), { bigint: true }), () => `fs.stat: failed to stat ${q(p)}`);
  let link = false;
  try {
    link = lstatSync(toBytes(p)).isSymbolicLink();
  } catch {
    link = false;
  }
  return record({
    size: Number(st.size), is_file: st.isFile(), is_dir: st.isDirectory(), is_symlink: link,
    modified: seconds(st.mtimeNs), created: st.birthtimeNs > 0n ? seconds(st.birthtimeNs) : undefined,
  });
}

export function mkdir(...args: unknown[]): unknown {
  const p = argString(args, 1, "fs.mkdir");
  io(() => createDirAll(p), () => `fs.mkdir: failed to create ${q(p)}`);
  return EMPTY;
}

export function exists(...args: unknown[]): unknown {
  const p = argString(args, 1, "fs.exists");
  try {
    return statSync(toBytes(p), { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

export function copy(...args: unknown[]): unknown {
  const src = argString(args, 1, "fs.copy");
  const dst = argString(args, 2, "fs.copy");
  const what = `fs.copy: failed to copy ${q(src)} to ${q(dst)}`;
  const st = io(() => statSync(toBytes(src)), () => what);
  if (!st.isFile()) fail(`${what}: the source path is neither a regular file nor a symlink to a regular file`);
  io(() => copyFileSync(toBytes(src), toBytes(dst)), () => what);
  return io(() => statSync(toBytes(dst)).size, () => what);
}

export function rename(...args: unknown[]): unknown {
  const src = argString(args, 1, "fs.rename");
  const dst = argString(args, 2, "fs.rename");
  io(() => renameSync(toBytes(src), toBytes(dst)), () => `fs.rename: failed to rename ${q(src)} to ${q(dst)}`);
  return EMPTY;
}

export function glob(...args: unknown[]): unknown {
  const pattern = argString(args, 1, "fs.glob");
  try {
    return array(globPaths(pattern));
  } catch (e) {
    if (e instanceof PatternError) fail(`fs.glob: invalid pattern ${q(pattern)}: ${e.message}`);
    throw e;
  }
}

let tempCounter = 0;

export function tempdir(): unknown {
  const nanos = BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
  const path = `${tmpdir()}/assay-${nanos.toString(16)}-${tempCounter++}`;
  io(() => mkdirSync(path), () => `fs.tempdir: failed to create ${q(fromJs(path))}`);
  return fromJs(path);
}

export function chmod(...args: unknown[]): unknown {
  const p = argString(args, 1, "fs.chmod");
  const mode = argInteger(args, 2, "fs.chmod");
  if (mode < 0 || mode > 0xffffffff) fail(`bad argument #2 to 'fs.chmod' (mode out of range)`);
  io(() => chmodSync(toBytes(p), mode), () => `fs.chmod: failed to chmod ${q(p)}`);
  return EMPTY;
}

function depthOption(opts: unknown): number | undefined {
  if (!(opts instanceof LuaTable)) return undefined;
  const v = opts.get("depth");
  return v === undefined ? undefined : argInteger([v], 1, "fs.readdir (depth)");
}

export function readdir(...args: unknown[]): unknown {
  if (args[0] === undefined) fail("fs.readdir: path required");
  const root = argString(args, 1, "fs.readdir");
  const maxDepth = depthOption(args[1]);
  const out: LuaTable[] = [];
  const walk = (dir: string, rel: string, depth: number): void => {
    const ds = io(() => entries(dir), () => `fs.readdir: failed to read ${q(dir)}`);
    for (const d of ds) {
      const name = fromBytes(d.name);
      const path = rel === "" ? name : `${rel}/${name}`;
      out.push(record({ path, type: kind(d) }));
      if (d.isDirectory() && (maxDepth === undefined || depth < maxDepth)) {
        walk(dir.endsWith("/") ? dir + name : `${dir}/${name}`, path, depth + 1);
      }
    }
  };
  walk(root, "", 1);
  return array(out);
}

export function open(G: LuaTable): void {
  G.set("fs", library("fs", {
    read, write, remove, list, stat, mkdir, exists, copy, rename, glob, tempdir, chmod, readdir,
  }));
}
