// Exact float → text conversions as glibc printf does them (%e %f %g %a, round-half-even).
//
// Every double is m·2^k exactly, so its decimal expansion is finite: digits of m·5^-k (k < 0)
// or of m·2^k. Rounding that exact expansion half-to-even gives glibc's output. JS toFixed /
// toExponential round ties away from zero and stop at 100 digits, so they are only used as a
// fast path when the value cannot be a tie.

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** x = m·2^k with m a positive odd integer (x finite, non-zero); returns k. */
function lowBitExponent(x: number): number {
  f64[0] = x;
  const lo = u32[0], hi = u32[1] & 0xfffff;
  const bexp = (u32[1] >>> 20) & 0x7ff;
  const e = bexp === 0 ? -1074 : bexp - 1075; // exponent of the mantissa's lowest bit
  let tz: number;
  if (lo !== 0) tz = 31 - Math.clz32(lo & -lo);
  else if (hi !== 0) tz = 32 + 31 - Math.clz32(hi & -hi);
  else tz = 52; // only the implicit bit
  return e + tz;
}

/** Mantissa (as bigint, with implicit bit) and exponent of its lowest bit. */
function decompose(x: number): { m: bigint; k: number } {
  f64[0] = x;
  const bexp = (u32[1] >>> 20) & 0x7ff;
  let m = (BigInt(u32[1] & 0xfffff) << 32n) | BigInt(u32[0]);
  if (bexp !== 0) m |= 1n << 52n;
  return { m, k: bexp === 0 ? -1074 : bexp - 1075 };
}

/** Exact decimal digits of |x| (> 0, finite): x = 0.d1d2d3… × 10^(e+1), i.e. d1 is at 10^e. */
function exactDigits(x: number): { d: string; e: number } {
  const { m, k } = decompose(Math.abs(x));
  let d: string, e: number;
  if (k >= 0) {
    d = (m << BigInt(k)).toString();
    e = d.length - 1;
  } else {
    d = (m * 5n ** BigInt(-k)).toString();
    e = d.length - 1 + k;
  }
  let end = d.length;
  while (end > 1 && d.charCodeAt(end - 1) === 48) end--;
  return { d: d.slice(0, end), e };
}

/** Keeps n leading digits of d (n may be ≤ 0), rounding half-even; carry means one more digit. */
function roundDigits(d: string, n: number): { r: string; carry: boolean } {
  if (n >= d.length) return { r: d + "0".repeat(n - d.length), carry: false };
  if (n < 0) return { r: "", carry: false };
  const next = d.charCodeAt(n);
  const prevOdd = n > 0 && (d.charCodeAt(n - 1) & 1) === 1;
  const up = next > 53 || (next === 53 && (d.length > n + 1 || prevOdd));
  let kept = d.slice(0, n);
  if (!up) return { r: kept, carry: false };
  let i = n - 1;
  while (i >= 0 && kept.charCodeAt(i) === 57) i--;
  if (i < 0) return { r: "1" + "0".repeat(n), carry: true };
  kept = kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1) + "0".repeat(n - 1 - i);
  return { r: kept, carry: false };
}

const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
const ZEROS = ["", "0", "00", "000", "0000", "00000", "000000", "0000000", "00000000", "000000000"];

/**
 * "%.{prec}f" of a ≥ 0 in int32 arithmetic when a·10^prec < 2^31 and is clearly not near a
 * rounding tie: s = a·10^prec is within s·2^-53 of the exact product, so when its fraction is
 * farther than s·2^-52 from one half, rounding s rounds the exact value. Undefined otherwise.
 */
function fixedSmall(a: number, prec: number): string | undefined {
  const p = POW10[prec];
  const s = a * p;
  if (!(s < 2147483647)) return undefined;
  const fl = Math.floor(s), fr = s - fl;
  const eps = s * 2.220446049250313e-16;
  if (!(fr - 0.5 > eps || 0.5 - fr > eps)) return undefined;
  const r = fr > 0.5 ? fl + 1 : fl;
  if (prec === 0) return "" + r;
  const ip = (r / p) | 0;
  const fs = "" + (r - ip * p);
  return ip + "." + ZEROS[prec - fs.length] + fs;
}

/** |x| with `prec` digits after the point ("%.{prec}f" without sign). */
export function fixedAbs(x: number, prec: number): string {
  const a = Math.abs(x);
  if (a === 0) return prec > 0 ? "0." + "0".repeat(prec) : "0";
  if (prec <= 9) {
    const r = fixedSmall(a, prec);
    if (r !== undefined) return r;
  }
  if (a < 1e21 && prec <= 100 && lowBitExponent(a) !== -(prec + 1)) return a.toFixed(prec);
  const { d, e } = exactDigits(a);
  const n = e + 1 + prec; // digits kept
  const { r, carry } = roundDigits(d, n);
  let digits = r;
  const intLen = e + 1 + (carry ? 1 : 0);
  if (digits.length === 0 || intLen <= 0) {
    // all digits are fractional: pad with leading zeros
    digits = "0".repeat(Math.max(0, prec + 1 - digits.length)) + digits;
  }
  const cut = digits.length - prec;
  return prec > 0 ? digits.slice(0, cut) + "." + digits.slice(cut) : digits;
}

