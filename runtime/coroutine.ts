// Coroutines on generator twins: a coroutine runs the twin of its body; coroutine.yield's twin
// suspends with `yield`, handing its values to resume(). What a coroutine yields is either an
// array of Lua values (coroutine.yield) or an IoRequest for the task scheduler.
import { LuaError, toLuaError } from "./error.ts";
import { twin } from "./twin.ts";
import { call } from "./ops.ts";
import { LuaThread } from "./value.ts";

export type CoStatus = "suspended" | "running" | "normal" | "dead";

/** A pending I/O operation yielded by an I/O builtin's twin (see scheduler.ts). */
export class IoRequest {
  readonly start: (done: (err: unknown, value: unknown) => void) => void;
  constructor(start: (done: (err: unknown, value: unknown) => void) => void) {
    this.start = start;
  }
}

export class Coroutine extends LuaThread {
  status: CoStatus = "suspended";
  readonly body: Function;
  gen: Generator<unknown, unknown, unknown> | undefined;
  /** set when the coroutine died by an error (for coroutine.close) */
  error: LuaError | undefined;
  /**
   * `<close>` variables whose block an error left while running in this coroutine: lua5.4
   * closes them when a pcall inside the coroutine catches the error, or at coroutine.close.
   */
  pendingCloses: [unknown, unknown][] = [];
  constructor(body: Function) {
    super();
    this.body = body;
  }
}

/** The coroutine now running, or undefined for the main thread. */
export const current: { co: Coroutine | undefined } = { co: undefined };

/** The main thread as a Lua value (coroutine.running() outside coroutines). */
export const mainThread = new Coroutine(() => undefined);
mainThread.status = "running";

export type Step =
  | { kind: "yield"; values: unknown[] }
  | { kind: "io"; request: IoRequest }
  | { kind: "return"; values: unknown[] }
  | { kind: "error"; error: LuaError };

/**
 * Runs co until it yields, returns or fails. `input` is what the suspended yield receives
 * (the resume arguments, or an I/O result), or the body's arguments on the first step.
 */
export function step(co: Coroutine, input: unknown, throwIn?: unknown): Step {
  const prev = current.co;
  if (prev) prev.status = "normal";
  current.co = co;
  co.status = "running";
  try {
    let r: IteratorResult<unknown, unknown>;
    if (co.gen === undefined) {
      const g = twin(co.body);
      if (g === undefined) {
        // a builtin or a function without calls: runs to completion at once
        const v = call(co.body)(...(input as unknown[]));
        co.status = "dead";
        return { kind: "return", values: Array.isArray(v) ? v : [v] };
      }
      co.gen = g(...(input as unknown[]));
      r = co.gen.next();
    } else if (throwIn !== undefined) {
      r = co.gen.throw(throwIn);
    } else {
      r = co.gen.next(input);
    }
    if (r.done) {
      co.status = "dead";
      const v = r.value;
      return { kind: "return", values: Array.isArray(v) ? v : [v] };
    }
    co.status = "suspended";
    if (r.value instanceof IoRequest) return { kind: "io", request: r.value };
    return { kind: "yield", values: r.value as unknown[] };
  } catch (e) {
    co.status = "dead";
    co.error = toLuaError(e);
    return { kind: "error", error: co.error };
  } finally {
    current.co = prev;
    if (prev) prev.status = "running";
  }
}

export function checkResumable(co: Coroutine): string | undefined {
  if (co.status === "dead") return "cannot resume dead coroutine";
  if (co === current.co) return "cannot resume non-suspended coroutine";
  if (co.status !== "suspended") return "cannot resume non-suspended coroutine";
  return undefined;
}

/** coroutine.yield called from plain code: always an error (raised without a position, as lua_yield does). */
export function plainYield(): never {
  if (current.co === undefined) throw new LuaError("attempt to yield from outside a coroutine");
  throw new LuaError("attempt to yield across a C-call boundary");
}
