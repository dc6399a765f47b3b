// Table constructors: {a, b, k = v, [e] = w, f()} → table([a, b, ...f()], [k, v, e, w]).
import { rterror } from "./error.ts";
import { LuaTable } from "./table.ts";

export function table(arr?: unknown[], kv?: unknown[]): LuaTable {
  if (kv === undefined) return new LuaTable(arr);
  const t = new LuaTable();
  for (let i = 0; i < kv.length; i += 2) {
    const k = kv[i];
    if (k === undefined) rterror("table index is nil");
    if (typeof k === "number" && Number.isNaN(k)) rterror("table index is NaN");
    if (kv[i + 1] !== undefined) t.set(k, kv[i + 1]);
  }
  // positional items win over keyed ones, as Lua's SETLIST runs last
  if (arr !== undefined) for (let i = 0; i < arr.length; i++) t.set(i + 1, arr[i]);
  return t;
}