/** |x| as `nsig` significant digits and a decimal exponent (x ≠ 0, finite). */
export function sciDigits(x: number, nsig: number): { d: string; e: number } {
  const a = Math.abs(x);
  if (nsig <= 101) {
    const s = a.toExponential(nsig - 1);
    const ei = s.indexOf("e");
    const e = Number(s.slice(ei + 1));
    const k = lowBitExponent(a);
    // a tie needs the exact expansion to end exactly one digit past the last kept one
    const p = nsig - 1;
    const maybeTie = k >= 0 ? e >= p : (k === e - p - 1 || k === e - p - 2);
    if (!maybeTie) return { d: s.slice(0, ei).replace(".", ""), e };
  }
  const { d, e } = exactDigits(a);
  const { r, carry } = roundDigits(d, nsig);
  return carry ? { d: r.slice(0, nsig), e: e + 1 } : { d: r, e };
}

function expText(e: number, upper: boolean): string {
  const ae = Math.abs(e);
  return (upper ? "E" : "e") + (e < 0 ? "-" : "+") + (ae < 10 ? "0" + ae : String(ae));
}

/** |x| as "%.{prec}e" (alt: keep the point even with no digits after it). */
export function expAbs(x: number, prec: number, alt: boolean, upper: boolean): string {
  if (x === 0) return (prec > 0 ? "0." + "0".repeat(prec) : alt ? "0." : "0") + expText(0, upper);
  const { d, e } = sciDigits(x, prec + 1);
  const mant = prec > 0 ? d[0] + "." + d.slice(1) : alt ? d + "." : d;
  return mant + expText(e, upper);
}

function stripFraction(s: string): string {
  if (s.indexOf(".") < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

/** |x| as "%.{prec}g". */
export function generalAbs(x: number, prec: number, alt: boolean, upper: boolean): string {
  const P = prec === 0 ? 1 : prec;
  if (x === 0) {
    const z = alt && P > 1 ? "0." + "0".repeat(P - 1) : alt ? "0." : "0";
    return z;
  }
  const { d, e } = sciDigits(x, P);
  let out: string;
  if (e < -4 || e >= P) {
    // glibc quirk: with '#', when rounding carries a fixed-style value into exponent style
    // (999999.5 under "%#g"), it prints just "1.e+06"
    if (alt && e === P && exactDigits(x).e === P - 1) return d[0] + "." + expText(e, upper);
    let mant = P > 1 ? d[0] + "." + d.slice(1) : alt ? d + "." : d;
    if (!alt) mant = stripFraction(mant);
    out = mant + expText(e, upper);
  } else {
    // fixed notation with P - 1 - e decimals, built from the already rounded digits
    const decimals = P - 1 - e;
    let s: string;
    if (e >= 0) s = d.slice(0, e + 1) + (decimals > 0 ? "." + d.slice(e + 1) : alt ? "." : "");
    else s = "0." + "0".repeat(-e - 1) + d;
    out = alt ? s : stripFraction(s);
  }
  return out;
}

/** |x| as "%a" / "%.{prec}a" (prec < 0: shortest exact); x finite. */
export function hexAbs(x: number, prec: number, alt: boolean, upper: boolean): string {
  const a = Math.abs(x);
  let lead: bigint, frac: bigint, exp: number;
  if (a === 0) {
    lead = 0n; frac = 0n; exp = 0;
  } else {
    f64[0] = a;
    const bexp = (u32[1] >>> 20) & 0x7ff;
    frac = (BigInt(u32[1] & 0xfffff) << 32n) | BigInt(u32[0]);
    lead = bexp === 0 ? 0n : 1n;
    exp = bexp === 0 ? -1022 : bexp - 1023;
  }
  let digits: string;
  if (prec < 0) {
    digits = frac.toString(16).padStart(13, "0").replace(/0+$/, "");
  } else if (prec >= 13) {
    digits = frac.toString(16).padStart(13, "0") + "0".repeat(prec - 13);
  } else {
    const drop = BigInt(52 - 4 * prec);
    const v = (lead << 52n) | frac;
    let q = v >> drop;
    const rem = v - (q << drop);
    const half = 1n << (drop - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
    lead = q >> BigInt(4 * prec);
    const f = q - (lead << BigInt(4 * prec));
    digits = prec > 0 ? f.toString(16).padStart(prec, "0") : "";
  }
  const point = digits.length > 0 || alt ? "." : "";
  const s = "0x" + lead.toString(16) + point + digits + "p" + (exp < 0 ? "-" : "+") + Math.abs(exp);
  return upper ? s.toUpperCase() : s;
}
