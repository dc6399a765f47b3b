// To-be-closed variables: the check at declaration and the __close call on block exit.
import { LuaError, rterror, toLuaError } from "./error.ts";
import { metamethod } from "./meta.ts";
import { call } from "./ops.ts";

export function checkclose(v: unknown, name: string): void {
  if (v === undefined || v === false) return;
  if (metamethod(v, "__close") === undefined) rterror(`variable '${name}' got a non-closable value`);
}

/** Calls __close(v, err) where err is the error being raised through the block, if any. */
export function close(v: unknown, err: unknown): void {
  if (v === undefined || v === false) return;
  const h = metamethod(v, "__close");
  if (h === undefined) return;
  const errValue = err === undefined ? undefined : toLuaError(err).value;
  call(h)(v, errValue);
  void LuaError;
}
