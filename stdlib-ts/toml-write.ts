// TOML text from the data model, in the layout of the toml crate's `to_string_pretty`: a
// table's plain key/values first (sorted), then its sub-tables as [a.b] / [[a.b]] sections;
// arrays one element per line with trailing commas.
import { LuaFloat } from "../runtime/number.ts";
import { type JData, fail, plainDecimal } from "./interop.ts";

type Table = Map<string, JData>;
const WHO = "toml.encode";

function isTable(d: JData): d is Table {
  return d instanceof Map;
}

/** An array written as [[key]] sections: non-empty and all tables. */
function isTableArray(d: JData): d is Table[] {
  return Array.isArray(d) && d.length > 0 && d.every(isTable);
}

const ESC: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

function str(s: string): string {
  return '"' + s.replace(/["\\\x00-\x1f\x7f]/g, (c) => ESC[c] ?? "\\u" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")) + '"';
}

function key(k: string): string {
  return /^[A-Za-z0-9_-]+$/.test(k) ? k : str(k);
}

function float(x: number): string {
  const s = plainDecimal(x);
  return Number.isInteger(x) && !s.includes(".") ? s + ".0" : s;
}

/** A value written inline (inside arrays and inline tables). */
function inline(d: JData, path: string): string {
  if (d === null) return fail(`${WHO}: null values cannot be written as TOML (at ${path || "top level"})`);
  switch (typeof d) {
    case "boolean":
      return String(d);
    case "number":
      return Number.isInteger(d) ? String(d) : float(d);
    case "bigint":
      return d.toString();
    case "string":
      return str(d);
  }
  if (d instanceof LuaFloat) return float(d.n);
  if (Array.isArray(d)) return "[" + d.map((x, i) => inline(x, `${path}[${i + 1}]`)).join(", ") + "]";
  const parts = [...(d as Table)].map(([k, x]) => `${key(k)} = ${inline(x, path ? `${path}.${k}` : k)}`);
  return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
}

/** The value of a `key = value` line: top-level arrays go one element per line. */
function lineValue(d: JData, path: string): string {
  if (!Array.isArray(d) || d.length === 0) return inline(d, path);
  return "[\n" + d.map((x, i) => `    ${inline(x, `${path}[${i + 1}]`)},\n`).join("") + "]";
}

class Writer {
  out: string[] = [];

  header(h: string): void {
    if (this.out.length > 0) this.out.push("\n");
    this.out.push(h + "\n");
  }

  /** Writes a table's body; `names` is its dotted path (empty for the root). */
  table(t: Table, names: string[], forceHeader: string | undefined): void {
    const plain: [string, JData][] = [];
    const nested: [string, JData][] = [];
    for (const [k, v] of t) (isTable(v) || isTableArray(v) ? nested : plain).push([k, v]);
    const path = names.map(key).join(".");
    if (forceHeader !== undefined) this.header(forceHeader);
    else if (names.length > 0 && (plain.length > 0 || nested.length === 0)) this.header(`[${path}]`);
    for (const [k, v] of plain) this.out.push(`${key(k)} = ${lineValue(v, [...names, k].join("."))}\n`);
    for (const [k, v] of nested) {
      const sub = [...names, k];
      if (isTable(v)) this.table(v, sub, undefined);
      else for (const item of v as Table[]) this.table(item, sub, `[[${sub.map(key).join(".")}]]`);
    }
  }
}

/** TOML document text; the top level must be an object (a table with string keys). */
export function writeToml(d: JData): string {
  if (!isTable(d)) {
    const what = d === null ? "nil" : Array.isArray(d) ? "an array (keys 1..n, or an empty table)"
      : typeof d === "string" ? "a string" : typeof d === "boolean" ? "a boolean" : "a number";
    return fail(`${WHO}: the top-level value must be a table with string keys, got ${what}`);
  }
  const w = new Writer();
  w.table(d, [], undefined);
  return w.out.join("");
}
