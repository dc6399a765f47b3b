// The assay builtins: one registry, in the original's registration order. Each entry opens one
// global; builtins that need heavy packages load them on first use inside their own file.
import { createGlobals } from "../runtime/env.ts";
import type { LuaTable } from "../runtime/table.ts";
import * as asyncLib from "./async.ts";
import * as sleep from "./sleep.ts";
import * as time from "./time.ts";

export const BUILTINS: [string, (G: LuaTable) => void][] = [
  ["sleep", sleep.open],
  ["time", time.open],
  ["async", asyncLib.open],
];

/** A fresh global environment: Lua's standard libraries plus every assay builtin. */
export function createEnvironment(): LuaTable {
  const G = createGlobals();
  for (const [, open] of BUILTINS) open(G);
  return G;
}
