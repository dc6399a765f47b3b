// C's "%.{prec}g" (no '#' flag) for prec <= 15 by scaled float arithmetic: a × 10^k rounds once
// (10^k is exact up to 10^22), so the product is within 1/16 of the exact scaled value, and
// unless that is within 1/16 of a half, the nearest integer holds the correctly rounded digits.
// The result is built from integers, without digit strings to slice and trim: tostring() of a
// float went from ~1 µs (two toExponential calls, slicing, regexps) to ~0.2 µs. Near-ties (and
// exact ties, which glibc rounds to even) return undefined for the exact path in number.ts.

const P10: number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** Decimal digits of a non-negative integer below 10^15 (split so each half is a V8 Smi). */
function intString(r: number): string {
  if (r < 2147483648) return String(r);
  const hi = Math.floor(r / 1e7), lo = r - hi * 1e7;
  const ls = String(lo);
  return String(hi) + (ls.length < 7 ? "0000000".slice(ls.length) + ls : ls);
}

/** The digits of r padded with leading zeros to width places. */
function padded(r: number, width: number): string {
  const s = intString(r);
  return s.length < width ? "0".repeat(width - s.length) + s : s;
}

/**
 * "%.{prec}g" of a finite x != 0 (prec 1…15, no '#'), or undefined when the digits are too
 * close to a rounding tie to decide here (or x is too large or small to scale exactly).
 */
export function formatGScaled(x: number, prec: number, upper: boolean): string | undefined {
  const a = x < 0 ? -x : x;
  let e = Math.floor(Math.log10(a));
  const lo = P10[prec - 1], hi = P10[prec];
  let r = -1;
  for (let tries = 0; tries < 3 && r < 0; tries++) {
    const k = prec - 1 - e;
    let m: number;
    if (k >= 0 && k <= 22) m = a * P10[k];
    else if (k < 0 && k >= -22) m = a / P10[-k];
    else return undefined;
    if (m >= hi) e++; // log10 can be one off near powers of ten
    else if (m < lo) e--;
    else {
      const frac = m - Math.floor(m);
      if (frac > 0.4375 && frac < 0.5625) return undefined;
      r = Math.round(m);
      if (r >= hi) {
        r = lo; // 99…9.7 rounds up to 10…0
        e++;
      }
    }
  }
  if (r < 0) return undefined;
  // r holds prec digits, the first at 10^e; drop trailing zeros (%g without '#')
  let n = prec;
  while (n > 1) {
    const q = Math.floor(r / 10); // not r % 10: a double's % is a call into C's fmod
    if (q * 10 !== r) break;
    r = q;
    n--;
  }
  let out: string;
  if (e < -4 || e >= prec) {
    const ds = intString(r);
    const ae = e < 0 ? -e : e;
    out = (n > 1 ? ds[0] + "." + ds.slice(1) : ds) + (upper ? "E" : "e") + (e < 0 ? "-" : "+") + (ae < 10 ? "0" + ae : String(ae));
  } else if (e < 0) {
    out = "0." + "0".repeat(-e - 1) + intString(r);
  } else if (n <= e + 1) {
    out = intString(r * P10[e + 1 - n]); // integral: no point
  } else {
    const fracDigits = n - e - 1, scale = P10[fracDigits];
    const ip = Math.floor(r / scale);
    out = intString(ip) + "." + padded(r - ip * scale, fracDigits);
  }
  return x < 0 ? "-" + out : out;
}
