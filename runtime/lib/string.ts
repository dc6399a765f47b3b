// The string library: byte-string basics here, patterns/format/pack in lstrlib/, and the
// shared string metatable ({__index = string} plus arithmetic on numeric strings).
import { rterror } from "../error.ts";
import { shared } from "../meta.ts";
import { LuaTable } from "../table.ts";
import { EMPTY } from "../value.ts";
import { argError, checkFunction, checkInt, checkIntN, checkString, optIntN, optString } from "./args.ts";
import { makeLib } from "./register.ts";
import { stringArith } from "./lstrlib/arith.ts";
import { str_format } from "./lstrlib/format.ts";
import { str_pack, str_packsize, str_unpack } from "./lstrlib/pack.ts";
import { str_find, str_gmatch, str_gsub, str_match } from "./lstrlib/search.ts";

const MAXSIZE = 0x7fffffff; // lstrlib MAXSIZE (INT_MAX)
const MAXJSLEN = 0x1fffffe8; // longest string V8 can build
const HIGH = /[\x80-\xff]/;
const MAXRESULTS = 999980; // about what fits on lua5.4's stack (LUAI_MAXSTACK is 1e6)

/** lstrlib posrelatI: start positions (negative from the end, clipped to 1). */
function posrelatI(pos: number, len: number): number {
  if (pos > 0) return pos;
  if (pos === 0 || pos < -len) return 1;
  return len + pos + 1;
}

/** lstrlib getendpos: end positions (negative from the end, clipped to [0, len]). */
function endPos(pos: number, len: number): number {
  if (pos > len) return len;
  if (pos >= 0) return pos;
  if (pos < -len) return 0;
  return len + pos + 1;
}

function str_len(...args: unknown[]): unknown {
  return checkString(args, 1, "len").length;
}

function str_sub(...args: unknown[]): unknown {
  const s = checkString(args, 1, "sub");
  const l = s.length;
  const start = posrelatI(checkIntN(args, 2, "sub"), l);
  const end = endPos(optIntN(args, 3, "sub", -1), l);
  return start > end ? "" : s.slice(start - 1, end);
}

function str_byte(...args: unknown[]): unknown {
  const s = checkString(args, 1, "byte");
  const l = s.length;
  const pi = optIntN(args, 2, "byte", 1);
  const posi = posrelatI(pi, l);
  const pose = endPos(optIntN(args, 3, "byte", pi), l);
  if (posi > pose) return EMPTY;
  if (posi === pose) return s.charCodeAt(posi - 1);
  if (pose - posi >= MAXRESULTS) rterror("stack overflow (string slice too long)");
  const out = new Array<number>(pose - posi + 1);
  for (let i = posi; i <= pose; i++) out[i - posi] = s.charCodeAt(i - 1);
  return out;
}

function str_char(...args: unknown[]): unknown {
  const n = args.length;
  const codes = new Array<number>(n);
  for (let i = 1; i <= n; i++) {
    const c = checkInt(args, i, "char");
    if (!(c >= 0 && c <= 255)) argError(i, "char", "value out of range");
    codes[i - 1] = Number(c);
  }
  if (n < 4096) return String.fromCharCode(...codes);
  const parts: string[] = [];
  for (let i = 0; i < n; i += 4096) parts.push(String.fromCharCode(...codes.slice(i, i + 4096)));
  return parts.join("");
}

function str_upper(...args: unknown[]): unknown {
  const s = checkString(args, 1, "upper");
  // only ASCII letters change (C locale); JS case mapping would also touch latin1 letters
  return HIGH.test(s) ? s.replace(/[a-z]+/g, (m) => m.toUpperCase()) : s.toUpperCase();
}

function str_lower(...args: unknown[]): unknown {
  const s = checkString(args, 1, "lower");
  return HIGH.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s.toLowerCase();
}

function str_rep(...args: unknown[]): unknown {
  const s = checkString(args, 1, "rep");
  const n = checkInt(args, 2, "rep");
  const sep = optString(args, 3, "rep", "");
  if (n <= 0) return "";
  const unit = s.length + sep.length;
  if (unit === 0) return "";
  if (unit > Math.floor(MAXSIZE / Number(n)) || unit * Number(n) - sep.length > MAXJSLEN) {
    rterror("resulting string too large");
  }
  const k = Number(n);
  return sep === "" ? s.repeat(k) : (s + sep).repeat(k - 1) + s;
}

function str_reverse(...args: unknown[]): unknown {
  const s = checkString(args, 1, "reverse");
  const n = s.length;
  if (n < 2) return s;
  if (n > 4096) return Buffer.from(s, "latin1").reverse().toString("latin1");
  // char codes into one fromCharCode call: ~3× faster than joining one-char strings
  const codes = new Array<number>(n);
  for (let i = 0; i < n; i++) codes[i] = s.charCodeAt(n - 1 - i);
  return String.fromCharCode.apply(null, codes);
}

function str_dump(...args: unknown[]): unknown {
  checkFunction(args, 1, "dump");
  return rterror("unable to dump given function");
}

export function openString(G: LuaTable): void {
  // JS names are str_*: builtin frames and qualified names are looked up by JS function name
  const string = makeLib({
    byte: str_byte, char: str_char, dump: str_dump, find: str_find, format: str_format,
    gmatch: str_gmatch, gsub: str_gsub, len: str_len, lower: str_lower, match: str_match,
    rep: str_rep, reverse: str_reverse, sub: str_sub, upper: str_upper, pack: str_pack,
    packsize: str_packsize, unpack: str_unpack,
  });
  G.set("string", string);
  const meta = makeLib(stringArith);
  meta.set("__index", string);
  shared.stringMeta = meta;
}
