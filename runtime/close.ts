// To-be-closed variables: the check at declaration and the __close call on block exit.
import { rterror, toLuaError } from "./error.ts";
import { current } from "./coroutine.ts";
import { metamethod } from "./meta.ts";
import { call } from "./ops.ts";

export function checkclose(v: unknown, name: string): void {
  if (v === undefined || v === false) return;
  if (metamethod(v, "__close") === undefined) rterror(`variable '${name}' got a non-closable value`);
}

/** Calls __close(v, err) where err is the error being raised through the block, if any. */
export function close(v: unknown, err: unknown): void {
  if (v === undefined || v === false) return;
  const errValue = err === undefined ? undefined : toLuaError(err).value;
  const co = current.co;
  if (err !== undefined && co !== undefined) {
    co.pendingCloses.push([v, errValue]); // closed by the catching pcall or by coroutine.close
    return;
  }
  const h = metamethod(v, "__close");
  if (h !== undefined) call(h)(v, errValue);
}

/** Closes the pending variables above `mark` (innermost first); returns the final error value. */
export function runPendingCloses(list: [unknown, unknown][], mark: number, error: unknown): unknown {
  for (const [v] of list.splice(mark)) {
    const h = metamethod(v, "__close");
    if (h === undefined) continue;
    try {
      call(h)(v, error);
    } catch (e) {
      error = toLuaError(e).value;
    }
  }
  return error;
}
