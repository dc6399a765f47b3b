// string.format: lstrlib's conversion parsing and checks, printf flags/width/precision, %q.
import { rterror } from "../../error.ts";
import { type LuaInt, MININTEGER, isInteger, isNumber, toDouble } from "../../number.ts";
import { addressOf, rawToString } from "../../value.ts";
import { tostring } from "../base.ts";
import { argError, checkInt, checkNumber, checkString } from "../args.ts";
import { expAbs, fixedAbs, generalAbs, hexAbs } from "./numfmt.ts";

const FN = "format";
/** Characters getformat spans: flags "-+ #0", digits and '.'. */
function inSpan(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 32 || c === 35 || c === 46;
}
const MAX_LEN = 22; // lstrlib: MAX_FORMAT (32) - 10, counting the conversion character

const FLAGS_F = "-+ #0"; // floats
const FLAGS_X = "-#0"; // %o %x %X
const FLAGS_I = "-+ 0"; // %d %i
const FLAGS_U = "-0"; // %u
const FLAGS_C = "-"; // %c %p %s

interface Spec {
  left: boolean;
  plus: boolean;
  space: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  prec: number; // -1: none
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function get2digits(form: string, i: number): number {
  if (isDigit(form.charCodeAt(i))) {
    i++;
    if (isDigit(form.charCodeAt(i))) i++;
  }
  return i;
}

/** Conversions already checked (form + flag set), so repeated formats are checked once. */
const checked = new Set<string>();

/** lstrlib checkformat: only the given flags, width and precision of at most 2 digits. */
function checkFormat(form: string, flags: string, precision: boolean): void {
  const key = form + "\0" + flags + (precision ? "p" : "");
  if (checked.has(key)) return;
  checkFormatOnce(form, flags, precision);
  if (checked.size > 4096) checked.clear();
  checked.add(key);
}

function checkFormatOnce(form: string, flags: string, precision: boolean): void {
  let i = 1;
  while (i < form.length && flags.includes(form[i])) i++;
  if (form[i] !== "0") {
    i = get2digits(form, i);
    if (form[i] === "." && precision) i = get2digits(form, i + 1);
  }
  const c = form.charCodeAt(i) | 0x20;
  if (!(c >= 97 && c <= 122)) rterror(`invalid conversion specification: '${form}'`);
}

const specs = new Map<string, Spec>();

/** Flags, width and precision of a checked conversion ("%-08.3f"), parsed once per form. */
function parseSpec(form: string): Spec {
  let sp = specs.get(form);
  if (sp === undefined) {
    sp = parseSpecOnce(form);
    if (specs.size > 4096) specs.clear();
    specs.set(form, sp);
  }
  return sp;
}

function parseSpecOnce(form: string): Spec {
  const sp: Spec = { left: false, plus: false, space: false, alt: false, zero: false, width: 0, prec: -1 };
  let i = 1;
  for (;; i++) {
    const c = form[i];
    if (c === "-") sp.left = true;
    else if (c === "+") sp.plus = true;
    else if (c === " ") sp.space = true;
    else if (c === "#") sp.alt = true;
    else if (c === "0") sp.zero = true;
    else break;
  }
  while (isDigit(form.charCodeAt(i))) sp.width = sp.width * 10 + form.charCodeAt(i++) - 48;
  if (form[i] === ".") {
    sp.prec = 0;
    i++;
    while (isDigit(form.charCodeAt(i))) sp.prec = sp.prec * 10 + form.charCodeAt(i++) - 48;
  }
  return sp;
}

/** Pads `body` (after `prefix`: sign, 0x) to the width; zero padding goes between the two. */
function pad(sp: Spec, prefix: string, body: string, zeroOk: boolean): string {
  const len = prefix.length + body.length;
  if (len >= sp.width) return prefix + body;
  const fill = sp.width - len;
  if (sp.left) return prefix + body + " ".repeat(fill);
  if (sp.zero && zeroOk) return prefix + "0".repeat(fill) + body;
  return " ".repeat(fill) + prefix + body;
}

function signOf(neg: boolean, sp: Spec): string {
  return neg ? "-" : sp.plus ? "+" : sp.space ? " " : "";
}

function formatInt(conv: string, n: LuaInt, sp: Spec): string {
  let neg = false;
  let digits: string;
  if (conv === "d" || conv === "i") {
    neg = n < 0;
    digits = (typeof n === "number" ? Math.abs(n) : n < 0n ? -n : n).toString();
  } else {
    const u = typeof n === "number" && n >= 0 ? n : BigInt.asUintN(64, BigInt(n));
    digits = u.toString(conv === "o" ? 8 : conv === "u" ? 10 : 16);
    if (conv === "X") digits = digits.toUpperCase();
  }
  if (sp.prec >= 0) {
    if (sp.prec === 0 && digits === "0") digits = "";
    else if (digits.length < sp.prec) digits = "0".repeat(sp.prec - digits.length) + digits;
  }
  let prefix = signOf(neg, sp);
  if (sp.alt) {
    if (conv === "o" && digits[0] !== "0") digits = "0" + digits;
    else if ((conv === "x" || conv === "X") && n !== 0) prefix = conv === "x" ? "0x" : "0X";
  }
  return pad(sp, prefix, digits, sp.prec < 0);
}

function formatFloat(conv: string, x: number, sp: Spec): string {
  const neg = x < 0 || Object.is(x, -0);
  const upper = conv === "E" || conv === "G" || conv === "A";
  let body: string;
  if (!Number.isFinite(x)) {
    body = Number.isNaN(x) ? "nan" : "inf";
    if (upper) body = body.toUpperCase();
    // Lua on x86-64 prints the NaN of 0/0 as "-nan"; JS cannot tell NaN signs apart
    return pad(sp, Number.isNaN(x) ? "-" : signOf(neg, sp), body, false);
  }
  switch (conv) {
    case "f": body = fixedAbs(x, sp.prec < 0 ? 6 : sp.prec); if (sp.alt && sp.prec === 0) body += "."; break;
    case "e": case "E": body = expAbs(x, sp.prec < 0 ? 6 : sp.prec, sp.alt, upper); break;
    case "g": case "G": body = generalAbs(x, sp.prec < 0 ? 6 : sp.prec, sp.alt, upper); break;
    default: {
      body = hexAbs(x, sp.prec, sp.alt, upper);
      // zero padding goes after the "0x"
      return pad(sp, signOf(neg, sp) + body.slice(0, 2), body.slice(2), true);
    }
  }
  return pad(sp, signOf(neg, sp), body, true);
}

/** "%q" of a string: quotes, escapes for '"', '\\', newline and control bytes. */
export function quoteString(s: string): string {
  const out: string[] = ['"'];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92 || c === 10) {
      out.push(s.slice(start, i), "\\", s[i]);
      start = i + 1;
    } else if (c < 32 || c === 127) {
      out.push(s.slice(start, i));
      const next = s.charCodeAt(i + 1);
      out.push("\\" + (isDigit(next) ? String(c).padStart(3, "0") : String(c)));
      start = i + 1;
    }
  }
  out.push(s.slice(start), '"');
  return out.join("");
}

