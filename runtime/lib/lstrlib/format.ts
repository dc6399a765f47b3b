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

/** A conversion of a format plan: its text, kind, parsed flags and the checkformat verdict. */
interface Conv {
  form: string;
  conv: string;
  sp: Spec;
  /** the message checkformat raises for this conversion (raised after the argument check) */
  bad: string | undefined;
  /** no flags, width or precision */
  plain: boolean;
  /** at most a width and '-' (no other flag, no precision), and a valid conversion: pad only */
  widthOnly: boolean;
}

/** A parsed format string: literal text and conversions, then possibly an error to raise. */
interface Plan {
  ops: (string | Conv)[];
  /** raised (after the "no value" check) where parsing stopped: too long, unknown conversion */
  stop: string | undefined;
}

function badFormat(form: string, flags: string, precision: boolean): string | undefined {
  let i = 1;
  while (i < form.length && flags.includes(form[i])) i++;
  if (form[i] !== "0") {
    i = get2digits(form, i);
    if (form[i] === "." && precision) i = get2digits(form, i + 1);
  }
  const c = form.charCodeAt(i) | 0x20;
  return c >= 97 && c <= 122 ? undefined : `invalid conversion specification: '${form}'`;
}

function flagsOf(conv: string): { flags: string; precision: boolean } | undefined {
  switch (conv) {
    case "c": case "p": return { flags: FLAGS_C, precision: false };
    case "s": return { flags: FLAGS_C, precision: true };
    case "d": case "i": return { flags: FLAGS_I, precision: true };
    case "u": return { flags: FLAGS_U, precision: true };
    case "o": case "x": case "X": return { flags: FLAGS_X, precision: true };
    case "a": case "A": case "f": case "e": case "E": case "g": case "G": return { flags: FLAGS_F, precision: true };
    default: return undefined;
  }
}

function parsePlan(fmt: string): Plan {
  const ops: (string | Conv)[] = [];
  const n = fmt.length;
  let text = "";
  let lit = 0;
  let i = 0;
  while (i < n) {
    if (fmt.charCodeAt(i) !== 37) {
      i++;
      continue;
    }
    text += fmt.slice(lit, i);
    i++;
    if (fmt.charCodeAt(i) === 37) {
      text += "%";
      lit = ++i;
      continue;
    }
    if (text !== "") ops.push(text);
    text = "";
    let j = i;
    while (j < n && inSpan(fmt.charCodeAt(j))) j++;
    if (j - i + 1 >= MAX_LEN) return { ops, stop: "invalid format (too long)" };
    const conv = j < n ? fmt[j] : "";
    const form = "%" + fmt.slice(i, j) + conv;
    if (conv === "q") {
      if (form.length > 2) return { ops, stop: "specifier '%q' cannot have modifiers" };
      ops.push({ form, conv, sp: parseSpecOnce(form), bad: undefined, plain: true, widthOnly: false });
    } else {
      const f = flagsOf(conv);
      if (f === undefined) return { ops, stop: `invalid conversion '${form}' to 'format'` };
      const sp = parseSpecOnce(form);
      const bad = badFormat(form, f.flags, f.precision);
      const widthOnly = bad === undefined && sp.prec < 0 && !sp.plus && !sp.space && !sp.alt && !sp.zero;
      ops.push({ form, conv, sp, bad, plain: form.length === 2, widthOnly });
    }
    i = lit = j + 1;
  }
  text += fmt.slice(lit);
  if (text !== "") ops.push(text);
  return { ops, stop: undefined };
}

const plans = new Map<string, Plan>();

function planOf(fmt: string): Plan {
  let p = plans.get(fmt);
  if (p === undefined) {
    p = parsePlan(fmt);
    if (plans.size >= 4096) plans.clear();
    plans.set(fmt, p);
  }
  return p;
}

function formatString(args: unknown[], arg: number, c: Conv): string {
  const s = tostring(args[arg - 1]);
  if (c.plain) return s;
  if (s.indexOf("\0") >= 0) argError(arg, FN, "string contains zeros");
  if (c.bad !== undefined) rterror(c.bad);
  const sp = c.sp;
  if (sp.prec < 0 && s.length >= 100) return s;
  return pad(sp, "", sp.prec >= 0 ? s.slice(0, sp.prec) : s, false);
}

/** One conversion applied to argument `arg`, checked in lstrlib's order. */
function convert(args: unknown[], arg: number, c: Conv): string {
  const conv = c.conv;
  if (c.widthOnly) {
    // common report forms (%5d, %-10s, %x) with a plain integer or a string: text, then padding
    const v = args[arg - 1];
    let text: string | undefined;
    if (typeof v === "number" && Number.isInteger(v)) {
      if (conv === "d" || conv === "i") text = String(v);
      else if (v >= 0 && (conv === "x" || conv === "X")) text = conv === "x" ? v.toString(16) : v.toString(16).toUpperCase();
    } else if (typeof v === "string" && conv === "s" && v.indexOf("\0") < 0) text = v;
    if (text !== undefined) {
      const w = c.sp.width;
      return text.length >= w ? text : c.sp.left ? text.padEnd(w) : text.padStart(w);
    }
  }
  switch (conv) {
    case "s":
      return formatString(args, arg, c);
    case "d": case "i": {
      const n = checkInt(args, arg, FN);
      if (c.plain && typeof n === "number") return String(n);
      if (c.bad !== undefined) rterror(c.bad);
      return formatInt(conv, n, c.sp);
    }
    case "u": case "o": case "x": case "X": {
      const n = checkInt(args, arg, FN);
      if (c.bad !== undefined) rterror(c.bad);
      return formatInt(conv, n, c.sp);
    }
    case "f": case "e": case "E": case "g": case "G": {
      const x = toDouble(checkNumber(args, arg, FN));
      if (c.bad !== undefined) rterror(c.bad);
      return formatFloat(conv, x, c.sp);
    }
    case "c": {
      if (c.bad !== undefined) rterror(c.bad);
      const n = checkInt(args, arg, FN);
      const code = typeof n === "number" ? n & 255 : Number(BigInt.asUintN(8, n));
      return pad(c.sp, "", String.fromCharCode(code), false);
    }
    case "a": case "A": {
      if (c.bad !== undefined) rterror(c.bad);
      return formatFloat(conv, toDouble(checkNumber(args, arg, FN)), c.sp);
    }
    case "p": {
      const p = pointerOf(args[arg - 1]);
      if (c.bad !== undefined) rterror(c.bad);
      return pad(c.sp, "", p, false);
    }
    default: // "q"
      return addLiteral(args, arg);
  }
}

export function str_format(...args: unknown[]): unknown {
  const fmt = checkString(args, 1, FN);
  if (fmt.indexOf("%") < 0) return fmt;
  const plan = planOf(fmt);
  const ops = plan.ops;
  let out = "";
  let arg = 1;
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k];
    if (typeof op === "string") {
      out += op;
      continue;
    }
    if (++arg > args.length) argError(arg, FN, "no value");
    out += convert(args, arg, op);
  }
  if (plan.stop !== undefined) {
    if (++arg > args.length) argError(arg, FN, "no value");
    rterror(plan.stop);
  }
  return out;
}
