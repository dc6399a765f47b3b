// Builds the global environment: the Lua standard libraries plus the assay builtins.
import { openBase } from "./lib/base.ts";
import { openString } from "./lib/string.ts";
import { openIo } from "./lib/io.ts";
import { openOs } from "./lib/os.ts";
import { openCoroutine } from "./lib/coroutine.ts";
import { openMath } from "./lib/math.ts";
import { openTable } from "./lib/table.ts";
import { openUtf8 } from "./lib/utf8.ts";
import { openPackage } from "./lib/package.ts";
import { LuaTable } from "./table.ts";

export function createGlobals(): LuaTable {
  const G = new LuaTable();
  openBase(G);
  openString(G);
  openOs(G);
  openIo(G);
  openTable(G);
  openMath(G);
  openUtf8(G);
  openCoroutine(G);
  openPackage(G);
  return G;
}
