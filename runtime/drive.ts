// Plain calls of functions compiled as a generator twin only (deeply nested functions that
// define closures: compiler/lower/functions.ts). The twin is driven to completion the way plain
// code would run it: an I/O request blocks (and pumps the scheduler), and a yield fails where it
// happens with the error plain code gets ("attempt to yield across a C-call boundary"), so the
// function's own pcall can catch it.
import { IoRequest, current } from "./coroutine.ts";
import { LuaError } from "./error.ts";
import { blockOn } from "./io.ts";
import type { Twin } from "./twin.ts";

/** The plain function of a twin-only Lua function (with the twin attached as `$g`). */
export function fnT(twin: Twin): Function {
  const plain = function (...args: unknown[]): unknown {
    const g = twin(...args);
    let r = g.next();
    while (!r.done) {
      const v = r.value;
      if (v instanceof IoRequest) {
        let value: unknown, failed = false, error: unknown;
        try {
          value = blockOn(v);
        } catch (e) {
          failed = true;
          error = e;
        }
        r = failed ? g.throw(error) : g.next(value);
      } else {
        r = g.throw(new LuaError(current.co === undefined ? "attempt to yield from outside a coroutine" : "attempt to yield across a C-call boundary"));
      }
    }
    return r.value;
  };
  const f = plain as unknown as { $g: Twin; $l: boolean };
  f.$g = twin;
  f.$l = false;
  return plain;
}
