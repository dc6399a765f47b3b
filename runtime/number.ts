// Lua 5.4 number model: integer and float subtypes on top of JS numbers and BigInt.
//
// Representation (see docs/semantics.md):
//   integer: a plain JS number that is a safe integer (never -0), or a bigint outside the
//            safe range (always normalised back to a number when it fits).
//   float:   a plain JS number that is not integral (fractions, NaN, ±Infinity), or a
//            LuaFloat box around an integral value (2.0, -0.0, 1e300).
// So a plain number is an integer exactly when Number.isInteger(x) is true.
import { formatGScaled } from "./float-digits.ts";
import { add64, mul64, sub64 } from "./int64.ts";

export class LuaFloat {
  readonly n: number;
  constructor(n: number) {
    this.n = n;
  }
}

export type LuaInt = number | bigint;
export type LuaNumber = number | bigint | LuaFloat;

const MIN64 = -(2n ** 63n);
const MAX64 = 2n ** 63n - 1n;
export const MAXINTEGER: bigint = MAX64;
export const MININTEGER: bigint = MIN64;

/** A JS double as a Lua float: boxes integral values so they stay floats. */
export function mkfloat(x: number): number | LuaFloat {
  return Number.isInteger(x) ? new LuaFloat(x) : x;
}

/** Any Lua number as a JS double (float locals of compiled code hold these raw). */
export function dbl(v: unknown): number {
  return typeof v === "number" ? v : v instanceof LuaFloat ? v.n : Number(v as bigint);
}

/** A bigint (any size) as a Lua integer: wraps to 64 bits, unboxes safe values. */
export function mkint(b: bigint): LuaInt {
  const w = BigInt.asIntN(64, b);
  // Number(w) is exact up to 2^53 - 1 and never a safe integer beyond: one conversion, no compares
  const n = Number(w);
  return Number.isSafeInteger(n) ? n : w;
}

export function isNumber(v: unknown): v is LuaNumber {
  return typeof v === "number" || typeof v === "bigint" || v instanceof LuaFloat;
}

export function isInteger(v: unknown): v is LuaInt {
  return (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint";
}

export function isFloat(v: unknown): boolean {
  return (typeof v === "number" && !Number.isInteger(v)) || v instanceof LuaFloat;
}

/** Numeric value as a JS double (bigints lose precision, as a C cast would). */
export function toDouble(v: LuaNumber): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  return v.n;
}

/** Float → integer when the value is integral and in range (lua_Number → lua_Integer, exact). */
export function floatToInt(x: number): LuaInt | undefined {
  if (!Number.isInteger(x)) return undefined;
  if (Number.isSafeInteger(x)) return x || 0;
  if (x >= -9223372036854775808 && x < 9223372036854775808) return BigInt(x);
  return undefined;
}

/** Integer value of any number that has an exact integer representation. */
export function numberToInt(v: LuaNumber): LuaInt | undefined {
  if (typeof v === "number") return Number.isInteger(v) ? v : undefined;
  if (typeof v === "bigint") return v;
  return floatToInt(v.n);
}

export function toBig(v: LuaInt): bigint {
  return typeof v === "bigint" ? v : BigInt(v);
}

// ---- formatting -------------------------------------------------------------------------

