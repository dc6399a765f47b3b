// 64-bit integer arithmetic without bigint operations: an integer (a safe JS number, or a
// bigint beyond 2^53) is split into two unsigned 32-bit halves held in doubles, the operation
// is done on the halves modulo 2^64 (Lua's wrap-around), and the result is joined back into a
// number when it is safe, or a bigint read from a BigInt64Array (one allocation, no bigint
// arithmetic). V8's bigint operations each allocate; the 64-bit LCG benchmark spent most of
// its time in them.
import type { LuaInt } from "./number.ts";

const I64 = new BigInt64Array(1);
const U32 = new Uint32Array(I64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE ? 0 : 1, HI = LITTLE ? 1 : 0;
const TWO32 = 4294967296;

// the halves of the operands, set by split (no allocation)
let ah = 0, al = 0, bh = 0, bl = 0;

/** Splits v into (hi, lo) unsigned 32-bit halves of its 64-bit two's complement; returns hi, leaves lo in `splitLo`. */
let splitLo = 0;
function split(v: LuaInt): number {
  if (typeof v === "number") {
    const hi = Math.floor(v / TWO32);
    splitLo = v - hi * TWO32;
    return hi >>> 0;
  }
  I64[0] = v;
  splitLo = U32[LO];
  return U32[HI];
}

function splitBoth(a: LuaInt, b: LuaInt): void {
  ah = split(a);
  al = splitLo;
  bh = split(b);
  bl = splitLo;
}

/** The integer with unsigned 32-bit halves hi and lo: a number when safe, else a bigint. */
export function join(hi: number, lo: number): LuaInt {
  const v = (hi | 0) * TWO32 + lo;
  if (Number.isSafeInteger(v)) return v;
  U32[LO] = lo;
  U32[HI] = hi;
  return I64[0];
}

export function add64(a: LuaInt, b: LuaInt): LuaInt {
  splitBoth(a, b);
  const lo = al + bl;
  return join((ah + bh + (lo >= TWO32 ? 1 : 0)) >>> 0, lo >>> 0);
}

export function sub64(a: LuaInt, b: LuaInt): LuaInt {
  splitBoth(a, b);
  const lo = al - bl;
  return join((ah - bh - (lo < 0 ? 1 : 0)) >>> 0, lo >>> 0);
}

/** The low 64 bits of a·b: al·bl exactly from 16-bit pieces, plus the cross terms mod 2^32. */
export function mul64(a: LuaInt, b: LuaInt): LuaInt {
  splitBoth(a, b);
  const a0 = al & 0xffff, a1 = al >>> 16, b0 = bl & 0xffff, b1 = bl >>> 16;
  const mid = a0 * b1 + a1 * b0; // < 2^33
  const low = a0 * b0 + (mid % 65536) * 65536; // < 2^33
  const carry = low >= TWO32 ? 1 : 0;
  const hiOfLow = a1 * b1 + Math.floor(mid / 65536) + carry; // high half of al·bl (< 2^33)
  return join((hiOfLow + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0, low >>> 0);
}

export function and64(a: LuaInt, b: LuaInt): LuaInt {
  splitBoth(a, b);
  return join((ah & bh) >>> 0, (al & bl) >>> 0);
}

export function or64(a: LuaInt, b: LuaInt): LuaInt {
  splitBoth(a, b);
  return join((ah | bh) >>> 0, (al | bl) >>> 0);
}

export function xor64(a: LuaInt, b: LuaInt): LuaInt {
  splitBoth(a, b);
  return join((ah ^ bh) >>> 0, (al ^ bl) >>> 0);
}

export function not64(a: LuaInt): LuaInt {
  const hi = split(a);
  return join(~hi >>> 0, ~splitLo >>> 0);
}

/** Logical shift left by n (right when n < 0); shifts of 64 or more give 0. */
export function shl64(a: LuaInt, n: LuaInt): LuaInt {
  if (typeof n === "bigint" || n <= -64 || n >= 64) return 0;
  const hi = split(a), lo = splitLo;
  if (n === 0) return join(hi, lo);
  if (n > 0) {
    if (n >= 32) return join((lo << (n - 32)) >>> 0, 0);
    return join(((hi << n) | (lo >>> (32 - n))) >>> 0, (lo << n) >>> 0);
  }
  const m = -n;
  if (m >= 32) return join(0, hi >>> (m - 32));
  return join(hi >>> m, ((lo >>> m) | (hi << (32 - m))) >>> 0);
}
