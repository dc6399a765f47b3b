// The assay builtins: one registry, in the original's registration order. Each entry opens one
// global; builtins that need heavy packages load them on first use inside their own file.
import { createGlobals } from "../runtime/env.ts";
import type { LuaTable } from "../runtime/table.ts";
import * as asyncLib from "./async.ts";
import * as base64 from "./base64.ts";
import * as assertLib from "./assert.ts";
import * as disk from "./disk.ts";
import * as env from "./env.ts";
import * as fs from "./fs.ts";
import * as log from "./log.ts";
import * as processLib from "./process.ts";
import * as shell from "./shell.ts";
import * as crypto from "./crypto.ts";
import * as json from "./json.ts";
import * as regex from "./regex.ts";
import * as sleep from "./sleep.ts";
import * as template from "./template.ts";
import * as time from "./time.ts";
import * as toml from "./toml.ts";
import * as yaml from "./yaml.ts";
import * as modules from "./modules.ts";

export const BUILTINS: [string, (G: LuaTable) => void][] = [
  ["json", json.open],
  ["yaml", yaml.open],
  ["toml", toml.open],
  ["assert", assertLib.open],
  ["log", log.open],
  ["env", env.open],
  ["sleep", sleep.open],
  ["time", time.open],
  ["fs", fs.open],
  ["base64", base64.open],
  ["crypto", crypto.open],
  ["regex", regex.open],
  ["async", asyncLib.open],
  ["template", template.open],
  ["shell", shell.open],
  ["process", processLib.open],
  ["disk", disk.open],
];

/** A fresh global environment: Lua's standard libraries plus every assay builtin. */
export function createEnvironment(): LuaTable {
  const G = createGlobals();
  for (const [, open] of BUILTINS) open(G);
  modules.open(G);
  return G;
}
