// Generic-for steps without result arrays. `for k, v in f, s, c` calls $forstep(f, s, c), which
// returns the first value and leaves the second in `second.v`. ipairs over a table without a
// metatable reads the array part right here (no call, no [k, v] array), pairs over a table
// walks it without next's argument checks or an entry array; any other iterator is called and its results unpacked.
import { LuaError, currentLuaFrames } from "./error.ts";
import { LuaTable, nextValue } from "./table.ts";
import { callSite } from "./ops.ts";

/** How argument errors name a builtin called as the iterator of a generic for. */
const FOR_ITERATOR = "for iterator 'for iterator'";

/** The second value of the last $forstep. */
export const second: { v: unknown } = { v: undefined };

/** ipairs's iterator and next, set by the base library (which imports this file's users). */
const known: { ipairs: Function | undefined; next: Function | undefined } = { ipairs: undefined, next: undefined };

export function setIterators(ipairsAux: Function, next: Function): void {
  known.ipairs = ipairsAux;
  known.next = next;
}

/** next's "invalid key" error: raised inside next itself, so lua5.4 gives it no position. */
export function invalidKey(): LuaError {
  return new LuaError("invalid key to 'next'", currentLuaFrames());
}

export function forstep(f: Function, s: unknown, c: unknown): unknown {
  if (f === known.ipairs && s instanceof LuaTable && s.metatable === undefined) {
    const k = (c as number) + 1;
    const a = s.arr;
    const v = k <= a.length ? a[k - 1] : s.getInt(k);
    if (v === undefined) return undefined;
    second.v = v;
    return k;
  }
  if (f === known.next && s instanceof LuaTable) {
    // pairs over a table: the table's own traversal, without next's argument checks
    const key = s.nextKey(c);
    if (key === null) throw invalidKey();
    if (key === undefined) return undefined;
    second.v = nextValue.v;
    return key;
  }
  callSite.d = FOR_ITERATOR; // (the body's calls changed it since forin set it)
  const r = f(s, c);
  if (Array.isArray(r)) {
    second.v = r[1];
    return r[0];
  }
  second.v = undefined;
  return r;
}