function quoteFloat(x: number): string {
  if (x === Infinity) return "1e9999";
  if (x === -Infinity) return "-1e9999";
  if (Number.isNaN(x)) return "(0/0)";
  return (x < 0 || Object.is(x, -0) ? "-" : "") + hexAbs(x, -1, false, false);
}

function addLiteral(args: unknown[], arg: number): string {
  const v = args[arg - 1];
  if (typeof v === "string") return quoteString(v);
  if (isInteger(v)) return v === MININTEGER ? "0x8000000000000000" : String(v);
  if (isNumber(v)) return quoteFloat(toDouble(v));
  if (v === undefined || typeof v === "boolean") return rawToString(v);
  return argError(arg, FN, "value has no literal form");
}

/** lua_topointer as %p prints it: an address for reference values, "(null)" otherwise. */
const stringIds = new Map<string, object>();
function pointerOf(v: unknown): string {
  if (typeof v === "string") {
    let o = stringIds.get(v);
    if (o === undefined) {
      if (stringIds.size >= 4096) stringIds.clear(); // bounded: only equal strings in a row compare
      stringIds.set(v, (o = {}));
    }
    return addressOf(o);
  }
  if (typeof v === "function" || (typeof v === "object" && v !== null && !isNumber(v))) return addressOf(v);
  return "(null)";
}

