// LuaTable: the table value, with an array part (keys 1..n), string keys in a null-prototype
// object (V8 keeps small ones as fast hidden-class objects) and every other key in a Map.
import { LuaFloat, floatToInt } from "./number.ts";

/** Normalises a key as Lua does: integral floats become integers. NaN stays NaN. */
export function normKey(k: unknown): unknown {
  if (k instanceof LuaFloat) {
    const i = floatToInt(k.n);
    return i === undefined ? k.n : i;
  }
  return k;
}

export type StrPart = Record<string, unknown>;

/**
 * The (empty, null-prototype) prototype of every string part. Objects made by
 * Object.create(STR_PROTO) stay in V8's fast mode, unlike Object.create(null) or Maps, and
 * inherit nothing, so `s[k]` is undefined for any key never set ("toString" included).
 */
export const STR_PROTO: object = Object.create(null);

/** A string part from a flat [name, value, name, value, …] list (nil values left out). */
export function strPart(flat: unknown[]): StrPart {
  const o = Object.create(STR_PROTO) as StrPart;
  for (let i = 0; i < flat.length; i += 2) {
    const v = flat[i + 1];
    if (v !== undefined) o[flat[i] as string] = v;
  }
  return o;
}

/**
 * Appends v at arr[n] (n = arr.length). At each power of two from 1024 the array's length is
 * set to twice its size and back first, which makes V8 grow the backing store by doubling
 * instead of by half each time: filling a million-element array took ~35% less time.
 */
export function appendArr(a: unknown[], v: unknown): void {
  const n = a.length;
  if (n >= 1024 && (n & (n - 1)) === 0) {
    a.length = 2 * n;
    a.length = n;
  }
  a[n] = v;
}

/**
 * The array part of every table whose array part is empty: one shared array, so a table used
 * as a record costs no array of its own. Never written: code that may grow an array part takes
 * it from `writableArr()`. Frozen, so a write that misses this rule throws instead of leaking
 * into every empty table.
 */
export const NO_ARR: unknown[] = Object.freeze([]) as unknown as unknown[];

/** t[#arr + 1] = v when no hash key can follow it (compiled code's inline append; v not nil). */
export function append(t: LuaTable, v: unknown): unknown {
  appendArr(t.writableArr(), v);
  return v;
}

/**
 * Whether v is a table: only LuaTable objects have an `arr` field (on other values the lookup
 * misses, on primitives via their prototypes). Cheaper in hot helpers than `instanceof`.
 */
export function isTable(v: unknown): v is LuaTable {
  return (v as { arr?: unknown } | null | undefined)?.arr !== undefined;
}

/** The value of the entry that LuaTable.nextKey() last returned. */
export const nextValue: { v: unknown } = { v: undefined };

/** Where next() is in a traversal (kept apart from LuaTable: few tables are ever traversed). */
interface Walk {
  /** the string keys of the running traversal, and the position of the last one returned */
  strKeys: string[] | undefined;
  strPos: number;
  /** the live Map iterator of the running traversal, and the key it last returned */
  iterKey: unknown;
  iter: Iterator<[unknown, unknown]> | undefined;
}

export class LuaTable {
  /** arr[i] holds t[i + 1]; may contain undefined holes, never trailing ones. */
  arr: unknown[];
  /** string keys; a key may be present with value undefined (nil in a constructor) */
  strs: StrPart | undefined;
  /** every other key (numbers outside the array part, booleans, tables, functions, …) */
  hash: Map<unknown, unknown> | undefined;
  /**
   * An upper bound of the positive integer keys in the hash part (0 when there are none), so
   * that appending past the array part looks there only when a key could follow: a table with
   * a key like `[0]` or `[true]` appends inline, without a Map lookup per element.
   */
  hashIntMax: number;
  metatable: LuaTable | undefined;
  /** The array length before the array part last shrank: next() accepts keys up to it. */
  arrPeak: number;
  /** next()'s position in the running traversal of the non-array keys; made by the first one. */
  private walk: Walk | undefined;
  /**
   * Object.keys(strs) as a traversal last took it, kept while no string key is added: every
   * writer of a possibly new string key clears it (setStr, and compiled code's inline stores).
   * Object.keys of a large string part is costly (V8 sorts a dictionary-mode object's keys by
   * insertion: ~0.8 ms for 10 000 keys), and a table is often traversed many times unchanged.
   * Deleted keys may stay listed: a traversal skips keys whose value is nil.
   */
  keyList: string[] | undefined;

