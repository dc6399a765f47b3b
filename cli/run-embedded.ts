// The start-up of a built executable (`assay build`): the script and the Lua modules it
// requires are embedded as compiled chunks; builtins are the ones the script can reach.
import { instantiate } from "../runtime/chunk.ts";
import { createGlobals } from "../runtime/env.ts";
import { flushOut } from "../runtime/stdout.ts";
import { LuaTable } from "../runtime/table.ts";
import { fromJs } from "../runtime/value.ts";
import { reportError } from "./report.ts";

export interface EmbeddedChunk {
  /** the name `require` uses (modules only) */
  name?: string;
  chunkName: string;
  code: string;
  map: unknown;
}

export interface Embedded {
  main: EmbeddedChunk;
  modules: EmbeddedChunk[];
  builtins: [string, (G: LuaTable) => void][];
}

/** Runs the embedded script with process arguments; returns the exit code. */
export function runEmbedded(e: Embedded, argv: string[]): number {
  const G = createGlobals();
  for (const [, open] of e.builtins) open(G);
  const preload = (G.get("package") as LuaTable).get("preload") as LuaTable;
  for (const m of e.modules) {
    preload.set(m.name!, function embedded_module(...args: unknown[]) {
      return instantiate(m.code, m.chunkName, G, m.map)(...args);
    });
  }
  const argt = new LuaTable();
  argt.set(0, fromJs(e.main.chunkName));
  argv.forEach((a, i) => argt.set(i + 1, fromJs(a)));
  G.set("arg", argt);
  try {
    instantiate(e.main.code, e.main.chunkName, G, e.main.map)(...argv.map(fromJs));
    flushOut();
    return 0;
  } catch (err) {
    reportError(err);
    return 1;
  }
}
