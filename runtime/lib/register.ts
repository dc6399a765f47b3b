// Library registration: a Lua table from a record of JS functions, with each function's JS
// name recorded so its stack frames count as builtin ("C") levels in error positions.
import { builtinDisplay, builtinNames } from "../error.ts";
import { LuaTable } from "../table.ts";

/** Builtin functions by JS name (for the qualified names in argument errors). */
const byName = new Map<string, Function>();

/** The global table whose libraries qualifiedName searches (set by openBase). */
export const registry: { G: LuaTable | undefined } = { G: undefined };

export function makeLib(fns: Record<string, unknown>): LuaTable {
  const t = new LuaTable();
  for (const [k, v] of Object.entries(fns)) {
    if (typeof v === "function") registerBuiltins(v);
    t.set(k, v);
  }
  return t;
}

/** Records standalone builtin functions (set directly into _G). */
export function registerBuiltins(...fns: Function[]): void {
  for (const f of fns) {
    if (!f.name) continue;
    builtinNames.add(f.name);
    if (!byName.has(f.name)) byName.set(f.name, f);
  }
}

builtinDisplay.name = (jsName) => qualifiedName(jsName);

/** "string.rep" / "print": how lua5.4 names a builtin called from another builtin. */
export function qualifiedName(jsName: string): string | undefined {
  const f = byName.get(jsName);
  const G = registry.G;
  if (f === undefined || G === undefined) return undefined;
  for (let e = G.next(undefined); e; e = G.next(e[0])) {
    const [k, v] = e;
    if (v === f && typeof k === "string") return k;
  }
  for (let e = G.next(undefined); e; e = G.next(e[0])) {
    const [k, v] = e;
    if (!(v instanceof LuaTable) || v === G || typeof k !== "string") continue;
    for (let e2 = v.next(undefined); e2; e2 = v.next(e2[0])) {
      if (e2[1] === f && typeof e2[0] === "string") return `${k}.${e2[0]}`;
    }
  }
  return undefined;
}