  constructor(arr?: unknown[], strs?: StrPart) {
    this.arr = arr ?? NO_ARR;
    this.strs = strs;
    this.hash = undefined;
    this.hashIntMax = 0;
    this.metatable = undefined;
    this.arrPeak = 0;
    this.walk = undefined;
    this.keyList = undefined;
    if (arr !== undefined) {
      let n = arr.length;
      while (n > 0 && arr[n - 1] === undefined) n--;
      arr.length = n;
    }
  }

  /** The array part, ready to grow (a table made with none gets its own here). */
  writableArr(): unknown[] {
    const a = this.arr;
    return a !== NO_ARR ? a : (this.arr = []);
  }

  get(k: unknown): unknown {
    if (typeof k === "string") {
      const s = this.strs;
      return s === undefined ? undefined : s[k];
    }
    if (typeof k === "number") {
      const a = this.arr;
      if (k >= 1 && k <= a.length && Number.isInteger(k)) return a[k - 1];
    } else if (k instanceof LuaFloat) {
      return this.get(normKey(k));
    }
    return this.hash === undefined ? undefined : this.hash.get(k);
  }

  getStr(k: string): unknown {
    const s = this.strs;
    return s === undefined ? undefined : s[k];
  }

  getInt(k: number): unknown {
    const a = this.arr;
    if (k >= 1 && k <= a.length) return a[k - 1];
    return this.hash === undefined ? undefined : this.hash.get(k);
  }

  /** Raw set; the caller has checked that k is neither nil nor NaN. */
  set(k: unknown, v: unknown): void {
    if (typeof k === "string") {
      this.setStr(k, v);
      return;
    }
    if (typeof k === "number") {
      if (Number.isInteger(k)) {
        this.setInt(k, v);
        return;
      }
    } else if (k instanceof LuaFloat) {
      this.set(normKey(k), v);
      return;
    }
    this.setHash(k, v);
  }

  setStr(k: string, v: unknown): void {
    const s = this.strs;
    if (v === undefined) {
      if (s !== undefined && k in s) delete s[k];
      return;
    }
    this.keyList = undefined;
    if (s === undefined) {
      const o = Object.create(STR_PROTO) as StrPart;
      o[k] = v;
      this.strs = o;
    } else {
      s[k] = v;
    }
  }

  setInt(k: number, v: unknown): void {
    const a = this.arr;
    const n = a.length;
    if (k >= 1 && k <= n) {
      a[k - 1] = v;
      if (v === undefined && k === n) {
        let m = n - 1;
        while (m > 0 && a[m - 1] === undefined) m--;
        if (n > this.arrPeak) this.arrPeak = n;
        a.length = m;
      }
      return;
    }
    if (k === n + 1) {
      if (v === undefined) {
        this.hash?.delete(k);
        return;
      }
      appendArr(n === 0 ? this.writableArr() : a, v);
      if (k <= this.hashIntMax) {
        const h = this.hash!;
        h.delete(k);
        if (h.size > 0) this.migrate();
        else this.hashIntMax = 0;
      }
      return;
    }
    this.setHash(k, v);
  }

  private setHash(k: unknown, v: unknown): void {
    if (v === undefined) {
      const h = this.hash;
      if (h !== undefined && h.delete(k) && h.size === 0) this.hashIntMax = 0;
      return;
    }
    if (this.hash === undefined) this.hash = new Map();
    this.hash.set(k, v);
    if (typeof k === "number" && k > this.hashIntMax && Number.isInteger(k)) this.hashIntMax = k;
  }

  /** Moves keys n+1, n+2, … from the hash part into the array part after an append. */
  private migrate(): void {
    const h = this.hash!;
    const a = this.arr;
    for (;;) {
      const k = a.length + 1;
      const v = h.get(k);
      if (v === undefined) {
        if (h.size === 0) this.hashIntMax = 0;
        return;
      }
      h.delete(k);
      a.push(v);
    }
  }

