// Buffered standard output for print/io.write: bytes are collected and written in large
// chunks; flushed before anything goes to stderr and at exit.
import { writeSync } from "node:fs";

let buf: string[] = [];
let size = 0;

/** When set, output goes here instead of fd 1 (tests run scripts in-process). */
export const capture: { sink: string[] | undefined } = { sink: undefined };

/** Appends a Lua byte string to stdout. */
export function writeOut(s: string): void {
  if (capture.sink !== undefined) {
    capture.sink.push(s);
    return;
  }
  buf.push(s);
  size += s.length;
  if (size > 65536) flushOut();
}

export function flushOut(): void {
  if (size === 0 && buf.length === 0) return;
  const data = Buffer.from(buf.join(""), "latin1");
  buf = [];
  size = 0;
  let off = 0;
  while (off < data.length) {
    try {
      off += writeSync(1, data, off, data.length - off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      if ((e as NodeJS.ErrnoException).code === "EPIPE") return;
      throw e;
    }
  }
}

/** Writes a Lua byte string to stderr (after flushing stdout, to keep the order). */
export function writeErr(s: string): void {
  flushOut();
  const data = Buffer.from(s, "latin1");
  let off = 0;
  while (off < data.length) {
    try {
      off += writeSync(2, data, off, data.length - off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      return;
    }
  }
}
