// 64-bit integer arithmetic on 32-bit halves (runtime/int64.ts) against bigint arithmetic
// wrapped with BigInt.asIntN(64, …), on edge values and random ones.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { add64, and64, mul64, not64, or64, shl64, sub64, xor64 } from "../../runtime/int64.ts";
import type { LuaInt } from "../../runtime/number.ts";

/** The canonical integer for a bigint: a number when safe (as the runtime keeps them). */
function norm(b: bigint): LuaInt {
  const w = BigInt.asIntN(64, b);
  return w >= -(2n ** 53n) + 1n && w <= 2n ** 53n - 1n ? Number(w) : w;
}

const EDGES: bigint[] = [0n, 1n, -1n, 2n, 255n, 65535n, 65536n, 2n ** 31n - 1n, 2n ** 31n, -(2n ** 31n), 2n ** 32n - 1n,
  2n ** 32n, -(2n ** 32n), 2n ** 52n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n) + 1n, -(2n ** 53n),
  -(2n ** 53n) - 1n, 2n ** 62n, 2n ** 63n - 1n, -(2n ** 63n), 6364136223846793005n, 1442695040888963407n,
  1099511628211n, 16777619n, 1103515245n, -6148914691236517206n];

/** xorshift64 on bigints: random 64-bit values, some narrowed to fewer bits. */
function randoms(n: number): bigint[] {
  let x = 88172645463325252n;
  const out: bigint[] = [];
  for (let i = 0; i < n; i++) {
    x ^= (x << 13n) & 0xffffffffffffffffn;
    x ^= x >> 7n;
    x ^= (x << 17n) & 0xffffffffffffffffn;
    const bits = BigInt(1 + (i % 64));
    out.push(BigInt.asIntN(64, x & ((1n << bits) - 1n)) * (i % 3 === 0 ? -1n : 1n));
  }
  return out;
}

const VALUES = [...EDGES, ...randoms(400)].map((b) => BigInt.asIntN(64, b));

describe("int64 arithmetic on 32-bit halves", () => {
  const cases: [string, (a: LuaInt, b: LuaInt) => LuaInt, (a: bigint, b: bigint) => bigint][] = [
    ["add", add64, (a, b) => a + b],
    ["sub", sub64, (a, b) => a - b],
    ["mul", mul64, (a, b) => a * b],
    ["and", and64, (a, b) => a & b],
    ["or", or64, (a, b) => a | b],
    ["xor", xor64, (a, b) => a ^ b],
  ];
  for (const [name, f, ref] of cases) {
    it(`${name} matches wrapped bigint arithmetic`, () => {
      for (const a of VALUES) {
        for (const b of VALUES) {
          assert.equal(f(norm(a), norm(b)), norm(ref(a, b)), `${a} ${name} ${b}`);
        }
      }
    });
  }
  it("not and shifts (logical, both directions, 64 and beyond give 0)", () => {
    for (const a of VALUES) {
      assert.equal(not64(norm(a)), norm(~a), `~${a}`);
      for (const n of [0, 1, 7, 16, 31, 32, 33, 47, 53, 63, 64, 65, 100, -1, -7, -31, -32, -33, -63, -64, -200]) {
        const u = BigInt.asUintN(64, a);
        const want = n >= 64 || n <= -64 ? 0n : n >= 0 ? u << BigInt(n) : u >> BigInt(-n);
        assert.equal(shl64(norm(a), n), norm(want), `${a} << ${n}`);
      }
      assert.equal(shl64(norm(a), 2n ** 60n), 0);
    }
  });
});
