// string.pack, string.unpack and string.packsize: lstrlib's binary format language.
import { rterror } from "../../error.ts";
import { type LuaInt, mkfloat, mkint, toDouble } from "../../number.ts";
import { argError, checkInt, checkNumber, checkString, optIntN } from "../args.ts";

const MAXINTSIZE = 16;
const SZINT = 8; // sizeof(lua_Integer)
const MAXALIGN = 8;
const MAXSIZE = 0x7fffffff; // lstrlib MAXSIZE (INT_MAX)
const MAXJSLEN = 0x1fffffe8; // longest string V8 can build

type K = "int" | "uint" | "float" | "number" | "double" | "char" | "string" | "zstr" | "padding" | "paddalign" | "nop";

/** Parsing state over a format string (which ends at its first '\0', as in C). */
class Header {
  fmt: string;
  i = 0;
  little = true;
  maxalign = 1;
  fname: string;
  constructor(fmt: string, fname: string) {
    const z = fmt.indexOf("\0");
    this.fmt = z >= 0 ? fmt.slice(0, z) : fmt;
    this.fname = fname;
  }
  more(): boolean {
    return this.i < this.fmt.length;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function getnum(h: Header, df: number): number {
  if (!isDigit(h.fmt.charCodeAt(h.i))) return df;
  let a = 0;
  do {
    a = a * 10 + h.fmt.charCodeAt(h.i++) - 48;
  } while (isDigit(h.fmt.charCodeAt(h.i)) && a <= Math.floor((MAXSIZE - 9) / 10));
  return a;
}

function getnumlimit(h: Header, df: number): number {
  const sz = getnum(h, df);
  if (sz > MAXINTSIZE || sz <= 0) rterror(`integral size (${sz}) out of limits [1,${MAXINTSIZE}]`);
  return sz;
}

function getoption(h: Header): { opt: K; size: number } {
  const c = h.fmt[h.i++];
  switch (c) {
    case "b": return { opt: "int", size: 1 };
    case "B": return { opt: "uint", size: 1 };
    case "h": return { opt: "int", size: 2 };
    case "H": return { opt: "uint", size: 2 };
    case "l": case "j": return { opt: "int", size: 8 };
    case "L": case "J": case "T": return { opt: "uint", size: 8 };
    case "f": return { opt: "float", size: 4 };
    case "n": return { opt: "number", size: 8 };
    case "d": return { opt: "double", size: 8 };
    case "i": return { opt: "int", size: getnumlimit(h, 4) };
    case "I": return { opt: "uint", size: getnumlimit(h, 4) };
    case "s": return { opt: "string", size: getnumlimit(h, 8) };
    case "c": {
      const size = getnum(h, -1);
      if (size === -1) rterror("missing size for format option 'c'");
      return { opt: "char", size };
    }
    case "z": return { opt: "zstr", size: 0 };
    case "x": return { opt: "padding", size: 1 };
    case "X": return { opt: "paddalign", size: 0 };
    case " ": break;
    case "<": case "=": h.little = true; break;
    case ">": h.little = false; break;
    case "!": h.maxalign = getnumlimit(h, MAXALIGN); break;
    default: rterror(`invalid format option '${c}'`);
  }
  return { opt: "nop", size: 0 };
}

/** The next option with its size and the padding needed to align it at `total`. */
function getdetails(h: Header, total: number): { opt: K; size: number; ntoalign: number } {
  const { opt, size } = getoption(h);
  let align = size;
  if (opt === "paddalign") {
    if (!h.more()) argError(1, h.fname, "invalid next option for option 'X'");
    const next = getoption(h);
    align = next.size;
    if (next.opt === "char" || align === 0) argError(1, h.fname, "invalid next option for option 'X'");
  }
  let ntoalign = 0;
  if (align > 1 && opt !== "char") {
    if (align > h.maxalign) align = h.maxalign;
    if ((align & (align - 1)) !== 0) argError(1, h.fname, "format asks for alignment not power of 2");
    ntoalign = (align - (total & (align - 1))) & (align - 1);
  }
  return { opt, size, ntoalign };
}

/** Bytes of an integer (two's complement, sign-extended past 8 bytes). */
function packInt(n: LuaInt, little: boolean, size: number, neg: boolean): string {
  const bytes = new Array<number>(size);
  if (typeof n === "number") {
    // safe integers: n & 255 keeps the low byte (two's complement), floor division shifts
    for (let i = 0; i < size; i++) {
      bytes[little ? i : size - 1 - i] = n & 255;
      n = Math.floor(n / 256);
    }
    return String.fromCharCode(...bytes);
  }
  let v = BigInt.asUintN(64, n);
  for (let i = 0; i < size; i++) {
    let b: number;
    if (i < SZINT) {
      b = Number(v & 0xffn);
      v >>= 8n;
    } else b = neg ? 0xff : 0;
    bytes[little ? i : size - 1 - i] = b;
  }
  return String.fromCharCode(...bytes);
}

function unpackInt(data: string, pos: number, little: boolean, size: number, signed: boolean): LuaInt {
  if (size <= 6) {
    let r = 0;
    for (let i = size - 1; i >= 0; i--) r = r * 256 + data.charCodeAt(pos + (little ? i : size - 1 - i));
    if (signed && r >= 2 ** (size * 8 - 1)) r -= 2 ** (size * 8);
    return r;
  }
  const limit = size <= SZINT ? size : SZINT;
  let res = 0n;
  for (let i = limit - 1; i >= 0; i--) {
    res = (res << 8n) | BigInt(data.charCodeAt(pos + (little ? i : size - 1 - i)));
  }
  if (size < SZINT) {
    if (signed) res = BigInt.asIntN(size * 8, res);
  } else if (size > SZINT) {
    const mask = !signed || BigInt.asIntN(64, res) >= 0n ? 0 : 0xff;
    for (let i = limit; i < size; i++) {
      if (data.charCodeAt(pos + (little ? i : size - 1 - i)) !== mask) {
        rterror(`${size}-byte integer does not fit into Lua Integer`);
      }
    }
  }
  return mkint(res);
}

const fbuf = new DataView(new ArrayBuffer(8));
const fbytes = new Uint8Array(fbuf.buffer);

function packFloat(x: number, size: number, little: boolean): string {
  const b = fbytes;
  if (size === 4) {
    fbuf.setFloat32(0, x, little);
    return String.fromCharCode(b[0], b[1], b[2], b[3]);
  }
  fbuf.setFloat64(0, x, little);
  return String.fromCharCode(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
}

function unpackFloat(data: string, pos: number, size: number, little: boolean): number {
  for (let i = 0; i < size; i++) fbuf.setUint8(i, data.charCodeAt(pos + i));
  return size === 4 ? fbuf.getFloat32(0, little) : fbuf.getFloat64(0, little);
}

export function str_pack(...args: unknown[]): unknown {
  const h = new Header(checkString(args, 1, "pack"), "pack");
  // huge padding runs are kept as counts until the end (a format error may come later)
  const out: (string | number)[] = [];
  let deferred = false;
  let arg = 1;
  let total = 0;
  while (h.more()) {
    const { opt, size, ntoalign } = getdetails(h, total);
    total += ntoalign + size;
    if (ntoalign > 0) out.push("\0".repeat(ntoalign));
    // lua5.4 keeps a nil and its buffer above the arguments: missing ones read as nil
    if (++arg > args.length) args.length = arg;
    switch (opt) {
      case "int": {
        const n = checkInt(args, arg, "pack");
        if (size < SZINT) {
          const lim = 2 ** (size * 8 - 1);
          if (!(-lim <= n && n < lim)) argError(arg, "pack", "integer overflow");
        }
        out.push(packInt(n, h.little, size, n < 0));
        break;
      }
      case "uint": {
        const n = checkInt(args, arg, "pack");
        // as an unsigned 64-bit value, negative numbers are above any limit
        if (size < SZINT && !(n >= 0 && n < 2 ** (size * 8))) {
          argError(arg, "pack", "unsigned overflow");
        }
        out.push(packInt(n, h.little, size, false));
        break;
      }
      case "float": case "number": case "double":
        out.push(packFloat(toDouble(checkNumber(args, arg, "pack")), size, h.little));
        break;
      case "char": {
        const s = checkString(args, arg, "pack");
        if (s.length > size) argError(arg, "pack", "string longer than given size");
        out.push(s);
        if (s.length < size) {
          const n = size - s.length;
          if (n < 1 << 20) out.push("\0".repeat(n));
          else {
            out.push(n);
            deferred = true;
          }
        }
        break;
      }
      case "string": {
        const s = checkString(args, arg, "pack");
        if (size < 8 && s.length >= 2 ** (size * 8)) {
          argError(arg, "pack", "string length does not fit in given size");
        }
        out.push(packInt(s.length, h.little, size, false), s);
        total += s.length;
        break;
      }
      case "zstr": {
        const s = checkString(args, arg, "pack");
        if (s.indexOf("\0") >= 0) argError(arg, "pack", "string contains zeros");
        out.push(s, "\0");
        total += s.length + 1;
        break;
      }
      case "padding":
        out.push("\0");
        arg--;
        break;
      default:
        arg--;
    }
  }
  if (total > MAXJSLEN) rterror("not enough memory");
  if (deferred) return out.map((x) => (typeof x === "number" ? "\0".repeat(x) : x)).join("");
  return out.length === 1 ? out[0] : out.join("");
}

export function str_packsize(...args: unknown[]): unknown {
  const h = new Header(checkString(args, 1, "packsize"), "packsize");
  let total = 0;
  while (h.more()) {
    const { opt, size, ntoalign } = getdetails(h, total);
    if (opt === "string" || opt === "zstr") argError(1, "packsize", "variable-length format");
    const sz = size + ntoalign;
    if (total > MAXSIZE - sz) argError(1, "packsize", "format result too large");
    total += sz;
  }
  return total;
}

/** lstrlib posrelatI for the start position. */
function startPos(pos: number, len: number): number {
  if (pos > 0) return pos;
  if (pos === 0 || pos < -len) return 1;
  return len + pos + 1;
}

export function str_unpack(...args: unknown[]): unknown {
  const h = new Header(checkString(args, 1, "unpack"), "unpack");
  const data = checkString(args, 2, "unpack");
  const ld = data.length;
  let pos = startPos(optIntN(args, 3, "unpack", 1), ld) - 1;
  if (pos > ld) argError(3, "unpack", "initial position out of string");
  const res: unknown[] = [];
  while (h.more()) {
    const { opt, size, ntoalign } = getdetails(h, pos);
    if (ntoalign + size > ld - pos) argError(2, "unpack", "data string too short");
    pos += ntoalign;
    switch (opt) {
      case "int": case "uint":
        res.push(unpackInt(data, pos, h.little, size, opt === "int"));
        break;
      case "float": case "number": case "double":
        res.push(mkfloat(unpackFloat(data, pos, size, h.little)));
        break;
      case "char":
        res.push(data.slice(pos, pos + size));
        break;
      case "string": {
        const len = unpackInt(data, pos, h.little, size, false);
        if (len < 0 || len > ld - pos - size) argError(2, "unpack", "data string too short");
        const n = Number(len);
        res.push(data.slice(pos + size, pos + size + n));
        pos += n;
        break;
      }
      case "zstr": {
        const z = data.indexOf("\0", pos);
        if (z < 0) argError(2, "unpack", "unfinished string for format 'z'");
        res.push(data.slice(pos, z));
        pos = z + 1;
        break;
      }
    }
    pos += size;
  }
  res.push(pos + 1);
  return res;
}
