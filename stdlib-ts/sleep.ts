// sleep(seconds): suspends the calling task (other tasks run meanwhile); blocks plain code.
import { timerRequest, defineIo } from "../runtime/io.ts";
import { rterror } from "../runtime/error.ts";
import { isNumber, toDouble } from "../runtime/number.ts";
import type { LuaTable } from "../runtime/table.ts";

export const sleep = defineIo("sleep", (...args: unknown[]) => {
  const s = args[0];
  if (!isNumber(s)) rterror(`sleep: expected a number of seconds, got ${args.length === 0 ? "no value" : typeof s === "string" ? "string" : "non-number"}`);
  const secs = toDouble(s);
  if (!(secs >= 0)) rterror(`sleep: seconds must be a non-negative number, got ${secs}`);
  return timerRequest(secs * 1000);
});

export function open(G: LuaTable): void {
  G.set("sleep", sleep);
}
