// Library registration: a Lua table from a record of JS functions, with each function's JS
// name recorded so its stack frames count as builtin ("C") levels in error positions.
import { builtinNames } from "../error.ts";
import { LuaTable } from "../table.ts";

export function makeLib(fns: Record<string, unknown>): LuaTable {
  const t = new LuaTable();
  for (const [k, v] of Object.entries(fns)) {
    if (typeof v === "function" && v.name) builtinNames.add(v.name);
    t.set(k, v);
  }
  return t;
}

/** Records standalone builtin functions (set directly into _G). */
export function registerBuiltins(...fns: Function[]): void {
  for (const f of fns) if (f.name) builtinNames.add(f.name);
}
