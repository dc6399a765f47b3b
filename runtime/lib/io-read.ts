// g_read and g_write of liolib.c: the read formats ("n", "l", "L", "a", byte counts, with the
// old "*" spellings) and writing strings and numbers, over a FileState.
import { LuaError } from "../error.ts";
import { formatG, isInteger, isNumber, numberToString, stringToNumber, toDouble } from "../number.ts";
import { failure } from "./errno.ts";
import type { FileState } from "./io-handle.ts";
import { argError, checkInt, checkString, typeError } from "./libargs.ts";

const MAXLENNUM = 200;

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\v" || c === "\f" || c === "\r";
}

function isDigit(c: string | undefined, hex: boolean): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  return (k >= 48 && k <= 57) || (hex && ((k >= 97 && k <= 102) || (k >= 65 && k <= 70)));
}

/**
 * read_number: skips whitespace, then takes the longest prefix that looks like a numeral (at
 * most 200 chars, else it fails) and converts it; the look-ahead char stays unread.
 */
function readNumber(st: FileState): unknown {
  while (isSpace(st.peek())) st.advance();
  st.ensure(MAXLENNUM + 1);
  const s = st.rbuf;
  const start = st.rpos;
  const end = Math.min(s.length, start + MAXLENNUM);
  let i = start;
  let overflow = false; // a 201st char would be taken: nextc fails and the numeral is invalid
  const test2 = (set: string): boolean => {
    if (overflow || i >= s.length || !set.includes(s[i])) return false;
    if (i >= end) return !(overflow = true);
    i++;
    return true;
  };
  const digits = (hex: boolean): number => {
    const from = i;
    while (!overflow && isDigit(s[i], hex)) {
      if (i >= end) overflow = true;
      else i++;
    }
    return i - from;
  };
  let count = 0;
  let hex = false;
  test2("-+");
  if (test2("0")) {
    if (test2("xX")) hex = true;
    else count = 1;
  }
  count += digits(hex);
  if (test2(".")) count += digits(hex);
  if (count > 0 && test2(hex ? "pP" : "eE")) {
    test2("-+");
    digits(false);
  }
  st.rpos = i;
  if (overflow) return undefined;
  const numeral = s.slice(start, i);
  // fast path for short decimal integers (always exact); the rest as lua_stringtonumber
  return /^-?[0-9]{1,15}$/.test(numeral) ? Number(numeral) || 0 : stringToNumber(numeral);
}

function readFormat(st: FileState, args: unknown[], n: number, fname: string): unknown {
  const f = args[n - 1];
  if (isNumber(f)) {
    const k = checkInt(args, n, fname);
    if (k === 0) return st.peek() !== undefined ? "" : undefined;
    if (k < 0) throw new LuaError("not enough memory"); // (size_t)k: C cannot allocate it
    return st.readChars(Number(k));
  }
  const p = checkString(args, n, fname);
  switch (p[0] === "*" ? p[1] : p[0]) {
    case "n": return readNumber(st);
    case "l": return st.readLine(true);
    case "L": return st.readLine(false);
    case "a": return st.readAll();
    default: return argError(n, fname, "invalid format");
  }
}

/**
 * f:read / io.read / lines iterators: the formats are args[first-1 ..]. Reading stops at the
 * first failure, whose result is nil; an OS error gives nil, message, errno instead.
 */
export function gRead(st: FileState, args: unknown[], first: number, fname: string): unknown[] {
  st.eof = false;
  const out: unknown[] = [];
  try {
    if (args.length < first) return [st.readLine(true)];
    for (let n = first; n <= args.length; n++) {
      const v = readFormat(st, args, n, fname);
      out.push(v);
      if (v === undefined) break;
    }
  } catch (e) {
    if (e instanceof LuaError) throw e;
    return failure(e);
  }
  return out;
}

/** f:write / io.write: writes args[first-1 ..]; returns `self`, or nil, message, errno. */
export function gWrite(st: FileState, args: unknown[], first: number, fname: string, self: unknown): unknown {
  let s = "";
  let bad = 0;
  for (let n = first; n <= args.length; n++) {
    const v = args[n - 1];
    if (typeof v === "string") s += v;
    else if (isInteger(v)) s += numberToString(v);
    else if (isNumber(v)) s += formatG(toDouble(v), 14);
    else {
      bad = n;
      break;
    }
  }
  try {
    if (s.length > 0) st.write(s);
  } catch (e) {
    if (bad === 0) return failure(e);
  }
  if (bad > 0) typeError(args, bad, fname, "string");
  return self;
}
