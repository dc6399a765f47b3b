// Generator twins: the suspendable form of a Lua function, used by coroutines and tasks.
// fn() attaches a twin to a plain function; twin() finds it; gcall() calls anything from
// generator code, suspending through the twin when there is one.
import { call } from "./ops.ts";
import { metamethod } from "./meta.ts";

export type Twin = (...args: unknown[]) => Generator<unknown, unknown, unknown>;

/**
 * Attaches the generator twin to a compiled function and returns the function; `leaf` marks a
 * pure leaf (compiler/lower/pure-leaf.ts), which twin code first runs plainly (runtime/leaf.ts).
 */
export function fn<F extends Function>(plain: F, twin: Twin, leaf?: 1): F {
  const f = plain as unknown as { $g: Twin; $l: boolean };
  f.$g = twin;
  f.$l = leaf === 1;
  return plain;
}

/** The twin of f (or of its __call metamethod), or undefined when there is none. */
export function twin(f: unknown): Twin | undefined {
  if (typeof f === "function") return (f as { $g?: Twin }).$g;
  const h = metamethod(f, "__call");
  const g = typeof h === "function" ? (h as { $g?: Twin }).$g : undefined;
  if (g === undefined) return undefined;
  return function* callTwin(...args: unknown[]) {
    return yield* g(f, ...args);
  };
}

/** Calls f from generator code: through its twin when it has one, else plainly. */
export function* gcall(f: unknown, d: string | undefined, ...args: unknown[]): Generator<unknown, unknown, unknown> {
  const g = twin(f);
  if (g !== undefined) return yield* g(...args);
  return call(f, d)(...args);
}
