// Plain runs of pure leaf functions from twin code (see compiler/lower/pure-leaf.ts): the call
// site tries `$leafN(f, …)`; if the plain run reaches a metamethod, metaCall throws ABORT
// before calling it, the run has changed nothing outside its own locals, and the call site
// runs the twin instead (which can yield inside the metamethod).
/** Returned by leafN when the plain run was abandoned; never visible to Lua code. */
export const RETRY: object = Object.freeze({ retry: true });
/** Thrown by metaCall inside a plain leaf run. */
export const ABORT: object = Object.freeze({ abort: true });

/** Whether a plain leaf run is in progress (metaCall aborts it instead of calling). */
export const leafRun = { on: false };

export function leaf0(f: Function): unknown {
  leafRun.on = true;
  try {
    return f();
  } catch (e) {
    if (e === ABORT) return RETRY;
    throw e;
  } finally {
    leafRun.on = false;
  }
}

export function leaf1(f: Function, a: unknown): unknown {
  leafRun.on = true;
  try {
    return f(a);
  } catch (e) {
    if (e === ABORT) return RETRY;
    throw e;
  } finally {
    leafRun.on = false;
  }
}

export function leaf2(f: Function, a: unknown, b: unknown): unknown {
  leafRun.on = true;
  try {
    return f(a, b);
  } catch (e) {
    if (e === ABORT) return RETRY;
    throw e;
  } finally {
    leafRun.on = false;
  }
}

export function leaf3(f: Function, a: unknown, b: unknown, c: unknown): unknown {
  leafRun.on = true;
  try {
    return f(a, b, c);
  } catch (e) {
    if (e === ABORT) return RETRY;
    throw e;
  } finally {
    leafRun.on = false;
  }
}

/** Any number of arguments, in an array. */
export function leafA(f: Function, args: unknown[]): unknown {
  leafRun.on = true;
  try {
    return f(...args);
  } catch (e) {
    if (e === ABORT) return RETRY;
    throw e;
  } finally {
    leafRun.on = false;
  }
}
