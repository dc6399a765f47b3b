// How an I/O builtin plugs in: describe the operation as an IoRequest; defineIo gives a builtin
// whose plain form blocks (pumping other tasks) and whose generator twin suspends the task.
//
//   export const sleep = defineIo("sleep", (secs) => timerRequest(secs * 1000));
import { IoRequest, plainYield } from "./coroutine.ts";
import { builtinNames, LuaError } from "./error.ts";
import { addTimer, runUntil, startIo } from "./scheduler.ts";
import { EMPTY } from "./value.ts";

export { IoRequest };

/** Waits for req from plain code: other tasks run until it completes. */
export function blockOn(req: IoRequest): unknown {
  let finished = false, error: unknown, result: unknown;
  startIo(req, (err, value) => {
    finished = true;
    error = err;
    result = value;
  });
  runUntil(() => finished);
  if (error !== undefined) throw error instanceof LuaError ? error : new LuaError(error);
  return result;
}

/**
 * A builtin from a request builder. `prepare` validates arguments (raising Lua errors) and
 * returns the request, or a value to return at once (not an IoRequest).
 */
export function defineIo(name: string, prepare: (...args: unknown[]) => unknown): Function {
  const plain = {
    [name](...args: unknown[]): unknown {
      const r = prepare(...args);
      return r instanceof IoRequest ? blockOn(r) : r;
    },
  }[name];
  const twin = function* (...args: unknown[]): Generator<unknown, unknown, unknown> {
    const r = prepare(...args);
    return r instanceof IoRequest ? yield r : r;
  };
  (plain as unknown as { $g: unknown }).$g = twin;
  builtinNames.add(name);
  return plain;
}

/** A request completed by the scheduler's clock after ms milliseconds. */
export function timerRequest(ms: number, value: unknown = EMPTY): IoRequest {
  return new IoRequest((done) => addTimer(ms, () => done(undefined, value)));
}

void plainYield;