  /** The border used by the # operator. */
  length(): number {
    const a = this.arr;
    let n = a.length;
    if (n > 0 && a[n - 1] !== undefined) {
      const h = this.hash;
      if (h === undefined || n + 1 > this.hashIntMax || !h.has(n + 1)) return n;
      while (h.has(n + 1)) n++;
      return n;
    }
    if (n === 0) {
      const h = this.hash;
      if (h === undefined || this.hashIntMax < 1 || !h.has(1)) return 0;
      n = 1;
      while (h.has(n + 1)) n++;
      return n;
    }
    // binary search for a border inside the array part
    let lo = 0, hi = n;
    while (hi - lo > 1) {
      const m = (lo + hi) >>> 1;
      if (a[m - 1] === undefined) hi = m;
      else lo = m;
    }
    return lo;
  }

  /** Every non-array entry (string keys first), for library code that walks the whole table. */
  *hashEntries(): Generator<[unknown, unknown]> {
    const s = this.strs;
    if (s !== undefined) for (const k of Object.keys(s)) if (s[k] !== undefined) yield [k, s[k]];
    if (this.hash !== undefined) for (const e of this.hash) if (e[1] !== undefined) yield e;
  }

  /**
   * next(): the entry after key k (undefined k = first). Returns undefined at the end, and
   * null when k is not a key of the table. Traversal tolerates assigning nil to fields.
   * Order: array part, string keys, other keys.
   */
  next(k: unknown): [unknown, unknown] | undefined | null {
    const key = this.nextKey(k);
    return key === undefined || key === null ? key : [key, nextValue.v];
  }

  /**
   * next() without an entry array: the key after k (undefined at the end, null when k is not
   * a key), its value left in `nextValue.v`. Generic-for steps over pairs use this.
   */
  nextKey(k: unknown): unknown {
    const a = this.arr;
    let i = 0;
    if (k !== undefined) {
      if (typeof k === "string") return this.nextStr(k);
      k = normKey(k);
      if (
        typeof k === "number" && Number.isInteger(k) && k >= 1 &&
        (k <= a.length || (k <= this.arrPeak && !this.hash?.has(k)))
      ) {
        i = k; // (a key past the end was an array slot cleared since)
      } else {
        return this.nextHash(k);
      }
    }
    for (; i < a.length; i++) {
      if (a[i] !== undefined) {
        nextValue.v = a[i];
        return i + 1;
      }
    }
    return this.nextStr(undefined);
  }

  private walker(): Walk {
    return (this.walk ??= { strKeys: undefined, strPos: 0, iterKey: undefined, iter: undefined });
  }

  private nextStr(k: string | undefined): unknown {
    const s = this.strs;
    let pos: number;
    let keys: string[];
    if (k === undefined) {
      if (s === undefined) return this.nextHash(undefined);
      keys = this.keyList ?? (this.keyList = Object.keys(s));
      pos = 0;
    } else if (this.walk?.strKeys !== undefined && this.walk.strKeys[this.walk.strPos] === k) {
      keys = this.walk.strKeys;
      pos = this.walk.strPos + 1;
    } else {
      // a traversal we did not start: find k the slow way
      if (s === undefined || !(k in s)) return null;
      keys = this.keyList ?? (this.keyList = Object.keys(s));
      pos = keys.indexOf(k) + 1;
    }
    for (; pos < keys.length; pos++) {
      const key = keys[pos];
      const v = s![key];
      if (v !== undefined) {
        const w = this.walker();
        w.strKeys = keys;
        w.strPos = pos;
        nextValue.v = v;
        return key;
      }
    }
    if (this.walk !== undefined) this.walk.strKeys = undefined;
    return this.nextHash(undefined);
  }

  private nextHash(k: unknown): unknown {
    const h = this.hash;
    if (h === undefined) return k === undefined ? undefined : null;
    let it: Iterator<[unknown, unknown]>;
    if (k === undefined) {
      it = h.entries();
    } else if (this.walk?.iter !== undefined && this.walk.iterKey === k) {
      it = this.walk.iter;
    } else {
      // a traversal we did not start: find k the slow way
      it = h.entries();
      for (;;) {
        const r = it.next();
        if (r.done) return null;
        if (r.value[0] === k) break;
      }
    }
    for (;;) {
      const r = it.next();
      if (r.done) {
        if (this.walk !== undefined) {
          this.walk.iter = undefined;
          this.walk.iterKey = undefined;
        }
        return undefined;
      }
      if (r.value[1] !== undefined) {
        const w = this.walker();
        w.iter = it;
        w.iterKey = r.value[0];
        nextValue.v = r.value[1];
        return r.value[0];
      }
    }
  }
}
