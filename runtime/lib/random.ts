// xoshiro256** exactly as Lua 5.4's math.random uses it, on 32-bit halves (no BigInt per draw).
import { type LuaInt, mkint, toBig } from "../number.ts";

const TWO32 = 0x100000000;

export class Xoshiro {
  /** s[2k] is the high half and s[2k + 1] the low half of state word k. */
  private readonly s = new Uint32Array(8);
  /** the last value drawn, as halves */
  hi = 0;
  lo = 0;

  /** Advances the state; the result is left in hi/lo. */
  next(): void {
    const s = this.s;
    const h1 = s[2], l1 = s[3];
    // res = rotl(s1 * 5, 7) * 9
    const mh = mulSmall(h1, l1, 5), ml = mulLo;
    const rh = ((mh << 7) | (ml >>> 25)) >>> 0;
    const rl = ((ml << 7) | (mh >>> 25)) >>> 0;
    this.hi = mulSmall(rh, rl, 9);
    this.lo = mulLo;
    // t = s1 << 17
    const th = ((h1 << 17) | (l1 >>> 15)) >>> 0, tl = (l1 << 17) >>> 0;
    s[4] ^= s[0]; s[5] ^= s[1]; // s2 ^= s0
    s[6] ^= s[2]; s[7] ^= s[3]; // s3 ^= s1
    s[2] ^= s[4]; s[3] ^= s[5]; // s1 ^= s2
    s[0] ^= s[6]; s[1] ^= s[7]; // s0 ^= s3
    s[4] ^= th; s[5] ^= tl; // s2 ^= t
    // s3 = rotl(s3, 45): swap halves, then rotate by 13
    const h3 = s[6], l3 = s[7];
    s[6] = (l3 << 13) | (h3 >>> 19);
    s[7] = (h3 << 13) | (l3 >>> 19);
  }

  /** The last draw as a float in [0, 1): its top 53 bits scaled by 2^-53. */
  float(): number {
    return (this.hi * 2097152 + (this.lo >>> 11)) / 9007199254740992;
  }

  /** The last draw as a signed 64-bit Lua integer. */
  int64(): LuaInt {
    return mkint(BigInt.asIntN(64, (BigInt(this.hi) << 32n) | BigInt(this.lo)));
  }

  /** A value in [low, up] (low <= up) from the last draw, projecting like Lua's 'project'. */
  range(low: LuaInt, up: LuaInt): LuaInt {
    if (typeof low === "number" && typeof up === "number") {
      const n = up - low;
      if (n <= 0xffffffff) {
        const r = this.project32(n);
        return low + r;
      }
      if (Number.isSafeInteger(n)) {
        const r = this.project53(n);
        const v = low + r;
        return Number.isSafeInteger(v) ? v : mkint(BigInt(low) + BigInt(r));
      }
    }
    const lb = toBig(low);
    const n = BigInt.asUintN(64, toBig(up) - lb);
    return mkint(this.projectBig(n) + lb);
  }

  private project32(n: number): number {
    if ((n & (n + 1)) === 0 && n < 0xffffffff) return (this.lo & n) >>> 0;
    if (n === 0xffffffff) return this.lo;
    const lim = smear32(n);
    let r = (this.lo & lim) >>> 0;
    while (r > n) {
      this.next();
      r = (this.lo & lim) >>> 0;
    }
    return r;
  }

  private project53(n: number): number {
    // n >= 2^32: lim = 2^b - 1 with its high half a smeared mask
    const nh = Math.floor(n / TWO32);
    const limH = smear32(nh);
    let r = ((this.hi & limH) >>> 0) * TWO32 + this.lo;
    while (r > n) {
      this.next();
      r = ((this.hi & limH) >>> 0) * TWO32 + this.lo;
    }
    return r;
  }

  private projectBig(n: bigint): bigint {
    const draw = (): bigint => (BigInt(this.hi) << 32n) | BigInt(this.lo);
    if ((n & (n + 1n)) === 0n) return draw() & n;
    let lim = n;
    for (const sh of [1n, 2n, 4n, 8n, 16n, 32n]) lim |= lim >> sh;
    let r = draw() & lim;
    while (r > n) {
      this.next();
      r = draw() & lim;
    }
    return r;
  }

  /** setseed: state {n1, 0xff, n2, 0}, then 16 discarded draws. */
  seed(n1: LuaInt, n2: LuaInt): void {
    const a = BigInt.asUintN(64, toBig(n1)), b = BigInt.asUintN(64, toBig(n2));
    const s = this.s;
    s[0] = Number(a >> 32n); s[1] = Number(a & 0xffffffffn);
    s[2] = 0; s[3] = 0xff;
    s[4] = Number(b >> 32n); s[5] = Number(b & 0xffffffffn);
    s[6] = 0; s[7] = 0;
    for (let i = 0; i < 16; i++) this.next();
  }

  /** Seeds from the clock and a random number, like 5.4's randseed; returns the two seeds. */
  seedRandomly(): [LuaInt, LuaInt] {
    const n1 = Math.floor(Date.now() / 1000);
    const n2 = Math.floor(Math.random() * 2 ** 52);
    this.seed(n1, n2);
    return [n1, n2];
  }
}

/** The low half of the last mulSmall product (no array per call). */
let mulLo = 0;

/** (hi, lo) * k mod 2^64 for a small k: returns the high half, leaves the low one in mulLo. */
function mulSmall(h: number, l: number, k: number): number {
  const lo = l * k; // < 2^36, exact
  const carry = Math.floor(lo / TWO32);
  mulLo = lo >>> 0;
  return (Math.imul(h, k) + carry) >>> 0;
}

/** The smallest 2^b - 1 not below n (n < 2^32). */
function smear32(n: number): number {
  let lim = n >>> 0;
  lim |= lim >>> 1;
  lim |= lim >>> 2;
  lim |= lim >>> 4;
  lim |= lim >>> 8;
  lim |= lim >>> 16;
  return lim >>> 0;
}
