// table.sort's algorithm: Lua 5.4's quicksort (auxsort) step for step, so comparators see the same calls.
import { rterror } from "../error.ts";

export type Less = (a: unknown, b: unknown) => boolean;

interface SortState {
  less: Less;
  get: (i: number) => unknown;
  set: (i: number, v: unknown) => void;
}

const RANLIMIT = 100;

function orderError(): never {
  return rterror("invalid order function for sorting");
}

function partition(s: SortState, lo: number, up: number, P: unknown): number {
  const { less, get, set } = s;
  let i = lo; // will be incremented before first use
  let j = up - 1; // will be decremented before first use
  for (;;) {
    let ai: unknown, aj: unknown;
    // repeat ++i while a[i] < P
    while (less((ai = get(++i)), P)) {
      if (i === up - 1) orderError(); // a[i] < P but a[up - 1] == P
    }
    // repeat --j while P < a[j]
    while (less(P, (aj = get(--j)))) {
      if (j < i) orderError(); // j < i but a[j] > P
    }
    if (j < i) {
      // swap pivot (a[up - 1]) with a[i]
      set(up - 1, ai);
      set(i, P);
      return i;
    }
    set(i, aj);
    set(j, ai);
  }
}

function choosePivot(lo: number, up: number, rnd: number): number {
  const r4 = Math.floor((up - lo) / 4);
  return (rnd % (r4 * 2)) + (lo + r4);
}

function randomizePivot(): number {
  return (Math.random() * 0x100000000) >>> 0;
}

function auxsort(s: SortState, lo: number, up: number, rnd: number): void {
  const { less, get, set } = s;
  while (lo < up) {
    // sort elements lo, p, up
    {
      const a = get(lo), b = get(up);
      if (less(b, a)) {
        set(lo, b);
        set(up, a);
      }
    }
    if (up - lo === 1) break; // only 2 elements
    let p = up - lo < RANLIMIT || rnd === 0 ? Math.floor((lo + up) / 2) : choosePivot(lo, up, rnd);
    {
      const ap = get(p), alo = get(lo);
      if (less(ap, alo)) {
        set(p, alo);
        set(lo, ap);
      } else {
        const aup = get(up);
        if (less(aup, ap)) {
          set(p, aup);
          set(up, ap);
        }
      }
    }
    if (up - lo === 2) break; // only 3 elements
    const P = get(p);
    set(p, get(up - 1));
    set(up - 1, P);
    p = partition(s, lo, up, P);
    let n: number;
    if (p - lo < up - p) {
      auxsort(s, lo, p - 1, rnd);
      n = p - lo;
      lo = p + 1;
    } else {
      auxsort(s, p + 1, up, rnd);
      n = up - p;
      up = p - 1;
    }
    if (Math.floor((up - lo) / 128) > n) rnd = randomizePivot(); // partition too imbalanced
  }
}

/** Sorts positions 1..n of a table reached through get/set (n > 1). */
export function sortRange(less: Less, get: (i: number) => unknown, set: (i: number, v: unknown) => void, n: number): void {
  auxsort({ less, get, set }, 1, n, 0);
}
