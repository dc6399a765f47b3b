// json.encode's one-pass encoder against the data-model path it replaced (luaToData, then the
// compact serde_json writer that JWT still uses): random Lua values give the same text or the
// same error.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LuaError } from "../../runtime/error.ts";
import { mkfloat } from "../../runtime/number.ts";
import { LuaTable } from "../../runtime/table.ts";
import { fromJs } from "../../runtime/value.ts";
import { jsonText } from "../../stdlib-ts/crypto-jwt.ts";
import { JSON_NULL, luaToData, markKind } from "../../stdlib-ts/interop.ts";
import { encodeJsonDirect } from "../../stdlib-ts/json-encode.ts";

/** xorshift32: a reproducible stream of random integers. */
function rng(seed: number): (n: number) => number {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x % n;
  };
}

const STRINGS = ["", "a", "b", "B", "aa", "name", "1", "2", "10", "x\ny", 'q"u\\o', "tab\t", "\x01ctl",
  "\xc3\xa9t\xc3\xa9", "\xe2\x82\xac", "\xff bad", "\xc3", "del\x7f", "</script>"];
const FLOATS = [0.5, -0.0, 1e21, 1e-7, 3.14, 1 / 3, 1e300, NaN, Infinity, -Infinity];

function randomValue(r: (n: number) => number, depth: number): unknown {
  switch (r(depth > 3 ? 6 : 9)) {
    case 0: return undefined;
    case 1: return r(2) === 0;
    case 2: return r(1000) - 500;
    case 3: return r(4) === 0 ? mkfloat(r(100)) : FLOATS[r(FLOATS.length)];
    case 4: return STRINGS[r(STRINGS.length)];
    case 5: return r(20) === 0 ? JSON_NULL : 2n ** 60n + BigInt(r(9));
    default: return randomTable(r, depth + 1);
  }
}

function randomTable(r: (n: number) => number, depth: number): LuaTable {
  const t = new LuaTable();
  const shape = r(5);
  const n = r(6);
  for (let i = 1; i <= n; i++) {
    if (shape === 0) t.set(i, randomValue(r, depth) ?? 1); // dense
    else if (shape === 1) t.set(STRINGS[r(STRINGS.length)] || "k", randomValue(r, depth));
    else if (shape === 2) t.set(r(8) + 1, randomValue(r, depth)); // maybe sparse
    else if (shape === 3) t.set(r(3) === 0 ? 1.5 : r(2) === 0 ? String(r(4) + 1) : r(4) + 1, randomValue(r, depth));
    else t.set(r(2) === 0 ? i : STRINGS[r(STRINGS.length)] || "k", randomValue(r, depth));
  }
  if (r(12) === 0) markKind(t, r(2) === 0 ? "array" : "object", "test");
  return t;
}

function outcome(f: () => string): string {
  try {
    return "ok " + f();
  } catch (e) {
    if (e instanceof LuaError) return "error " + String(e.value);
    throw e;
  }
}

describe("json.encode one-pass encoder", () => {
  it("matches the data-model path on 3000 random values", () => {
    const r = rng(20261204);
    for (let i = 0; i < 3000; i++) {
      const v = randomValue(r, 0);
      const expected = outcome(() => fromJs(jsonText(luaToData(v, "json.encode"))));
      const actual = outcome(() => encodeJsonDirect(v, "json.encode"));
      assert.equal(actual, expected, `case ${i}`);
    }
  });
});