/** C printf "%.{prec}g" for finite doubles and inf/nan, as glibc prints them. */
export function formatG(x: number, prec: number, alt = false, upper = false): string {
  if (!Number.isFinite(x)) return formatNonFinite(x, upper);
  if (prec === 0) prec = 1;
  if (x === 0) {
    const z = Object.is(x, -0) ? "-0" : "0";
    return alt ? z + "." + "0".repeat(prec - 1) : z;
  }
  if (prec <= 15 && !alt) {
    const fast = formatGScaled(x, prec, upper);
    if (fast !== undefined) return fast;
  }
  const [digits, exp] = sigDigits(Math.abs(x), prec);
  let out: string;
  if (exp < -4 || exp >= prec) {
    let mant = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    if (!alt) mant = stripZeros(mant);
    else if (digits.length === 1) mant += ".";
    const ae = Math.abs(exp);
    out = mant + (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (ae < 10 ? "0" + ae : String(ae));
  } else {
    const ip = exp >= 0 ? digits.slice(0, exp + 1) : "0";
    const fp = exp >= 0 ? digits.slice(exp + 1) : "0".repeat(-exp - 1) + digits;
    out = fp.length > 0 ? ip + "." + fp : alt ? ip + "." : ip;
    if (!alt) out = stripZeros(out);
  }
  if (x < 0) out = "-" + out;
  return upper ? out.toUpperCase() : out;
}

/**
 * a > 0 rounded to `prec` significant digits: [digits, decimal exponent]. JS rounds exact ties
 * away from zero; glibc rounds them to even (123456789012345 → 1.2345678901234e+14).
 */
function sigDigits(a: number, prec: number): [string, number] {
  const e = a.toExponential(prec - 1);
  let digits = e.slice(0, e.indexOf("e")).replace(".", "");
  let exp = Number(e.slice(e.indexOf("e") + 1));
  if (prec <= 100) {
    const t = a.toExponential(prec); // one digit more
    const td = t.slice(0, t.indexOf("e")).replace(".", "");
    const texp = Number(t.slice(t.indexOf("e") + 1));
    if (td.endsWith("5") && (td.charCodeAt(prec - 1) & 1) === 0 && isExactly(a, td, texp - prec)) {
      digits = td.slice(0, prec); // a tie below an even digit: round down
      exp = texp;
    }
  }
  return [digits, exp];
}

/** Whether a == digits × 10^k exactly. */
function isExactly(a: number, digits: string, k: number): boolean {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, a);
  const hi = dv.getUint32(0), lo = dv.getUint32(4);
  const be = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let q = -1074;
  if (be !== 0) {
    m |= 1n << 52n;
    q = be - 1075;
  }
  let A = BigInt(digits), B = m;
  if (k >= 0) A *= 10n ** BigInt(k);
  else B *= 10n ** BigInt(-k);
  if (q >= 0) B <<= BigInt(q);
  else A <<= BigInt(-q);
  return A === B;
}

