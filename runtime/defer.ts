// Yielding inside metamethods. Operators run in plain runtime helpers, which cannot suspend a
// generator. In generator twins the compiler wraps each operator as
//   (($r = $dx($index, o, k, d)) === $SUSPEND ? yield* $mm() : $r)
// While dx runs, a helper that reaches a Lua metamethod with a twin does not call it: it stores
// the call and returns SUSPEND, and mm() (a generator) makes the call through the twin, so the
// metamethod may yield, then applies the helper's post-processing to its result.
import { LuaFloat } from "./number.ts";
import { add, call, callSite, eq, index, lt, setindex, sub } from "./ops.ts";
import { LuaTable } from "./table.ts";
import { twin } from "./twin.ts";
import { ABORT, leafRun } from "./leaf.ts";

/** Returned by a deferring helper instead of a value; never visible to Lua code. */
export const SUSPEND: object = Object.freeze({ suspend: true });

const state = {
  deferring: false,
  fn: undefined as unknown,
  args: [] as unknown[],
  post: undefined as ((r: unknown) => unknown) | undefined,
};

/** "metamethod 'index'" for "__index": how lua5.4 names a builtin called as a metamethod. */
const mmSites = new Map<string, string>();
export function metamethodSite(event: string): string {
  let d = mmSites.get(event);
  if (d === undefined) mmSites.set(event, (d = `metamethod '${event.slice(2)}'`));
  return d;
}

/**
 * Calls metamethod h for `event` ("__index", …) as helpers do: deferred to mm() when a twin
 * operator asked for it.
 */
export function metaCall(h: unknown, event: string, post: (r: unknown) => unknown, ...args: unknown[]): unknown {
  if (leafRun.on) throw ABORT; // a plain leaf run gives way to its twin before any metamethod runs
  if (state.deferring && twin(h) !== undefined) {
    state.deferring = false;
    state.fn = h;
    state.args = args;
    state.post = post;
    return SUSPEND;
  }
  // the metamethod's own calls change callSite; the call whose arguments are being evaluated
  // (string.rep(obj.x, 2) with a function __index) must still name its callee in errors
  const saved = callSite.d;
  const r = call(h, metamethodSite(event))(...args);
  callSite.d = saved;
  return post(r);
}

/**
 * Whether an operand can make a helper call a metamethod that has a twin: only tables with a
 * metatable and userdata. (Strings' metamethods are builtins, which never yield.)
 */
function plainOperand(v: unknown): boolean {
  return typeof v !== "object" || v instanceof LuaFloat || (v instanceof LuaTable && v.metatable === undefined);
}

/** Runs helper fn with deferral on (the compiler passes at most five operands: divK's a, b, k, da, db). */
export function dx(fn: (a: unknown, b: unknown, c: unknown, d: unknown, e: unknown) => unknown, a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown): unknown {
  // the operands a helper dispatches on come first; plain ones cannot reach a Lua metamethod
  if (plainOperand(a) && plainOperand(b)) return fn(a, b, c, d, e);
  state.deferring = true;
  try {
    return fn(a, b, c, d, e);
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
  const saved = callSite.d; // (as in metaCall)
  const r = yield* g(...args);
  callSite.d = saved;
  return post(r);
}

// Twin-code variants of the most frequent helpers: the plain case inline (a monomorphic call
// V8 can inline), dx only when an operand could reach a Lua metamethod.
type Fn4 = (a: unknown, b: unknown, c: unknown, d: unknown) => unknown;

export function indexT(o: unknown, k: unknown, d?: unknown): unknown {
  if (o instanceof LuaTable && o.metatable === undefined) return o.get(k);
  return dx(index as Fn4, o, k, d);
}

export function setindexT(o: unknown, k: unknown, v: unknown, d?: unknown): unknown {
  if (o instanceof LuaTable && o.metatable === undefined) return setindex(o, k, v, d as string | undefined);
  return dx(setindex as Fn4, o, k, v, d);
}

export function addT(a: unknown, b: unknown, da?: unknown, db?: unknown): unknown {
  if (typeof a === "number" && typeof b === "number") return add(a, b);
  return dx(add as Fn4, a, b, da, db);
}

export function subT(a: unknown, b: unknown, da?: unknown, db?: unknown): unknown {
  if (typeof a === "number" && typeof b === "number") return sub(a, b);
  return dx(sub as Fn4, a, b, da, db);
}

export function ltT(a: unknown, b: unknown): unknown {
  if (typeof a === "number" && typeof b === "number") return a < b;
  return dx(lt as Fn4, a, b);
}

export function eqT(a: unknown, b: unknown): unknown {
  if (a === b) return true;
  return dx(eq as Fn4, a, b);
}

