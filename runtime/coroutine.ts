// Coroutines on generator twins: a coroutine runs the twin of its body; coroutine.yield's twin
// suspends with `yield`, handing its values to resume(). What a coroutine yields is either Lua
// values in the result convention (one value as is, several or none as an array;
// coroutine.yield) or an IoRequest for the task scheduler. Resume values go in the same way.
import { LuaError, toLuaError, traces } from "./error.ts";
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

/**
 * What one step of a coroutine produced. Each coroutine reuses one of these (callers read it
 * before stepping the same coroutine again), so a resume allocates no result object.
 */
export class Step {
  kind: "yield" | "io" | "return" | "error" = "yield";
  /** yielded or returned values in the result convention: one value as is, else an array */
  values: unknown = undefined;
  request: IoRequest | undefined = undefined;
  error: LuaError | undefined = undefined;
}

/**
 * Runs co until it yields, returns or fails. `input` is what the suspended yield receives
 * (the resume arguments, or an I/O result), or the body's arguments on the first step.
 */
export class Coroutine extends LuaThread {
  status: CoStatus = "suspended";
  readonly body: Function;
  gen: Generator<unknown, unknown, unknown> | undefined;
  /** set when the coroutine died by an error (for coroutine.close) */
  error: LuaError | undefined;
  /** the result of the last step (see Step) */
  readonly out = new Step();
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

/**
 * The C levels lua5.4 would count on the running JS stack: pcall/xpcall frames and coroutine
 * resumes. lua5.4 refuses the call that makes 198 (LUAI_MAXCCALLS is 200) with "C stack
 * overflow". Without the limit, recursion through pcall runs into V8's stack limit, where each
 * of ~100 000 levels catches and rethrows again, which takes minutes. A resume starts the
 * coroutine one level above its resumer, whatever it held when it yielded, as lua5.4 does.
 */
export const cLevels = { n: 0 };
export const MAX_C_LEVELS = 197;

export function step(co: Coroutine, input: unknown, throwIn?: unknown): Step {
  const levels = cLevels.n;
  if (levels >= MAX_C_LEVELS) {
    co.out.kind = "error";
    co.out.error = new LuaError("C stack overflow");
    return co.out;
  }
  cLevels.n = levels + 1;
  const wanted = traces.wanted;
  traces.wanted = true; // the coroutine's own protected calls decide for it
  const prev = current.co;
  if (prev) prev.status = "normal";
  current.co = co;
  co.status = "running";
  const out = co.out;
  try {
    let r: IteratorResult<unknown, unknown>;
    if (co.gen === undefined) {
      const g = twin(co.body);
      if (g === undefined) {
        // a builtin or a function without calls: runs to completion at once
        const f = call(co.body);
        const v = Array.isArray(input) ? f(...input) : f(input);
        co.status = "dead";
        out.kind = "return";
        out.values = v;
        return out;
      }
      co.gen = Array.isArray(input) ? g(...input) : g(input);
      r = co.gen.next();
    } else if (throwIn !== undefined) {
      r = co.gen.throw(throwIn);
    } else {
      r = co.gen.next(input);
    }
    const v = r.value;
    if (r.done) {
      co.status = "dead";
      out.kind = "return";
      out.values = v;
      return out;
    }
    co.status = "suspended";
    if (v instanceof IoRequest) {
      out.kind = "io";
      out.request = v;
      return out;
    }
    out.kind = "yield";
    out.values = v;
    return out;
  } catch (e) {
    co.status = "dead";
    co.error = toLuaError(e);
    out.kind = "error";
    out.error = co.error;
    return out;
  } finally {
    traces.wanted = wanted;
    cLevels.n = levels;
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