function stripZeros(s: string): string {
  if (s.indexOf(".") < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return end === s.length ? s : s.slice(0, end);
}

export function formatNonFinite(x: number, upper = false): string {
  // Lua on x86-64 Linux prints the default NaN of arithmetic (0/0) as "-nan".
  const s = Number.isNaN(x) ? "-nan" : x > 0 ? "inf" : "-inf";
  return upper ? s.toUpperCase() : s;
}

/** Whether a formatted float reads like an integer (only digits and a sign: no ".", "e", "inf", "nan"). */
function looksIntegral(f: string): boolean {
  for (let i = f.charCodeAt(0) === 45 ? 1 : 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** tostring() of a number, exactly as lua5.4 (LUAI_NUMFFORMAT "%.14g" plus ".0"). */
export function numberToString(v: LuaNumber): string {
  if (typeof v === "number") {
    if (Number.isInteger(v)) return String(v);
    const f = formatG(v, 14); // a float that rounds to an integral look gets ".0" (3.0000000000000004)
    return looksIntegral(f) ? f + ".0" : f;
  }
  if (typeof v === "bigint") return v.toString();
  const s = formatG(v.n, 14);
  return looksIntegral(s) ? s + ".0" : s;
}

// ---- parsing (lua_stringtonumber) ---------------------------------------------------------

const WS = /^[ \f\n\r\t\v]*/;

/** Converts a Lua string to a number following l_str2int / l_str2d; undefined if invalid. */
export function stringToNumber(s: string): LuaNumber | undefined {
  // fast path: a plain decimal integer of up to 15 digits (no sign, no spaces) is exact
  const n = s.length;
  if (n > 0 && n <= 15) {
    let v = 0, i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
    }
    if (i === n) return v;
  }
  const t = n > 0 && !isSpace(s.charCodeAt(0)) && !isSpace(s.charCodeAt(n - 1)) ? s
    : s.replace(WS, "").replace(/[ \f\n\r\t\v]*$/, "");
  if (t.length === 0) return undefined;
  const i = str2int(t);
  if (i !== undefined) return i;
  return str2d(t);
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * A signed decimal integer of up to 15 digits or hex integer of up to 13 digits, read without
 * regexps or bigints (exact as a double); "no" when t is not one (then it is no integer at
 * all), "long" for longer ones (read with bigints).
 */
function shortInt(t: string): number | "no" | "long" {
  const n = t.length;
  let i = 0, neg = false;
  const c0 = t.charCodeAt(0);
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    i = 1;
  }
  let v = 0;
  if (t.charCodeAt(i) === 48 && (t.charCodeAt(i + 1) | 32) === 120) { // 0x
    const start = i += 2;
    if (i === n) return "no";
    for (; i < n; i++) {
      const c = t.charCodeAt(i);
      const d = c >= 48 && c <= 57 ? c - 48 : (c | 32) >= 97 && (c | 32) <= 102 ? (c | 32) - 87 : -1;
      if (d < 0) return "no";
      v = v * 16 + d;
    }
    if (n - start > 13) return "long";
  } else {
    const start = i;
    if (i === n) return "no";
    for (; i < n; i++) {
      const d = t.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return "no";
      v = v * 10 + d;
    }
    if (n - start > 15) return "long";
  }
  return neg && v !== 0 ? -v : v;
}

function str2int(t: string): LuaInt | undefined {
  const short = shortInt(t);
  if (short === "no") return undefined;
  if (short !== "long") return short;
  let m = /^([-+])?0[xX]([0-9a-fA-F]+)$/.exec(t);
  if (m) {
    let b = BigInt("0x" + m[2]);
    if (m[1] === "-") b = -b;
    return mkint(b); // hex integers wrap around
  }
  m = /^([-+])?([0-9]+)$/.exec(t);
  if (m) {
    const b = BigInt(m[2]) * (m[1] === "-" ? -1n : 1n);
    if (b < MIN64 || b > MAX64) return undefined; // too large: read as float
    return mkint(b);
  }
  return undefined;
}

/** Whether t is [sign] digits [. digits] [e [sign] digits] with a digit in the mantissa (what strtod reads in decimal). */
function isDecimalFloat(t: string): boolean {
  const n = t.length;
  let i = 0;
  let c = t.charCodeAt(0);
  if (c === 45 || c === 43) c = t.charCodeAt(++i);
  let digits = 0;
  while (c >= 48 && c <= 57) {
    digits++;
    c = t.charCodeAt(++i);
  }
  if (c === 46) {
    c = t.charCodeAt(++i);
    while (c >= 48 && c <= 57) {
      digits++;
      c = t.charCodeAt(++i);
    }
  }
  if (digits === 0) return false;
  if ((c | 32) === 101) { // e or E
    c = t.charCodeAt(++i);
    if (c === 45 || c === 43) c = t.charCodeAt(++i);
    if (!(c >= 48 && c <= 57)) return false;
    while (c >= 48 && c <= 57) c = t.charCodeAt(++i);
  }
  return i === n;
}

function str2d(t: string): LuaNumber | undefined {
  // decimal first (the common case); neither pattern admits strtod's 'inf' or 'nan'
  if (isDecimalFloat(t)) return mkfloat(Number(t));
  const m = /^([-+])?0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([-+]?[0-9]+))?$/.exec(t);
  if (m) {
    const ip = m[2] ?? "", fp = m[3] ?? "";
    if (ip === "" && fp === "") return undefined;
    let v = 0;
    for (const c of ip) v = v * 16 + parseInt(c, 16);
    let scale = 1 / 16;
    for (const c of fp) {
      v += parseInt(c, 16) * scale;
      scale /= 16;
    }
    if (m[4]) v *= Math.pow(2, Number(m[4]));
    if (m[1] === "-") v = -v;
    return mkfloat(v);
  }
  return undefined;
}

// ---- integer arithmetic slow paths (64-bit wrap) ---------------------------------------------

export function intAdd(a: LuaInt, b: LuaInt): LuaInt {
  return add64(a, b);
}
export function intSub(a: LuaInt, b: LuaInt): LuaInt {
  return sub64(a, b);
}
export function intMul(a: LuaInt, b: LuaInt): LuaInt {
  return mul64(a, b);
}
/** Floor division on integers; caller has checked b != 0. */
export function intIdiv(a: LuaInt, b: LuaInt): LuaInt {
  const x = toBig(a), y = toBig(b);
  let q = x / y;
  if ((x % y !== 0n) && ((x < 0n) !== (y < 0n))) q -= 1n;
  return mkint(q);
}
/** Modulo with the sign of the divisor; caller has checked b != 0. */
export function intMod(a: LuaInt, b: LuaInt): LuaInt {
  const x = toBig(a), y = toBig(b);
  let r = x % y;
  if (r !== 0n && ((r < 0n) !== (y < 0n))) r += y;
  return mkint(r);
}

export function floatMod(a: number, b: number): number {
  let m: number;
  if (!Number.isFinite(b) && !Number.isNaN(b) && Number.isFinite(a)) m = a;
  else m = a % b;
  if (m > 0 ? b < 0 : m < 0 && b > 0) m += b; // m and b of different signs
  return m;
}
