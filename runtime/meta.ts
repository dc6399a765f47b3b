// Metatables: lookup for any value, metamethod fetch, and the shared string metatable.
import { LuaTable, isTable } from "./table.ts";
import { LuaUserdata } from "./value.ts";

/** The metatable shared by all strings (set up by the string library). */
export const shared: { stringMeta: LuaTable | undefined } = { stringMeta: undefined };

export function getMetatable(v: unknown): LuaTable | undefined {
  if (isTable(v)) return v.metatable;
  if (typeof v === "string") return shared.stringMeta;
  if (v instanceof LuaUserdata) return v.metatable;
  return undefined;
}

/** The metamethod `event` of v, or undefined. */
export function metamethod(v: unknown, event: string): unknown {
  const mt = getMetatable(v);
  return mt === undefined ? undefined : mt.getStr(event);
}