function formatString(args: unknown[], arg: number, form: string): string {
  const s = tostring(args[arg - 1]);
  if (form.length === 2) return s;
  if (s.indexOf("\0") >= 0) argError(arg, FN, "string contains zeros");
  checkFormat(form, FLAGS_C, true);
  const sp = parseSpec(form);
  if (sp.prec < 0 && s.length >= 100) return s;
  return pad(sp, "", sp.prec >= 0 ? s.slice(0, sp.prec) : s, false);
}

/** One conversion `form` ("%...c") applied to argument `arg`. */
function convert(args: unknown[], arg: number, form: string, conv: string): string {
  switch (conv) {
    case "c": {
      checkFormat(form, FLAGS_C, false);
      const n = checkInt(args, arg, FN);
      const code = typeof n === "number" ? n & 255 : Number(BigInt.asUintN(8, n));
      return pad(parseSpec(form), "", String.fromCharCode(code), false);
    }
    case "d": case "i": case "u": case "o": case "x": case "X": {
      const n = checkInt(args, arg, FN);
      checkFormat(form, conv === "d" || conv === "i" ? FLAGS_I : conv === "u" ? FLAGS_U : FLAGS_X, true);
      return formatInt(conv, n, parseSpec(form));
    }
    case "a": case "A": {
      checkFormat(form, FLAGS_F, true);
      return formatFloat(conv, toDouble(checkNumber(args, arg, FN)), parseSpec(form));
    }
    case "f": case "e": case "E": case "g": case "G": {
      const x = toDouble(checkNumber(args, arg, FN));
      checkFormat(form, FLAGS_F, true);
      return formatFloat(conv, x, parseSpec(form));
    }
    case "p": {
      const p = pointerOf(args[arg - 1]);
      checkFormat(form, FLAGS_C, false);
      return pad(parseSpec(form), "", p, false);
    }
    case "q": {
      if (form.length > 2) rterror("specifier '%q' cannot have modifiers");
      return addLiteral(args, arg);
    }
    case "s":
      return formatString(args, arg, form);
    default:
      return rterror(`invalid conversion '${form}' to 'format'`);
  }
}

export function str_format(...args: unknown[]): unknown {
  const fmt = checkString(args, 1, FN);
  const n = fmt.length;
  if (fmt.indexOf("%") < 0) return fmt;
  const out: string[] = [];
  let arg = 1;
  let lit = 0;
  let i = 0;
  while (i < n) {
    if (fmt.charCodeAt(i) !== 37) {
      i++;
      continue;
    }
    if (lit < i) out.push(fmt.slice(lit, i));
    i++;
    if (fmt.charCodeAt(i) === 37) {
      out.push("%");
      lit = ++i;
      continue;
    }
    if (++arg > args.length) argError(arg, FN, "no value");
    let j = i;
    while (j < n && inSpan(fmt.charCodeAt(j))) j++;
    if (j - i + 1 >= MAX_LEN) rterror("invalid format (too long)");
    const conv = j < n ? fmt[j] : "";
    out.push(convert(args, arg, "%" + fmt.slice(i, j) + conv, conv));
    i = lit = j + 1;
  }
  if (lit < n) out.push(fmt.slice(lit));
  return out.join("");
}
