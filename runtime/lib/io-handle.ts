// The state behind a Lua file handle: a file descriptor with C-stdio-like buffering done in
// Lua byte strings, positional I/O for regular files, chunked reads for pipes and terminals.
import { tty } from "../node.ts";
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import { OsError } from "./errno.ts";
import { type Releasable, forget, touch, withDescriptors } from "./io-fdpool.ts";
import { fromBytes, toBytes } from "../value.ts";

const CHUNK = 65536;

export type VBuf = "no" | "full" | "line";

/** Blocks the thread briefly (a non-blocking descriptor had no data yet). */
function pause(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
}

export class FileState implements Releasable {
  fd: number;
  closed = false;
  readable: boolean;
  writable: boolean;
  append: boolean;
  /** regular files: positional reads and writes at `fpos`; others read and write in sequence */
  seekable: boolean;
  /** buffered input, consumed up to rpos */
  rbuf = "";
  rpos = 0;
  /** file offset just past the buffered input (seekable files) */
  fpos = 0;
  /** end of input seen during the current read call (C's EOF flag, cleared per call) */
  eof = false;
  wbuf: string[] = [];
  wsize = 0;
  vbuf: VBuf = "full";
  /** what close returns, when not plain `true` (popen handles) */
  onClose: (() => unknown[]) | undefined = undefined;
  /** where writes go when there is no descriptor (stdout, stderr, popen input), and its flush */
  sink: ((s: string) => void) | undefined = undefined;
  sinkFlush: (() => void) | undefined = undefined;
  /** runs before each read from the descriptor (stdin flushes stdout, as C does for prompts) */
  beforeRead: (() => void) | undefined = undefined;
  /** the descriptor behind a sink (1 for stdout, 2 for stderr), for seek */
  statFd = -1;
  /** the standard streams cannot be closed */
  standard = false;
  /** regular files opened by name can give up their descriptor (io-fdpool.ts) and reopen */
  path: Buffer | undefined = undefined;
  reopenFlags = "r";
  released = false;

  constructor(fd: number, readable: boolean, writable: boolean, append = false, sequential = false) {
    this.fd = fd;
    this.readable = readable;
    this.writable = writable;
    this.append = append;
    this.seekable = !sequential && fd >= 0 && fstatSync(fd).isFile();
  }

  /** The descriptor, reopened if it was released. */
  private desc(): number {
    if (this.released) {
      const path = this.path as Buffer;
      this.fd = withDescriptors(() => openSync(path, this.reopenFlags));
      this.released = false;
    }
    if (this.path !== undefined) touch(this);
    return this.fd;
  }

