// Generator twins: the suspendable form of a Lua function, used by coroutines and tasks.
// fn() attaches a twin to a plain function; twin() finds it; gcall() calls anything from
// generator code, suspending through the twin when there is one.
import { call } from "./ops.ts";

export type Twin = (...args: unknown[]) => Generator<unknown, unknown, unknown>;

/** Attaches the generator twin to a compiled function and returns the function. */
export function fn<F extends Function>(plain: F, twin: Twin): F {
  (plain as unknown as { $g: Twin }).$g = twin;
  return plain;
}

/** The twin of f, or undefined when f is not a function with one. */
export function twin(f: unknown): Twin | undefined {
  return typeof f === "function" ? (f as { $g?: Twin }).$g : undefined;
}

/** Calls f from generator code: through its twin when it has one, else plainly. */
export function* gcall(f: unknown, d: string | undefined, ...args: unknown[]): Generator<unknown, unknown, unknown> {
  const g = twin(f);
  if (g !== undefined) return yield* g(...args);
  return call(f, d)(...args);
}
