// Reporting an uncaught Lua error: one ERROR log line with the message and the Lua traceback.
import { LuaError, formatTraceback, luaFramesOf, toLuaError } from "../runtime/error.ts";
import { logLine } from "../runtime/log.ts";
import { tostring } from "../runtime/lib/base.ts";
import { isNumber } from "../runtime/number.ts";
import { LuaTable } from "../runtime/table.ts";

export function reportError(e: unknown): void {
  const le: LuaError = toLuaError(e);
  const v = le.value;
  let msg: string;
  if (typeof v === "string") msg = v;
  else if (isNumber(v)) msg = tostring(v);
  else if (v instanceof LuaTable && v.metatable?.getStr("__tostring") !== undefined) msg = tostring(v);
  else msg = `(error object is a ${v === undefined ? "nil" : typeof v === "object" ? "table" : typeof v} value)`;
  const frames = le.luaTrace ?? luaFramesOf(le.stack);
  logLine("ERROR", msg + "\n" + formatTraceback(frames));
}
