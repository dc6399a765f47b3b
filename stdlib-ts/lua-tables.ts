// Small helpers the system builtins share: Lua tables from JS records/arrays, and a library
// table whose functions are named "lib.fn" (so tracebacks and frames show them as builtins).
import { named } from "../runtime/lib/libargs.ts";
import { makeLib } from "../runtime/lib/register.ts";
import { LuaTable } from "../runtime/table.ts";

/** A table with string keys (undefined values are left out). */
export function record(fields: Record<string, unknown>): LuaTable {
  const t = new LuaTable();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) t.set(k, v);
  return t;
}

/** A sequence table {items[0], items[1], …}. */
export function array(items: unknown[]): LuaTable {
  return new LuaTable(items);
}

/** A library table; each function is renamed "<lib>.<key>". */
export function library(lib: string, fns: Record<string, Function>): LuaTable {
  const out: Record<string, Function> = {};
  for (const [k, f] of Object.entries(fns)) out[k] = named(`${lib}.${k}`, f);
  return makeLib(out);
}
