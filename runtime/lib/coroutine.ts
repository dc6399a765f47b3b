// The coroutine library: create, resume, yield, status, wrap, isyieldable, running, close.
// resume and wrap have generator twins so that a coroutine doing I/O inside a task passes the
// I/O request up to the scheduler instead of blocking.
import { Coroutine, type Step, checkResumable, current, mainThread, plainYield, step } from "../coroutine.ts";
import { LuaError, asBuiltin, currentLuaFrames, rterror, where } from "../error.ts";
import { blockOn } from "../io.ts";
import { runPendingCloses } from "../close.ts";
import { EMPTY } from "../value.ts";
import { argError, checkFunction, typeError } from "./args.ts";
import { makeLib, registerBuiltins } from "./register.ts";

function checkCo(args: unknown[], i: number, fname: string): Coroutine {
  const co = args[i - 1];
  if (!(co instanceof Coroutine)) return typeError(args, i, fname, "thread");
  return co;
}

function create(...args: unknown[]): unknown {
  return new Coroutine(checkFunction(args, 1, "create"));
}

/** Steps co, completing I/O requests by blocking (plain callers). */
function runPlain(co: Coroutine, input: unknown): Step {
  let s = step(co, input);
  while (s.kind === "io") {
    let value: unknown, failed = false, error: unknown;
    try {
      value = blockOn(s.request!);
    } catch (e) {
      failed = true;
      error = e;
    }
    s = failed ? step(co, undefined, error) : step(co, value);
  }
  return s;
}

/** Steps co, passing I/O requests up to whoever runs us (generator callers). */
function* runTwin(co: Coroutine, input: unknown): Generator<unknown, Step, unknown> {
  let s = step(co, input);
  while (s.kind === "io") {
    let value: unknown, failed = false, error: unknown;
    try {
      value = yield s.request!;
    } catch (e) {
      failed = true;
      error = e;
    }
    s = failed ? step(co, undefined, error) : step(co, value);
  }
  return s;
}

function resumeResult(s: Step): unknown {
  if (s.kind === "error") return [false, s.error!.value];
  const v = s.values;
  return Array.isArray(v) ? [true, ...v] : [true, v];
}

function resume(...args: unknown[]): unknown {
  const co = checkCo(args, 1, "resume");
  const err = checkResumable(co);
  if (err) return [false, err];
  return resumeResult(runPlain(co, args.slice(1)));
}
resume.$g = function* resume_twin(...args: unknown[]): Generator<unknown, unknown, unknown> {
  const co = checkCo(args, 1, "resume");
  const err = checkResumable(co);
  if (err) return [false, err];
  return resumeResult(yield* runTwin(co, args.slice(1)));
};

function luaYield(): unknown {
  return plainYield();
}
/** coroutine.yield's twin; compiled generator code yields directly when it calls this one. */
export const yieldTwin = (luaYield as unknown as { $g: unknown }).$g = function* yield_twin(...args: unknown[]): Generator<unknown, unknown, unknown> {
  if (current.co === undefined) plainYield();
  return yield args;
};

function status(...args: unknown[]): unknown {
  const co = checkCo(args, 1, "status");
  if (co === current.co) return "running";
  return co.status;
}

function running(): unknown {
  return current.co ? [current.co, false] : [mainThread, true];
}

/** Plain code can never yield; generator code (the twin) can when inside a coroutine. */
function isyieldable(...args: unknown[]): unknown {
  if (args.length > 0) checkCo(args, 1, "isyieldable");
  return false;
}
isyieldable.$g = function* isyieldable_twin(...args: unknown[]): Generator<unknown, unknown, unknown> {
  const co = args.length > 0 ? checkCo(args, 1, "isyieldable") : current.co;
  return co !== undefined && co !== mainThread && co.status === "running";
};

function wrapError(s: Step): never {
  const e = (s as { error: LuaError }).error;
  let v = e.value;
  if (typeof v === "string") v = where(1, currentLuaFrames()) + v;
  throw new LuaError(v, e.luaTrace);
}

function wrap(...args: unknown[]): unknown {
  const co = new Coroutine(checkFunction(args, 1, "wrap"));
  // `arguments` rather than a rest array: one argument goes in as is (no array per resume)
  // a C function in lua5.4 (auxwrap): a level of its own, so its errors get the position of its
  // caller only when that caller is Lua code
  const wrapped = asBuiltin(function coroutine_wrap(): unknown {
    const err = checkResumable(co);
    if (err) rterror(err);
    const s = runPlain(co, arguments.length === 1 ? arguments[0] : Array.prototype.slice.call(arguments));
    if (s.kind === "error") wrapError(s);
    return s.values;
  });
  (wrapped as unknown as { $g: unknown }).$g = asBuiltin(function* coroutine_wrap_twin(...a: unknown[]): Generator<unknown, unknown, unknown> {
    const err = checkResumable(co);
    if (err) rterror(err);
    const s = yield* runTwin(co, a);
    if (s.kind === "error") wrapError(s);
    return s.values;
  });
  return wrapped;
}

function close(...args: unknown[]): unknown {
  const co = checkCo(args, 1, "close");
  if (co === current.co || co.status === "running") rterror("cannot close a running coroutine");
  if (co.status === "normal") rterror("cannot close a normal coroutine");
  const gen = co.gen;
  co.status = "dead";
  co.gen = undefined;
  if (co.error !== undefined) {
    const v = runPendingCloses(co.pendingCloses, 0, co.error.value);
    co.error = undefined;
    return [false, v];
  }
  if (gen !== undefined) {
    try {
      gen.return(undefined); // runs pending finally blocks: the coroutine's <close> variables
    } catch (e) {
      return [false, e instanceof LuaError ? e.value : e];
    }
  }
  return true;
}

registerBuiltins(resume.$g, isyieldable.$g);

export function openCoroutine(G: import("../table.ts").LuaTable): void {
  G.set("coroutine", makeLib({
    create, resume, yield: luaYield, status, running, isyieldable, wrap, close,
  }));
  void EMPTY; void argError;
}
