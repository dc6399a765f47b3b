// Array fills: `for j = i, e, s do t[j] = v end` with nothing else in the body. The compiled
// loop first offers the whole loop to fill(); when every store would land in t's array part
// with no metamethod or hash part involved, fill runs it as a tight JS loop (which V8 optimises
// far better than the per-store checks, whose cold paths keep it from peeling the loop) and
// returns true. Otherwise it does nothing and returns false, and the ordinary loop runs.
import { appendArr, isTable } from "./table.ts";

/** Longest array part fill() allocates in one step (larger fills grow as they go). */
const MAX_PRESIZE = 2 ** 26;

/** i, e, s: the loop's integer start, limit and step (a mode-0 loop); v: the stored value. */
export function fill(t: unknown, v: unknown, i: number, e: number, s: number): boolean {
  if (v === undefined || !isTable(t) || t.metatable !== undefined) return false;
  let a = t.arr;
  if (s > 0) {
    if (i > e) return true; // no iteration
    if (i < 1) return false;
    if (e <= a.length) {
      for (let j = i; j <= e; j += s) a[j - 1] = v;
      return true;
    }
    // past the end: only a step of 1 that starts inside the array (or just after it) appends
    // every key in order; keys in the hash part would have to migrate
    if (s !== 1 || i > a.length + 1 || t.hashIntMax >= i) return false;
    const n = a.length;
    if (n === 0) a = t.writableArr();
    for (let j = i; j <= n; j++) a[j - 1] = v;
    if (e - n >= 1024 && e <= MAX_PRESIZE) {
      // the final length is known: one allocation instead of a doubling at each power of two
      a.length = e;
      for (let j = n + 1; j <= e; j++) a[j - 1] = v;
    } else {
      for (let j = n + 1; j <= e; j++) appendArr(a, v);
    }
    return true;
  }
  if (i < e) return true; // no iteration
  if (e < 1 || i > a.length) return false;
  for (let j = i; j >= e; j += s) a[j - 1] = v;
  return true;
}
