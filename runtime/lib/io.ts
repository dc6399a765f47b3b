// The io library (liolib.c): open, close, read, write, lines, input, output, type, popen,
// tmpfile and the standard streams; handles and their methods live in io-methods.ts.
import { rterror } from "../error.ts";
import { isNumber } from "../number.ts";
import { LuaTable } from "../table.ts";
import { failure } from "./errno.ts";
import type { FileState } from "./io-handle.ts";
import { openFile, popenFile, stdStreams, tmpFile, validMode } from "./io-open.ts";
import { LuaFile, closeFile, linesIterator, tofile, wrap } from "./io-methods.ts";
import { gRead, gWrite } from "./io-read.ts";
import { argError, checkAny, checkString, named, optString } from "./libargs.ts";
import { makeLib } from "./register.ts";

/** opencheckfile: open or raise "cannot open file 'name' (reason)". */
function openOrRaise(name: string, mode: string): LuaFile {
  try {
    return wrap(openFile(name, mode));
  } catch (e) {
    const r = failure(e);
    return rterror(`cannot open file '${name}' (${String(r[1])})`);
  }
}

export function openIo(G: LuaTable): void {
  const [stdinSt, stdoutSt, stderrSt] = stdStreams();
  const stdin = wrap(stdinSt), stdout = wrap(stdoutSt), stderr = wrap(stderrSt);
  let input: LuaFile = stdin;
  let output: LuaFile = stdout;

  const ioFile = (which: "input" | "output"): FileState => {
    const f = which === "input" ? input : output;
    if (f.st.closed) rterror(`default ${which} file is closed`);
    return f.st;
  };

  /** g_iofile: io.input / io.output. */
  const iofile = (which: "input" | "output", fname: string, mode: string, args: unknown[]): LuaFile => {
    const v = args[0];
    if (v !== undefined) {
      let f: LuaFile;
      if (typeof v === "string" || isNumber(v)) f = openOrRaise(checkString(args, 1, fname), mode);
      else {
        tofile(args, fname);
        f = v as LuaFile;
      }
      if (which === "input") input = f;
      else output = f;
    }
    return which === "input" ? input : output;
  };

  const lib = makeLib({
    close: named("io.close", (...args: unknown[]) =>
      closeFile(args.length === 0 ? tofile([output], "io.close") : tofile(args, "io.close"))),
    flush: named("io.flush", (): unknown => {
      try {
        ioFile("output").flush();
      } catch (e) {
        return failure(e);
      }
      return true;
    }),
    input: named("io.input", (...args: unknown[]) => iofile("input", "io.input", "r", args)),
    lines: named("io.lines", (...args: unknown[]): unknown => {
      if (args[0] === undefined) {
        tofile([input], "io.lines");
        return linesIterator(input, args.slice(1), false, "io.lines");
      }
      const f = openOrRaise(checkString(args, 1, "io.lines"), "r");
      return [linesIterator(f, args.slice(1), true, "io.lines"), undefined, undefined, f];
    }),
    open: named("io.open", (...args: unknown[]): unknown => {
      const name = checkString(args, 1, "io.open");
      const mode = optString(args, 2, "io.open", "r");
      if (!validMode(mode)) argError(2, "io.open", "invalid mode");
      try {
        return wrap(openFile(name, mode));
      } catch (e) {
        return failure(e, name);
      }
    }),
    output: named("io.output", (...args: unknown[]) => iofile("output", "io.output", "w", args)),
    popen: named("io.popen", (...args: unknown[]): unknown => {
      const prog = checkString(args, 1, "io.popen");
      const mode = optString(args, 2, "io.popen", "r");
      if (mode !== "r" && mode !== "w") argError(2, "io.popen", "invalid mode");
      try {
        return wrap(popenFile(prog, mode));
      } catch (e) {
        return failure(e, prog);
      }
    }),
    read: named("io.read", (...args: unknown[]) => gRead(ioFile("input"), args, 1, "io.read")),
    tmpfile: named("io.tmpfile", (): unknown => {
      try {
        return wrap(tmpFile());
      } catch (e) {
        return failure(e);
      }
    }),
    type: named("io.type", (...args: unknown[]): unknown => {
      const v = checkAny(args, 1, "io.type");
      if (!(v instanceof LuaFile)) return undefined;
      return v.st.closed ? "closed file" : "file";
    }),
    write: named("io.write", (...args: unknown[]) => gWrite(ioFile("output"), args, 1, "io.write", output)),
  });
  lib.set("stdin", stdin);
  lib.set("stdout", stdout);
  lib.set("stderr", stderr);
  G.set("io", lib);
}
