// json.encode in one pass: Lua values straight to JSON text (a Lua byte string), with the same
// output and errors as going through the data model (interop.ts luaToData + json.ts write),
// without building that model or decoding and re-encoding every string as UTF-16.
import { LuaFloat } from "../runtime/number.ts";
import { LuaTable } from "../runtime/table.ts";
import { type } from "../runtime/value.ts";
import { JSON_NULL, KIND_FIELD, checkUtf8In, fail, formatFloat, keyText } from "./interop.ts";

const MAX_DEPTH = 1000;
const NO_KEYS: string[] = [];
const ESCAPES: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };
const NEEDS_ESCAPE = /["\\\x00-\x1f]/;

/** A byte string (already valid UTF-8) as a JSON string literal. */
function quote(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  return '"' + s.replace(/["\\\x00-\x1f]/g, (c) => ESCAPES[c] ?? "\\u00" + c.charCodeAt(0).toString(16).padStart(2, "0")) + '"';
}

class Encoder {
  out = "";
  private readonly active = new Set<LuaTable>();
  private readonly who: string;
  constructor(who: string) {
    this.who = who;
  }

  value(v: unknown, depth: number): void {
    switch (typeof v) {
      case "undefined":
        this.out += "null";
        return;
      case "boolean":
        this.out += v ? "true" : "false";
        return;
      case "bigint":
        this.out += v.toString();
        return;
      case "number":
        if (Number.isInteger(v)) this.out += String(v);
        else {
          if (!Number.isFinite(v)) fail(`${this.who}: cannot encode ${Number.isNaN(v) ? "NaN" : v > 0 ? "inf" : "-inf"} as JSON number`);
          this.out += formatFloat(v);
        }
        return;
      case "string":
        this.out += this.text(v);
        return;
    }
    if (v instanceof LuaFloat) {
      this.out += formatFloat(v.n);
      return;
    }
    if (v === JSON_NULL) {
      this.out += "null";
      return;
    }
    if (!(v instanceof LuaTable)) fail(`${this.who}: unsupported Lua type for JSON: ${type(v)}`);
    if (this.active.has(v)) fail(`${this.who}: cannot encode a table that contains itself (reference cycle)`);
    if (depth >= MAX_DEPTH) fail(`${this.who}: tables nested too deeply (over ${MAX_DEPTH} levels)`);
    this.active.add(v);
    try {
      this.table(v, depth + 1);
    } finally {
      this.active.delete(v);
    }
  }

  /** A string value or key: checked as UTF-8, then quoted. */
  private text(s: string): string {
    checkUtf8In(s, this.who, "string");
    return quote(s);
  }

  private table(t: LuaTable, depth: number): void {
    const kind = t.metatable?.getStr(KIND_FIELD);
    const arr = t.arr, strs = t.strs, hash = t.hash;
    const noHash = hash === undefined || hash.size === 0;
    if (noHash && kind !== "array") {
      const keys = strs === undefined ? NO_KEYS : this.sortedKeys(strs);
      if (keys.length === 0 && kind === undefined && !arr.includes(undefined)) return this.array(arr, depth);
      if (arr.length === 0) {
        if (keys.length === 0) this.out += kind === "object" ? "{}" : "[]";
        else this.stringKeyed(strs!, keys, depth);
        return;
      }
    }
    const entries: [unknown, unknown][] = [];
    for (let e = t.next(undefined); e; e = t.next(e[0])) entries.push(e);
    if (kind === "array") return this.markedArray(entries, depth);
    if (kind !== "object") {
      let max = 0;
      let dense = true;
      for (const [k] of entries) {
        if (typeof k !== "number" || !Number.isSafeInteger(k) || k < 1) { dense = false; break; }
        if (k > max) max = k;
      }
      if (dense && max === entries.length) {
        const byIndex = new Array<unknown>(max);
        for (const [k, val] of entries) byIndex[(k as number) - 1] = val;
        return this.array(byIndex, depth);
      }
    }
    // object: key text in byte order; a string key wins over a number with the same text
    const keyed = entries.map(([k, val]): [string, unknown, boolean] => [keyText(k, this.who), val, typeof k === "string"]);
    keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : Number(a[2]) - Number(b[2])));
    const pairs: [string, unknown, boolean][] = [];
    for (let i = 0; i < keyed.length; i++) {
      // the later of two equal key texts wins; the earlier is still checked (its errors count)
      pairs.push([keyed[i][0], keyed[i][1], i + 1 < keyed.length && keyed[i + 1][0] === keyed[i][0]]);
    }
    this.object(pairs, depth);
  }

  // Records of one kind share a key order (nested records give a few kinds in turn): the last
  // few orders seen and their sorted forms are kept, so most objects skip the sort.
  private readonly orders: { keys: string[]; sorted: string[] }[] = [];

  /** The string part's keys with non-nil values, in byte order. */
  private sortedKeys(strs: Record<string, unknown>): string[] {
    const keys = Object.keys(strs);
    let sorted: string[] | undefined;
    const orders = this.orders;
    for (let j = 0; j < orders.length && sorted === undefined; j++) {
      const known = orders[j].keys;
      if (known.length !== keys.length) continue;
      let same = true;
      for (let i = 0; same && i < keys.length; i++) same = keys[i] === known[i];
      if (same) sorted = orders[j].sorted;
    }
    if (sorted === undefined) {
      sorted = keys.slice().sort();
      if (orders.length >= 8) orders.pop();
      orders.unshift({ keys, sorted });
    }
    for (let i = 0; i < sorted.length; i++) {
      if (strs[sorted[i]] === undefined) return sorted.filter((k) => strs[k] !== undefined);
    }
    return sorted;
  }

  /** An object of string keys only (keys sorted, values non-nil). */
  private stringKeyed(strs: Record<string, unknown>, keys: string[], depth: number): void {
    let sep = "{";
    for (let i = 0; i < keys.length; i++) {
      this.out += sep + this.text(keys[i]) + ":";
      this.value(strs[keys[i]], depth);
      sep = ",";
    }
    this.out += "}";
  }

  private array(items: unknown[], depth: number): void {
    this.out += "[";
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.out += ",";
      this.value(items[i], depth);
    }
    this.out += "]";
  }

  /** An object from key/value pairs in order; a pair marked `shadowed` is checked, not written. */
  private object(pairs: [string, unknown, boolean?][], depth: number): void {
    let sep = "{";
    for (const [k, val, shadowed] of pairs) {
      if (shadowed) {
        this.text(k);
        const saved = this.out;
        try {
          this.value(val, depth);
        } finally {
          this.out = saved;
        }
        continue;
      }
      this.out += sep + this.text(k) + ":";
      this.value(val, depth);
      sep = ",";
    }
    this.out += sep === "{" ? "{}" : "}";
  }

  /** A table marked as array: t[1..max] with holes as null; other keys and great sparseness raise. */
  private markedArray(entries: [unknown, unknown][], depth: number): void {
    let max = 0;
    for (const [k] of entries) {
      if (typeof k !== "number" || !Number.isSafeInteger(k) || k < 1) {
        fail(`${this.who}: table marked as array has a non-index key: ${keyText(k, this.who)}`);
      }
      if (k > max) max = k;
    }
    if (max > 16 * entries.length + 1024) fail(`${this.who}: table marked as array is too sparse (largest index ${max})`);
    const byIndex = new Array<unknown>(max).fill(undefined);
    for (const [k, val] of entries) byIndex[(k as number) - 1] = val;
    this.array(byIndex, depth);
  }
}

/** A Lua value as compact JSON text (a Lua byte string); errors name `who`. */
export function encodeJsonDirect(v: unknown, who: string): string {
  const enc = new Encoder(who);
  enc.value(v, 0);
  return enc.out;
}
