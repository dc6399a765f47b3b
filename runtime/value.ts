// Lua value basics: type names, truthiness, tostring, and the multiple-results convention.
//
// Values: nil = undefined, booleans, numbers (see number.ts), strings are JS strings holding
// one byte per char (latin1), tables are LuaTable, functions are JS functions, coroutines are
// Coroutine objects, anything else from builtins is "userdata".
//
// Results: a function returning exactly one value returns it; zero or several values are
// returned as a JS array (Lua values are never JS arrays). first() takes the first value.
import { LuaFloat, numberToString } from "./number.ts";
import { LuaTable } from "./table.ts";

export type LuaValue = unknown;

/** Zero results. Frozen so that callers never mutate the shared instance. */
export const EMPTY: unknown[] = Object.freeze([]) as unknown as unknown[];

export function first(r: unknown): unknown {
  return Array.isArray(r) ? r[0] : r;
}

/** All results of a call as an array (fresh or shared: callers must not mutate). */
export function results(r: unknown): unknown[] {
  return Array.isArray(r) ? r : [r];
}

export function truthy(v: unknown): boolean {
  return v !== undefined && v !== false;
}

/** Marker base for objects that are Lua threads (coroutines). */
export abstract class LuaThread {}

/** Userdata handles made by builtins may carry a metatable (for __index, __name, __gc). */
export class LuaUserdata {
  metatable: LuaTable | undefined;
  constructor(metatable?: LuaTable) {
    this.metatable = metatable;
  }
}

export function type(v: unknown): string {
  switch (typeof v) {
    case "undefined":
      return "nil";
    case "boolean":
      return "boolean";
    case "number":
    case "bigint":
      return "number";
    case "string":
      return "string";
    case "function":
      return "function";
    default:
      if (v instanceof LuaTable) return "table";
      if (v instanceof LuaFloat) return "number";
      if (v instanceof LuaThread) return "thread";
      return "userdata";
  }
}

let nextId = 1;
const ids = new WeakMap<object, number>();

/** A stable pseudo-address for reference values, as %p would print it. */
export function addressOf(v: object): string {
  let id = ids.get(v);
  if (id === undefined) {
    id = nextId++;
    ids.set(v, id);
  }
  return "0x" + (0x55550000 + id * 0x40).toString(16).padStart(12, "0");
}

/** tostring without metamethods (luaL_tolstring's default branch). */
export function rawToString(v: unknown): string {
  switch (typeof v) {
    case "undefined":
      return "nil";
    case "boolean":
      return v ? "true" : "false";
    case "number":
    case "bigint":
      return numberToString(v);
    case "string":
      return v;
    case "function":
      return "function: " + addressOf(v);
    default:
      if (v instanceof LuaFloat) return numberToString(v);
      return `${type(v)}: ${addressOf(v as object)}`;
  }
}

/** Converts a JS (UTF-16) string to a Lua byte string (UTF-8 bytes, one per char). */
export function fromJs(s: string): string {
  // Fast path: pure ASCII needs no change.
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  return Buffer.from(s, "utf8").toString("latin1");
}

/** Converts a Lua byte string to a JS string, decoding UTF-8 (invalid bytes become U+FFFD). */
export function toJs(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  return Buffer.from(s, "latin1").toString("utf8");
}

/** Lua byte string → Buffer, for I/O. */
export function toBytes(s: string): Buffer {
  return Buffer.from(s, "latin1");
}

/** Buffer → Lua byte string. */
export function fromBytes(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1");
}
