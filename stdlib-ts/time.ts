// time(): the current Unix time as a float with sub-millisecond precision.
import { mkfloat } from "../runtime/number.ts";
import { registerBuiltins } from "../runtime/lib/register.ts";
import type { LuaTable } from "../runtime/table.ts";

function time(): unknown {
  return mkfloat((performance.timeOrigin + performance.now()) / 1000);
}

export function open(G: LuaTable): void {
  registerBuiltins(time);
  G.set("time", time);
}
