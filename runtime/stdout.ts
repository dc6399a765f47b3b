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

/**
 * Writes all of data to fd, retrying while a non-blocking pipe is full. A closed reader (EPIPE)
 * ends the output quietly; on stderr any error does.
 */
function writeAll(fd: number, data: Buffer): void {
  let off = 0;
  while (off < data.length) {
    try {
      off += writeSync(fd, data, off, data.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") continue;
      if (code === "EPIPE" || fd === 2) return;
      throw e;
    }
  }
}

export function flushOut(): void {
  if (size === 0 && buf.length === 0) return;
  const data = Buffer.from(buf.join(""), "latin1");
  buf = [];
  size = 0;
  writeAll(1, data);
}

/** Writes a Lua byte string to stderr (after flushing stdout, to keep the order). */
export function writeErr(s: string): void {
  flushOut();
  writeAll(2, Buffer.from(s, "latin1"));
}
