// 64-bit integer arithmetic with Lua's wrap-around, on bigints truncated by BigInt.asIntN(64, …):
// V8's optimising compiler lowers that shape to machine int64 operations, so the only cost left
// is boxing a result that does not fit a safe JS number. Operands are safe numbers or bigints
// (runtime/number.ts's integer model); results are normalised back to numbers when safe.
import type { LuaInt } from "./number.ts";

// scratch for conversions: a BigInt64Array element read or written through its 32-bit halves
// (BigInt(number) and Number(bigint) are runtime calls; these stay in optimised code)
const I64 = new BigInt64Array(1);
const U32 = new Uint32Array(I64.buffer);
const I32 = new Int32Array(I64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE ? 0 : 1, HI = LITTLE ? 1 : 0;
const TWO32 = 4294967296;

/** A Lua integer as a bigint in the int64 range (compiled 64-bit chains call it: compiler/lower/int64-chain.ts). */
export function big(v: LuaInt): bigint {
  if (typeof v === "bigint") return v;
  const hi = Math.floor(v / TWO32);
  U32[LO] = v - hi * TWO32;
  I32[HI] = hi;
  return I64[0];
}

/** A 64-bit result as the integer model stores it: a number when safe, else the bigint. */
export function norm(x: bigint): LuaInt {
  I64[0] = x;
  const v = I32[HI] * TWO32 + U32[LO];
  return Number.isSafeInteger(v) ? v : x;
}

export function add64(a: LuaInt, b: LuaInt): LuaInt {
  return norm(BigInt.asIntN(64, big(a) + big(b)));
}

export function sub64(a: LuaInt, b: LuaInt): LuaInt {
  return norm(BigInt.asIntN(64, big(a) - big(b)));
}

export function mul64(a: LuaInt, b: LuaInt): LuaInt {
  return norm(BigInt.asIntN(64, big(a) * big(b)));
}

export function and64(a: LuaInt, b: LuaInt): LuaInt {
  return norm(BigInt.asIntN(64, big(a) & big(b)));
}

export function or64(a: LuaInt, b: LuaInt): LuaInt {
  return norm(BigInt.asIntN(64, big(a) | big(b)));
}

export function xor64(a: LuaInt, b: LuaInt): LuaInt {
  return norm(BigInt.asIntN(64, big(a) ^ big(b)));
}

export function not64(a: LuaInt): LuaInt {
  return norm(BigInt.asIntN(64, ~big(a)));
}

const SHIFT: bigint[] = Array.from({ length: 64 }, (_, i) => BigInt(i));
const TWO: number[] = Array.from({ length: 64 }, (_, i) => 2 ** i);

/** Logical shift left by n (right when n < 0); shifts of 64 or more give 0. */
export function shl64(a: LuaInt, n: LuaInt): LuaInt {
  if (typeof n === "bigint" || n <= -64 || n >= 64) return 0;
  if (n >= 0) return norm(BigInt.asIntN(64, big(a) << SHIFT[n]));
  // a non-negative safe number shifts right exactly by division
  if (typeof a === "number" && a >= 0) return Math.floor(a / TWO[-n]);
  const m = -n;
  if (m >= 11) {
    // the result has at most 53 bits: compute it from the halves as a number
    I64[0] = big(a);
    const hi = U32[HI];
    if (m >= 32) return hi >>> (m - 32);
    return (hi >>> m) * TWO32 + (((U32[LO] >>> m) | (hi << (32 - m))) >>> 0);
  }
  return norm(BigInt.asIntN(64, BigInt.asUintN(64, big(a)) >> SHIFT[m]));
}
