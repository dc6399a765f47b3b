// File handles as Lua sees them: the FILE* userdata, its metatable and methods (read, write,
// lines, seek, setvbuf, flush, close, __tostring, __close, __gc) and the lines iterator.
import { builtinNames, rterror } from "../error.ts";
import { LuaTable } from "../table.ts";
import { LuaUserdata, addressOf } from "../value.ts";
import { failure } from "./errno.ts";
import type { FileState } from "./io-handle.ts";
import { gRead, gWrite } from "./io-read.ts";
import { argError, checkOption, named, optInt, typeError } from "./libargs.ts";
import { makeLib } from "./register.ts";

export class LuaFile extends LuaUserdata {
  st: FileState;
  constructor(st: FileState) {
    super(fileMeta);
    this.st = st;
  }
}

/** Open files to flush at exit (C's exit closes every stream). */
const live = new Set<FileState>();
/** __gc: a handle Lua can no longer reach is closed. */
const collector = new FinalizationRegistry<FileState>((st) => closeQuietly(st));

function closeQuietly(st: FileState): void {
  live.delete(st);
  if (st.closed) return;
  try {
    st.close();
  } catch {
    // like __gc, errors while closing are ignored
  }
}

let exitHook = false;

/** Wraps a state in a new handle; ordinary files are closed at exit or when collected. */
export function wrap(st: FileState): LuaFile {
  const f = new LuaFile(st);
  if (!st.standard) {
    live.add(st);
    collector.register(f, st);
    if (!exitHook) {
      exitHook = true;
      process.on("exit", closeAll);
    }
  }
  return f;
}

/** Flushes and closes every open file (at exit, and before os.exit ends the process). */
export function closeAll(): void {
  for (const st of [...live]) closeQuietly(st);
}

/** tofile: the open file of argument 1. */
export function tofile(args: unknown[], fname: string): FileState {
  const f = args[0];
  if (!(f instanceof LuaFile)) return typeError(args, 1, fname, "FILE*");
  if (f.st.closed) rterror("attempt to use a closed file");
  return f.st;
}

/** aux_close: standard streams stay open. */
export function closeFile(st: FileState): unknown[] {
  if (st.standard) return [undefined, "cannot close standard file"];
  live.delete(st);
  try {
    return st.close();
  } catch (e) {
    return failure(e);
  }
}

const MAXARGLINE = 250;

/** aux_lines + io_readline: an iterator reading `formats` each call; closes at end if asked. */
export function linesIterator(file: LuaFile, formats: unknown[], toclose: boolean, fname: string): Function {
  if (formats.length > MAXARGLINE) argError(MAXARGLINE + 2, fname, "too many arguments");
  const args = [file, ...formats];
  const it = {
    "for iterator": (): unknown => {
      const st = file.st;
      if (st.closed) return rterror("file is already closed");
      const r = gRead(st, args, 2, "for iterator");
      if (r[0] !== undefined) return r;
      if (r.length > 1) return rterror(String(r[1]));
      if (toclose) closeFile(st);
      return undefined;
    },
  }["for iterator"];
  return it;
}
builtinNames.add("for iterator");

const methods = makeLib({
  close: named("file:close", (...args: unknown[]) => closeFile(tofile(args, "file:close"))),
  flush: named("file:flush", (...args: unknown[]): unknown => {
    const st = tofile(args, "file:flush");
    try {
      st.flush();
    } catch (e) {
      return failure(e);
    }
    return true;
  }),
  lines: named("file:lines", (...args: unknown[]) => {
    tofile(args, "file:lines");
    return linesIterator(args[0] as LuaFile, args.slice(1), false, "file:lines");
  }),
  read: named("file:read", (...args: unknown[]) => gRead(tofile(args, "file:read"), args, 2, "file:read")),
  seek: named("file:seek", (...args: unknown[]): unknown => {
    const st = tofile(args, "file:seek");
    const whence = checkOption(args, 2, "file:seek", "cur", ["set", "cur", "end"]);
    const offset = optInt(args, 3, "file:seek", 0);
    try {
      return st.seek(whence, Number(offset));
    } catch (e) {
      return failure(e);
    }
  }),
  setvbuf: named("file:setvbuf", (...args: unknown[]): unknown => {
    const st = tofile(args, "file:setvbuf");
    const mode = checkOption(args, 2, "file:setvbuf", undefined, ["no", "full", "line"]);
    optInt(args, 3, "file:setvbuf", 1024);
    try {
      st.flush();
    } catch (e) {
      return failure(e);
    }
    st.vbuf = (["no", "full", "line"] as const)[mode];
    return true;
  }),
  write: named("file:write", (...args: unknown[]) => gWrite(tofile(args, "file:write"), args, 2, "file:write", args[0])),
});

function gc(f: unknown): unknown {
  if (f instanceof LuaFile && !f.st.closed && !f.st.standard) closeQuietly(f.st);
  return undefined;
}

export const fileMeta: LuaTable = makeLib({
  __index: methods,
  __name: "FILE*",
  __tostring: named("file:__tostring", (f: unknown) =>
    f instanceof LuaFile && f.st.closed ? "file (closed)" : `file (${addressOf(f as object)})`),
  __close: named("file:__close", gc),
  __gc: named("file:__gc", gc),
});
