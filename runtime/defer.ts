// Yielding inside metamethods. Operators run in plain runtime helpers, which cannot suspend a
// generator. In generator twins the compiler wraps each operator as
//   (($r = $dx($index, o, k, d)) === $SUSPEND ? yield* $mm() : $r)
// While dx runs, a helper that reaches a Lua metamethod with a twin does not call it: it stores
// the call and returns SUSPEND, and mm() (a generator) makes the call through the twin, so the
// metamethod may yield, then applies the helper's post-processing to its result.
import { LuaFloat } from "./number.ts";
import { call } from "./ops.ts";
import { LuaTable } from "./table.ts";
import { twin } from "./twin.ts";

/** Returned by a deferring helper instead of a value; never visible to Lua code. */
export const SUSPEND: object = Object.freeze({ suspend: true });

const state = {
  deferring: false,
  fn: undefined as unknown,
  args: [] as unknown[],
  post: undefined as ((r: unknown) => unknown) | undefined,
};

/** Calls metamethod h (as helpers do): deferred to mm() when a twin operator asked for it. */
export function metaCall(h: unknown, post: (r: unknown) => unknown, ...args: unknown[]): unknown {
  if (state.deferring && twin(h) !== undefined) {
    state.deferring = false;
    state.fn = h;
    state.args = args;
    state.post = post;
    return SUSPEND;
  }
  return post(call(h)(...args));
}

/**
 * Whether an operand can make a helper call a metamethod that has a twin: only tables with a
 * metatable and userdata. (Strings' metamethods are builtins, which never yield.)
 */
function plainOperand(v: unknown): boolean {
  return typeof v !== "object" || v instanceof LuaFloat || (v instanceof LuaTable && v.metatable === undefined);
}

/** Runs helper fn with deferral on (the compiler passes at most four operands). */
export function dx(fn: (a: unknown, b: unknown, c: unknown, d: unknown) => unknown, a?: unknown, b?: unknown, c?: unknown, d?: unknown): unknown {
  // the operands a helper dispatches on come first; plain ones cannot reach a Lua metamethod
  if (plainOperand(a) && plainOperand(b)) return fn(a, b, c, d);
  state.deferring = true;
  try {
    return fn(a, b, c, d);
  } finally {
    state.deferring = false;
  }
}

/** Makes the deferred metamethod call through its twin and post-processes the result. */
export function* mm(): Generator<unknown, unknown, unknown> {
  const f = state.fn, args = state.args, post = state.post!;
  state.fn = undefined;
  state.args = [];
  const g = twin(f)!;
  return post(yield* g(...args));
}
