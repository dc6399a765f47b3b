// Builds the global environment: the Lua standard libraries plus the assay builtins.
import { openBase } from "./lib/base.ts";
import { LuaTable } from "./table.ts";

export function createGlobals(): LuaTable {
  const G = new LuaTable();
  openBase(G);
  return G;
}
