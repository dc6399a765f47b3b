// Unit tests: LuaTable.length border rules, appends migrating keys from the hash part, and
// assigning nil to fields during a next() traversal. Exact lengths are lua5.4's where a table has
// one border; with several borders any border is correct, so those cases check the border rule.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LuaFloat } from "../../runtime/number.ts";
import { LuaTable } from "../../runtime/table.ts";

/** A table from [key, value] assignments applied in order (value undefined assigns nil). */
function build(sets: [unknown, unknown][], arr?: unknown[]): LuaTable {
  const t = new LuaTable(arr);
  for (const [k, v] of sets) t.set(k, v);
  return t;
}

function isBorder(t: LuaTable, n: number): boolean {
  return (n === 0 || t.get(n) !== undefined) && t.get(n + 1) === undefined;
}

const seq = (n: number): unknown[] => Array.from({ length: n }, (_, i) => i + 1);
const sets = (keys: number[]): [unknown, unknown][] => keys.map((k) => [k, k]);

describe("LuaTable.length: single-border tables (values from lua5.4)", () => {
  const cases: [string, LuaTable, number][] = [
    ["{}", build([]), 0],
    ["{1,2,3}", new LuaTable([1, 2, 3]), 3],
    ["{1,2,nil,4}", new LuaTable([1, 2, undefined, 4]), 4],
    ["{nil,nil,3}", new LuaTable([undefined, undefined, 3]), 3],
    ["{nil}", new LuaTable([undefined]), 0],
    ["{1,2,3,nil}", new LuaTable([1, 2, 3, undefined]), 3],
    ["t[2]=2", build(sets([2])), 0],
    ["t[2]=2 t[1]=1", build(sets([2, 1])), 2],
    ["t[3],t[2],t[1]", build(sets([3, 2, 1])), 3],
    ["{1,2,3} t[3]=nil", build([[3, undefined]], [1, 2, 3]), 2],
    ["{1,2,3,4,5} t[5]=nil t[4]=nil", build([[5, undefined], [4, undefined]], seq(5)), 3],
    ["t[10..1] descending", build(sets([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])), 10],
    ["{n=1} t[1] t[2]", build([["n", 1], [1, 1], [2, 2]]), 2],
    ["t[1.0]=1 t[2]=2", build([[new LuaFloat(1), 1], [2, 2]]), 2],
    ["{1,2,3} t[5]=5 t[4]=4", build(sets([5, 4]), [1, 2, 3]), 5],
    ["string keys only", build([["a", 1], ["b", 2]]), 0],
    ["t[0] and t[-1] only", build(sets([0, -1])), 0],
  ];
  for (const [name, t, want] of cases) it(name, () => assert.equal(t.length(), want));
});

describe("LuaTable.length: tables with holes return a border", () => {
  const cases: [string, LuaTable][] = [
    ["t[1] t[2] t[4]", build(sets([1, 2, 4]))],
    ["{1,2,3} t[4] t[6]", build(sets([4, 6]), [1, 2, 3])],
    ["1..10 with t[5]=nil", build([[5, undefined]], seq(10))],
    ["1..100 with every third nil", build([3, 6, 9, 30, 60, 99].map((k) => [k, undefined]), seq(100))],
    ["1..8 with t[8]=nil t[2]=nil", build([[8, undefined], [2, undefined]], seq(8))],
    ["{nil,2,nil,4,nil}", new LuaTable([undefined, 2, undefined, 4, undefined])],
    ["hash-only 1,2,3,5", build(sets([5, 3, 2, 1]))],
  ];
  for (const [name, t] of cases) it(name, () => assert.ok(isBorder(t, t.length()), `length ${t.length()}`));
});

