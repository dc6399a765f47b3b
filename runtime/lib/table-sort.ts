// table.sort's algorithm: Lua 5.4's quicksort (auxsort) step for step, so comparators see the same calls.
import { rterror } from "../error.ts";
import { index, setindex } from "../ops.ts";
import { isTable } from "../table.ts";

export type Less = (a: unknown, b: unknown) => boolean;

/**
 * a[i] as lua_geti reads it: a present array-part value directly (no metamethod can apply to a
 * present key), anything else through the full index operation.
 */
function get(a: unknown, i: number): unknown {
  if (isTable(a)) {
    const arr = a.arr;
    if (i <= arr.length) {
      const v = arr[i - 1];
      if (v !== undefined) return v;
    }
  }
  return index(a, i);
}

/** a[i] = v as lua_seti does it: a present array-part slot directly, anything else in full. */
function set(a: unknown, i: number, v: unknown): void {
  if (isTable(a) && v !== undefined) {
    const arr = a.arr;
    if (i <= arr.length && arr[i - 1] !== undefined) {
      arr[i - 1] = v;
      return;
    }
  }
  setindex(a, i, v);
}

const RANLIMIT = 100;

function orderError(): never {
  return rterror("invalid order function for sorting");
}

function partition(t: unknown, less: Less, lo: number, up: number, P: unknown): number {
  let i = lo; // will be incremented before first use
  let j = up - 1; // will be decremented before first use
  for (;;) {
    let ai: unknown, aj: unknown;
    // repeat ++i while a[i] < P
    while (less((ai = get(t, ++i)), P)) {
      if (i === up - 1) orderError(); // a[i] < P but a[up - 1] == P
    }
    // repeat --j while P < a[j]
    while (less(P, (aj = get(t, --j)))) {
      if (j < i) orderError(); // j < i but a[j] > P
    }
    if (j < i) {
      // swap pivot (a[up - 1]) with a[i]
      set(t, up - 1, ai);
      set(t, i, P);
      return i;
    }
    set(t, i, aj);
    set(t, j, ai);
  }
}

function choosePivot(lo: number, up: number, rnd: number): number {
  const r4 = Math.floor((up - lo) / 4);
  return (rnd % (r4 * 2)) + (lo + r4);
}

function randomizePivot(): number {
  return (Math.random() * 0x100000000) >>> 0;
}

function auxsort(t: unknown, less: Less, lo: number, up: number, rnd: number): void {
  while (lo < up) {
    // sort elements lo, p, up
    {
      const a = get(t, lo), b = get(t, up);
      if (less(b, a)) {
        set(t, lo, b);
        set(t, up, a);
      }
    }
    if (up - lo === 1) break; // only 2 elements
    let p = up - lo < RANLIMIT || rnd === 0 ? Math.floor((lo + up) / 2) : choosePivot(lo, up, rnd);
    {
      const ap = get(t, p), alo = get(t, lo);
      if (less(ap, alo)) {
        set(t, p, alo);
        set(t, lo, ap);
      } else {
        const aup = get(t, up);
        if (less(aup, ap)) {
          set(t, p, aup);
          set(t, up, ap);
        }
      }
    }
    if (up - lo === 2) break; // only 3 elements
    const P = get(t, p);
    set(t, p, get(t, up - 1));
    set(t, up - 1, P);
    p = partition(t, less, lo, up, P);
    let n: number;
    if (p - lo < up - p) {
      auxsort(t, less, lo, p - 1, rnd);
      n = p - lo;
      lo = p + 1;
    } else {
      auxsort(t, less, p + 1, up, rnd);
      n = up - p;
      up = p - 1;
    }
    if (Math.floor((up - lo) / 128) > n) rnd = randomizePivot(); // partition too imbalanced
  }
}

/** Sorts positions 1..n of t (n > 1), reading and writing as lua_geti / lua_seti. */
export function sortRange(t: unknown, less: Less, n: number): void {
  auxsort(t, less, 1, n, 0);
}
