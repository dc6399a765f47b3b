// Text as the original's Rust code prints it: `{:?}` string quoting and f64 Display.
import { fromJs, toJs } from "../runtime/value.ts";

/** Characters Rust's Debug escapes as \u{…}: controls, format, private/unassigned, separators except ' ', combining marks. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}\p{Grapheme_Extend}]/u;

/** `{:?}` of a Lua byte string (decoded as UTF-8, lossily): `"a\"b\n"`; returns a byte string. */
export function debugQuote(s: string): string {
  let out = '"';
  for (const c of toJs(s)) {
    switch (c) {
      case "\0": out += "\\0"; break;
      case "\t": out += "\\t"; break;
      case "\r": out += "\\r"; break;
      case "\n": out += "\\n"; break;
      case "\\": out += "\\\\"; break;
      case '"': out += '\\"'; break;
      default:
        out += c !== " " && UNPRINTABLE.test(c) ? `\\u{${c.codePointAt(0)!.toString(16)}}` : c;
    }
  }
  return fromJs(out + '"');
}

/** Rust's `Display` for f64: shortest round-trip digits, never an exponent (1e20 → "100000000000000000000"). */
export function f64Display(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const sign = x < 0 ? "-" : "";
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(Math.abs(x).toExponential());
  if (!m) return String(x);
  // shortest digits: toString gives them; toExponential() without an argument does too
  const digits = m[1] + (m[2] ?? "");
  const exp = Number(m[3]);
  const point = exp + 1; // digits before the decimal point
  if (point <= 0) return sign + "0." + "0".repeat(-point) + digits;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return sign + digits.slice(0, point) + "." + digits.slice(point);
}