describe("LuaTable appends migrate keys from the hash part", () => {
  it("t[2], t[3] then t[1] moves 2 and 3 into the array part", () => {
    const t = build(sets([2, 3, 1]));
    assert.deepEqual([t.arr.length, t.hash?.size ?? 0, t.length()], [3, 0, 3]);
  });
  it("a gap stops the migration", () => {
    const t = build(sets([2, 4, 1]));
    assert.deepEqual([t.arr.length, t.hash?.has(4), t.length()], [2, true, 2]);
  });
  it("filling the gap pulls the rest over", () => {
    const t = build(sets([2, 4, 5, 1, 3]));
    assert.deepEqual([t.arr.length, t.hash?.size ?? 0, t.length()], [5, 0, 5]);
  });
  it("getInt finds migrated values", () => {
    const t = build([[3, "c"], [2, "b"], [1, "a"]]);
    assert.deepEqual([t.getInt(1), t.getInt(2), t.getInt(3), t.getInt(4)], ["a", "b", "c", undefined]);
  });
  it("appending nil at n+1 changes nothing", () => {
    const t = build([[4, undefined]], [1, 2, 3]);
    assert.deepEqual([t.arr.length, t.length()], [3, 3]);
  });
  it("removing the last element trims trailing holes", () => {
    const t = build([[2, undefined], [3, undefined]], [1, 2, 3]);
    assert.deepEqual([t.arr.length, t.length()], [1, 1]);
  });
  it("length continues into the hash part after the array", () => {
    const t = build(sets([5]), [1, 2, 3]);
    t.set(4, 4);
    assert.equal(t.length(), 5);
  });
});

/** Traverses t with next(), calling visit(k) on each key; returns the keys seen in order. */
function traverse(t: LuaTable, visit: (k: unknown) => void): unknown[] {
  const seen: unknown[] = [];
  let k: unknown = undefined;
  for (;;) {
    const e = t.next(k);
    if (e === null) assert.fail(`next failed after key ${String(k)}`);
    if (e === undefined) return seen;
    k = e[0];
    seen.push(k);
    visit(k);
  }
}

describe("LuaTable.next with nil assignments during traversal", () => {
  const mixed = (): LuaTable => build([["a", 1], ["b", 2], [10, 3], ["c", 4], [2.5, 5]], seq(6));

  it("clearing every visited key visits each key once and empties the table", () => {
    const t = mixed();
    const seen = traverse(t, (k) => t.set(k, undefined));
    // order: array part, then string keys, then other keys (docs/semantics.md)
    assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, "a", "b", "c", 10, 2.5]);
    assert.equal(t.next(undefined), undefined);
  });
  it("clearing array keys from the end during traversal", () => {
    const t = new LuaTable(seq(5));
    const seen = traverse(t, (k) => t.set(6 - (k as number), undefined));
    assert.deepEqual(seen, [1, 2, 3]);
  });
  it("clearing a key not yet visited skips it", () => {
    const t = mixed();
    const seen = traverse(t, (k) => { if (k === "a") t.set("c", undefined); });
    assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, "a", "b", 10, 2.5]);
  });
  it("assigning existing keys keeps the traversal intact", () => {
    const t = mixed();
    const seen = traverse(t, (k) => t.set(k, "x"));
    assert.equal(seen.length, 11);
    assert.equal(t.get("b"), "x");
  });
  it("next on a key that is not in the table fails", () => {
    const t = mixed();
    assert.equal(t.next("zzz"), null);
  });
  it("next on integer keys never in the table fails (lua5.4: next({}, 1), next({1}, 2))", () => {
    assert.deepEqual([new LuaTable().next(1), new LuaTable([1]).next(2), new LuaTable([1, 2]).next(3)], [null, null, null]);
  });
  it("next on an array slot cleared earlier ends the traversal (lua5.4: t={1,2,3} t[3]=nil next(t,3))", () => {
    const t = build([[3, undefined]], [1, 2, 3]);
    assert.equal(t.next(3), undefined);
  });
  it("the last array key cleared during traversal still continues to the hash part", () => {
    const t = build([["h", 1]], [1, 2, 3]);
    const seen = traverse(t, (k) => { if (k === 3) t.set(3, undefined); });
    assert.deepEqual(seen, [1, 2, 3, "h"]);
  });
});