  release(): void {
    if (this.released || this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.released = true;
    forget(this);
  }

  // ---- reading ----------------------------------------------------------------------------

  /** Reads more input into the buffer; false at end of input. */
  private fill(): boolean {
    if (this.eof) return false;
    if (!this.readable) throw new OsError("EBADF");
    this.flush();
    this.beforeRead?.();
    if (this.fd < 0) {
      this.eof = true;
      return false;
    }
    const buf = Buffer.allocUnsafe(CHUNK);
    let n: number;
    for (;;) {
      try {
        n = readSync(this.desc(), buf, 0, CHUNK, this.seekable ? this.fpos : null);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
        pause();
      }
    }
    if (n === 0) {
      this.eof = true;
      return false;
    }
    this.fpos += n;
    this.rbuf = this.rbuf.slice(this.rpos) + fromBytes(buf.subarray(0, n));
    this.rpos = 0;
    return true;
  }

  /** The next byte (as a one-char string) without consuming it; undefined at end of input. */
  peek(): string | undefined {
    if (this.rpos >= this.rbuf.length && !this.fill()) return undefined;
    return this.rbuf[this.rpos];
  }

  /** Buffers at least n unread bytes when the input has them. */
  ensure(n: number): void {
    while (this.rbuf.length - this.rpos < n && this.fill());
  }

  advance(): void {
    this.rpos++;
  }

  /** A line without (chop) or with its "\n"; undefined at end of input with nothing read. */
  readLine(chop: boolean): string | undefined {
    let acc = "";
    for (;;) {
      const nl = this.rbuf.indexOf("\n", this.rpos);
      if (nl >= 0) {
        const line = acc + this.rbuf.slice(this.rpos, chop ? nl : nl + 1);
        this.rpos = nl + 1;
        return line;
      }
      acc += this.rbuf.slice(this.rpos);
      this.rpos = this.rbuf.length;
      if (!this.fill()) return acc.length > 0 ? acc : undefined;
    }
  }

  /** Up to n bytes; undefined when none are left. */
  readChars(n: number): string | undefined {
    let acc = "";
    while (acc.length < n) {
      if (this.rpos >= this.rbuf.length && !this.fill()) break;
      const take = Math.min(n - acc.length, this.rbuf.length - this.rpos);
      acc += this.rbuf.slice(this.rpos, this.rpos + take);
      this.rpos += take;
    }
    return acc.length > 0 ? acc : undefined;
  }

  readAll(): string {
    const parts = [this.rbuf.slice(this.rpos)];
    this.rpos = this.rbuf.length;
    while (this.fill()) {
      parts.push(this.rbuf);
      this.rpos = this.rbuf.length;
    }
    return parts.join("");
  }

  // ---- writing ----------------------------------------------------------------------------

  write(s: string): void {
    if (!this.writable) throw new OsError("EBADF");
    if (this.sink !== undefined) {
      this.sink(s);
      if (this.vbuf === "no" || (this.vbuf === "line" && s.includes("\n"))) this.sinkFlush?.();
      return;
    }
    if (this.seekable && this.rpos < this.rbuf.length) {
      this.fpos = this.position();
      this.rbuf = "";
      this.rpos = 0;
    }
    this.wbuf.push(s);
    this.wsize += s.length;
    if (this.vbuf === "no" || this.wsize >= CHUNK || (this.vbuf === "line" && s.includes("\n"))) this.flush();
  }

  flush(): void {
    if (this.sink !== undefined) this.sinkFlush?.();
    if (this.wsize === 0) return;
    const data = toBytes(this.wbuf.join(""));
    this.wbuf = [];
    this.wsize = 0;
    let off = 0;
    while (off < data.length) {
      try {
        const at = this.seekable && !this.append ? this.fpos + off : null;
        off += writeSync(this.desc(), data, off, data.length - off, at);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
        pause();
      }
    }
    if (this.seekable) this.fpos = this.append ? fstatSync(this.desc()).size : this.fpos + data.length;
  }

  // ---- positioning and closing ------------------------------------------------------------

  /** The logical position: where the next read or write happens. */
  position(): number {
    return this.fpos - (this.rbuf.length - this.rpos) + this.wsize;
  }

  seek(whence: number, offset: number): number {
    if (!this.seekable) {
      const fd = this.fd >= 0 ? this.fd : this.statFd;
      const st = fd >= 0 ? fstatSync(fd) : undefined;
      if (st?.isFile() && this.fd >= 0) {
        // stdin from a file: read positionally from now on, counting from where reading began
        this.seekable = true;
      } else if (st?.isFile()) {
        // stdout/stderr into a file: writes go to its end, the only position known here
        this.flush();
        const size = fstatSync(fd).size;
        if ((whence === 0 ? 0 : size) + offset === size) return size;
        throw new OsError("ESPIPE");
      } else if (st?.isCharacterDevice() && !tty().isatty(fd)) {
        return 0; // like lseek on /dev/null
      } else throw new OsError("ESPIPE");
    }
    this.flush();
    const base = whence === 0 ? 0 : whence === 1 ? this.position() : fstatSync(this.desc()).size;
    const pos = base + offset;
    if (pos < 0) throw new OsError("EINVAL");
    this.rbuf = "";
    this.rpos = 0;
    this.fpos = pos;
    return pos;
  }

  /** Flushes and releases the descriptor; returns close's results. */
  close(): unknown[] {
    this.closed = true;
    let r: unknown[] = [true];
    try {
      this.flush();
    } finally {
      forget(this);
      if (this.fd >= 0 && !this.released) closeSync(this.fd);
      if (this.onClose !== undefined) r = this.onClose();
    }
    return r;
  }
}
