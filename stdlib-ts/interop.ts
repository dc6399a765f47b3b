// The Lua ⇄ JSON data model (builtins spec §0.5/§0.6), shared by json, yaml, toml and later
// template/http/jwt.
//
// The data model ("JData") is what JS libraries see:
//   null | boolean | integer | float | string | JData[] | Map<string, JData>
// Numbers keep the Lua number model (runtime/number.ts): integers are safe-integer numbers or
// bigints, floats are non-integral numbers or LuaFloat boxes, so 1.0 stays a float. Strings are
// JS (UTF-16) strings: Lua byte strings are decoded as strict UTF-8 on the way in (invalid
// UTF-8 raises, naming the builtin) and encoded back to UTF-8 on the way out. Object keys are
// inserted in ascending byte order of their UTF-8 text, so every serializer emits sorted keys.
//
// Extensions over the reference (documented in docs/compat.md):
//   - JSON_NULL (exposed as `json.null`) encodes as null anywhere; parsers never produce it
//     (§0.6: null becomes nil).
//   - A table whose metatable has `__jsontype = "object"` always encodes as an object (so an
//     empty one is `{}`), `"array"` always as an array of t[1..max] with holes as null
//     (`json.object(t?)` / `json.array(t?)` set such a metatable).
//   - Self-referencing tables raise instead of overflowing the stack.
import { LuaError, currentLuaFrames } from "../runtime/error.ts";
import { LuaFloat, isNumber, numberToString } from "../runtime/number.ts";
import { LuaTable } from "../runtime/table.ts";
import { LuaUserdata, fromJs, type } from "../runtime/value.ts";
import { isUtf8 } from "node:buffer";

export type JData = null | boolean | number | bigint | LuaFloat | string | JData[] | Map<string, JData>;

/** Deepest table nesting luaToData follows (far beyond real data; stops runaway recursion). */
const MAX_DEPTH = 1000;

/** Raises a builtin error: the message as given, no "chunk:line:" prefix (spec §0.4). */
export function fail(msg: string): never {
  throw new LuaError(msg, currentLuaFrames());
}

/** The json.null sentinel: a userdata that encodes as null. */
export const JSON_NULL = new LuaUserdata(new LuaTable());
JSON_NULL.metatable!.set("__name", "json.null");
JSON_NULL.metatable!.set("__metatable", false); // shared by every VM in the process: keep it sealed
JSON_NULL.metatable!.set("__tostring", function json_null_tostring(): unknown {
  return "json.null";
});

/** The metatable field that forces a table's JSON kind. */
export const KIND_FIELD = "__jsontype";
const kindMetatables: Record<string, LuaTable> = {};

/** Marks t (a new table when absent) as a JSON object or array; used by json.object/json.array. */
export function markKind(t: unknown, kind: "object" | "array", who: string): LuaTable {
  let mt = kindMetatables[kind];
  if (mt === undefined) {
    mt = new LuaTable();
    mt.set(KIND_FIELD, kind);
    mt.set("__name", `json.${kind}`);
    kindMetatables[kind] = mt;
  }
  if (t === undefined) t = new LuaTable();
  if (!(t instanceof LuaTable)) fail(`${who}: expected a table or nothing, got ${type(t)}`);
  const old = t.metatable;
  if (old !== undefined && !Object.values(kindMetatables).includes(old)) {
    fail(`${who}: the table already has a metatable (set ${KIND_FIELD} = "${kind}" in it instead)`);
  }
  t.metatable = mt;
  return t;
}

/** Argument `i` as a Lua string (numbers are converted, as the reference does). */
export function argString(args: unknown[], i: number, who: string): string {
  const v = args[i - 1];
  if (typeof v === "string") return v;
  if (isNumber(v)) return numberToString(v);
  const got = i > args.length ? "no value" : type(v);
  return fail(`${who}: bad argument #${i} (string expected, got ${got})`);
}

