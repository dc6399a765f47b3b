// Table constructors: {a, b, name = v, [e] = w, f()} → table([a, b, ...f()], [e, w], strs) where
// the compiled code has already filled the string part (strs(), then named stores).
import { rterror } from "./error.ts";
import { LuaTable, STR_PROTO, type StrPart } from "./table.ts";

/** An empty string part, for a constructor's named fields (a nil value may leave its key). */
export function strs(): StrPart {
  return Object.create(STR_PROTO) as StrPart;
}

export function table(arr?: unknown[], kv?: unknown[], strs?: StrPart): LuaTable {
  if (kv === undefined || kv.length === 0) return new LuaTable(arr, strs);
  const t = new LuaTable(undefined, strs);
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
