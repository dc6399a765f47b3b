// math's LUA_COMPAT_MATHLIB functions (Debian's lua5.4 has them): cosh sinh tanh pow frexp ldexp log10.
// (math.atan2 is math.atan itself; see math.ts.)
import { mkfloat, toBig, toDouble } from "../number.ts";
import { checkDouble, checkInt, checkNumber } from "./args.ts";

const num = checkDouble;

/** C pow: Math.pow differs for bases ±1 with infinite or NaN exponents. */
export function cpow(a: number, b: number): number {
  if (a === 1 || (a === -1 && (b === Infinity || b === -Infinity))) return 1;
  return Math.pow(a, b);
}

/** C frexp: [m, e] with x = m * 2^e and 0.5 <= |m| < 1 (x itself and 0 for 0, inf, NaN). */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  const be = (dv.getUint16(0) >>> 4) & 0x7ff;
  if (be === 0) {
    const [m, e] = frexp(x * 2 ** 64); // subnormal: scale up exactly first
    return [m, e - 64];
  }
  dv.setUint16(0, (dv.getUint16(0) & 0x800f) | (1022 << 4)); // exponent of [0.5, 1)
  return [dv.getFloat64(0), be - 1022];
}

/** C ldexp: x * 2^e with a single rounding (also into the subnormal range). */
export function ldexp(x: number, e: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const [m, me] = frexp(x);
  const E = me + e; // result = m * 2^E
  if (E > 1024) return x > 0 ? Infinity : -Infinity;
  if (E >= -1021) return E === 1024 ? m * 2 ** 1023 * 2 : m * 2 ** E;
  if (E < -1221) return x > 0 ? 0 : -0;
  return m * 2 ** (E + 200) * 2 ** -200; // exact, then one rounding
}

function cosh(...args: unknown[]): unknown {
  return mkfloat(Math.cosh(num(args, 1, "cosh")));
}
function sinh(...args: unknown[]): unknown {
  return mkfloat(Math.sinh(num(args, 1, "sinh")));
}
function tanh(...args: unknown[]): unknown {
  return mkfloat(Math.tanh(num(args, 1, "tanh")));
}
function pow(...args: unknown[]): unknown {
  return mkfloat(cpow(num(args, 1, "pow"), num(args, 2, "pow")));
}
function frexpF(...args: unknown[]): unknown {
  const [m, e] = frexp(num(args, 1, "frexp"));
  return [mkfloat(m), e];
}
function ldexpF(...args: unknown[]): unknown {
  const x = num(args, 1, "ldexp");
  const e = Number(BigInt.asIntN(32, toBig(checkInt(args, 2, "ldexp")))); // C's (int) cast
  return mkfloat(ldexp(x, e));
}
function log10(...args: unknown[]): unknown {
  return mkfloat(Math.log10(num(args, 1, "log10")));
}

export const compatFns: Record<string, Function> = { cosh, sinh, tanh, pow, frexp: frexpF, ldexp: ldexpF, log10 };