/** Strict UTF-8 decoding of a Lua byte string; invalid UTF-8 raises naming the builtin. */
export function utf8ToJs(s: string, who: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  const buf = Buffer.from(s, "latin1");
  if (!isUtf8(buf)) fail(`${who}: invalid UTF-8 in string (byte ${badUtf8Offset(buf) + 1})`);
  return buf.toString("utf8");
}

/** Checks that a Lua byte string is valid UTF-8; raises "<who>: invalid UTF-8 in <what> (byte N)". */
export function checkUtf8In(s: string, who: string, what: string): void {
  if (/^[\x00-\x7f]*$/.test(s)) return;
  const buf = Buffer.from(s, "latin1");
  if (!isUtf8(buf)) fail(`${who}: invalid UTF-8 in ${what} (byte ${badUtf8Offset(buf) + 1})`);
}

/** Checks that a Lua byte string is valid UTF-8 (raises naming the builtin otherwise). */
export function checkUtf8(s: string, who: string): void {
  if (/^[\x00-\x7f]*$/.test(s)) return;
  const buf = Buffer.from(s, "latin1");
  if (!isUtf8(buf)) fail(`${who}: invalid UTF-8 in input (byte ${badUtf8Offset(buf) + 1})`);
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence. */
function badUtf8Offset(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0, min = 0;
    if (c < 0x80) { i++; continue; }
    if (c >= 0xc2 && c <= 0xdf) { n = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { n = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; min = 0x10000; }
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return i;
}

/** Shortest round-trip digits and decimal exponent of a finite non-zero |x| (d.ddd × 10^e). */
function digitsOf(x: number): [string, number] {
  const [m, e] = Math.abs(x).toExponential().split("e");
  return [m.replace(".", ""), Number(e)];
}

/** A float as serde_json/serde_yaml print it (ryu): `1.0`, `3.14`, `1e21`, `1e-7`, `-0.0`. */
export function formatFloat(x: number): string {
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const a = Math.abs(x);
  if (a >= 1e-5 && a < 1e16) {
    // JS prints these in plain decimal with the same shortest digits
    const s = String(x);
    return Number.isInteger(x) ? s + ".0" : s;
  }
  const [d, e] = digitsOf(x);
  const n = d.length, kk = e + 1;
  let s: string;
  if (n <= kk && kk <= 16) s = d + "0".repeat(kk - n) + ".0";
  else if (0 < kk && kk <= 16) s = d.slice(0, kk) + "." + d.slice(kk);
  else if (-5 < kk && kk <= 0) s = "0." + "0".repeat(-kk) + d;
  else s = (n === 1 ? d : d[0] + "." + d.slice(1)) + "e" + (kk - 1);
  return x < 0 ? "-" + s : s;
}

/** A float in plain decimal, no exponent (Rust's `Display`): `1.5`, `0.0000001`, `inf`. */
export function plainDecimal(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [d, e] = digitsOf(x);
  const kk = e + 1;
  let s: string;
  if (kk <= 0) s = "0." + "0".repeat(-kk) + d;
  else if (kk >= d.length) s = d + "0".repeat(kk - d.length);
  else s = d.slice(0, kk) + "." + d.slice(kk);
  return x < 0 ? "-" + s : s;
}

function checkFinite(x: number, who: string): void {
  if (Number.isFinite(x)) return;
  fail(`${who}: cannot encode ${Number.isNaN(x) ? "NaN" : x > 0 ? "inf" : "-inf"} as JSON number`);
}

/** An object key's text (still a Lua byte string): strings as-is, numbers in decimal. */
export function keyText(k: unknown, who: string): string {
  if (typeof k === "string") return k;
  if (typeof k === "number") return Number.isSafeInteger(k) ? String(k) : plainDecimal(k);
  if (typeof k === "bigint") return k.toString();
  return fail(`${who}: unsupported table key type: ${type(k)}`);
}

function isIndex(k: unknown): boolean {
  return (typeof k === "number" && Number.isSafeInteger(k) && k >= 1) || (typeof k === "bigint" && k >= 1n);
}

/** Lua → data model (§0.5). `who` names the builtin in error messages. */
export function luaToData(v: unknown, who: string): JData {
  return convert(v, who, new Set(), 0);
}

function convert(v: unknown, who: string, active: Set<LuaTable>, depth: number): JData {
  switch (typeof v) {
    case "undefined":
      return null;
    case "boolean":
    case "bigint":
      return v;
    case "number":
      if (!Number.isInteger(v)) checkFinite(v, who);
      return v;
    case "string":
      return utf8ToJs(v, who);
  }
  if (v instanceof LuaFloat) return v;
  if (v === JSON_NULL) return null;
  if (!(v instanceof LuaTable)) return fail(`${who}: unsupported Lua type for JSON: ${type(v)}`);
  if (active.has(v)) fail(`${who}: cannot encode a table that contains itself (reference cycle)`);
  if (depth >= MAX_DEPTH) fail(`${who}: tables nested too deeply (over ${MAX_DEPTH} levels)`);
  active.add(v);
  try {
    return tableToData(v, who, active, depth + 1);
  } finally {
    active.delete(v);
  }
}

function tableToData(t: LuaTable, who: string, active: Set<LuaTable>, depth: number): JData {
  const entries: [unknown, unknown][] = [];
  for (let e = t.next(undefined); e; e = t.next(e[0])) entries.push(e);
  const kind = t.metatable?.getStr(KIND_FIELD);
  if (kind === "array") return markedArray(entries, who, active, depth);
  if (kind !== "object") {
    let max = 0;
    let dense = true;
    for (const [k] of entries) {
      if (!isIndex(k) || typeof k === "bigint") { dense = false; break; }
      if ((k as number) > max) max = k as number;
    }
    if (dense && max === entries.length) {
      const out: JData[] = new Array(max);
      for (const [k, val] of entries) out[(k as number) - 1] = convert(val, who, active, depth);
      return out;
    }
  }
  // Object: keys as byte strings, sorted in byte order; a string key beats a number with the
  // same text (it is set last).
  let allStrings = true;
  for (const e of entries) if (typeof e[0] !== "string") allStrings = false;
  const keyed: [string, unknown][] = allStrings ? (entries as [string, unknown][])
    : entries.map(([k, val]): [string, unknown, boolean] => [keyText(k, who), val, typeof k === "string"])
      .sort((a, b) => Number(a[2]) - Number(b[2]))
      .map(([k, val]): [string, unknown] => [k, val]);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out = new Map<string, JData>();
  for (const [k, val] of keyed) out.set(utf8ToJs(k, who), convert(val, who, active, depth));
  return out;
}

function markedArray(entries: [unknown, unknown][], who: string, active: Set<LuaTable>, depth: number): JData {
  let max = 0;
  for (const [k] of entries) {
    if (!isIndex(k) || typeof k === "bigint") fail(`${who}: table marked as array has a non-index key: ${keyText(k, who)}`);
    if ((k as number) > max) max = k as number;
  }
  if (max > 16 * entries.length + 1024) fail(`${who}: table marked as array is too sparse (largest index ${max})`);
  const out: JData[] = new Array<JData>(max).fill(null);
  for (const [k, val] of entries) out[(k as number) - 1] = convert(val, who, active, depth);
  return out;
}

/** Data model → Lua (§0.6): null becomes nil (absent member, array hole), strings UTF-8. */
export function dataToLua(d: JData): unknown {
  if (d === null) return undefined;
  switch (typeof d) {
    case "string":
      return fromJs(d);
    case "object":
      break;
    default:
      return d;
  }
  if (d instanceof LuaFloat) return d;
  if (Array.isArray(d)) return new LuaTable(d.map(dataToLua));
  const t = new LuaTable();
  for (const [k, val] of d) t.set(fromJs(k), dataToLua(val));
  return t;
}
