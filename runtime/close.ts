// To-be-closed variables: the check at declaration and the __close call on block exit.
import { rterror, toLuaError } from "./error.ts";
import { current } from "./coroutine.ts";
import { metamethod } from "./meta.ts";
import { call } from "./ops.ts";
import { metamethodSite } from "./defer.ts";

export function checkclose(v: unknown, name: string): void {
  if (v === undefined || v === false) return;
  if (metamethod(v, "__close") === undefined) rterror(`variable '${name}' got a non-closable value`);
}

/** `<close>` values an error left behind on the main thread, awaiting the catching pcall. */
const mainPending: [unknown, unknown][] = [];
/** How many pcall/xpcall frames are active on the main thread. */
export const protect = { depth: 0 };

/** Where `<close>` values left by an error wait: the running coroutine's list or the main one. */
export function pendingList(): [unknown, unknown][] {
  return current.co?.pendingCloses ?? mainPending;
}

/**
 * Calls __close(v, err) where err is the error being raised through the block, if any. As in
 * lua5.4, values closed by an error are closed only after the catching xpcall's handler has run
 * (or by coroutine.close for a coroutine that died), so they are queued while a pcall is active.
 */
export function closeVariable(v: unknown, err: unknown): void {
  if (v === undefined || v === false) return;
  const errValue = err === undefined ? undefined : toLuaError(err).value;
  if (err !== undefined && (current.co !== undefined || protect.depth > 0)) {
    pendingList().push([v, errValue]);
    return;
  }
  const h = metamethod(v, "__close");
  if (h === undefined) rterror("attempt to call a nil value (metamethod 'close')");
  call(h, metamethodSite("__close"))(v, errValue);
}

/** Closes the pending variables above `mark` (innermost first); returns the final error value. */
export function runPendingCloses(list: [unknown, unknown][], mark: number, error: unknown): unknown {
  for (const [v] of list.splice(mark)) {
    const h = metamethod(v, "__close");
    if (h === undefined) continue;
    try {
      call(h, metamethodSite("__close"))(v, error);
    } catch (e) {
      error = toLuaError(e).value;
    }
  }
  return error;
}
