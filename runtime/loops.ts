// Loop support for generated code: numeric-for preparation (Lua 5.4 forprep rules) and
// generic-for adjustment, plus nth() for destructuring call results.
import { rterror } from "./error.ts";
import { LuaFloat, type LuaInt, floatToInt, isNumber, mkfloat, mkint, stringToNumber, toBig, toDouble } from "./number.ts";
import { call, typeName } from "./ops.ts";
import { checkclose } from "./close.ts";

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** [index, limit, step, mode, payload]: mode 0 int on numbers, 1 float, 2 counted bigint. */
type ForPrep = [number, number, number, number, unknown];

function isInt(v: unknown): v is LuaInt {
  return (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint";
}

function forNum(v: unknown): unknown {
  return typeof v === "string" ? stringToNumber(v) ?? v : v;
}

function forError(what: string, v: unknown): never {
  return rterror(`bad 'for' ${what} (number expected, got ${typeName(v)})`);
}

/** forprep(start, limit[, step]): the step argument is absent (not nil) when the loop has none. */
export function forprep(a: unknown, b: unknown, ...rest: unknown[]): ForPrep {
  let c: unknown = rest.length === 0 ? 1 : rest[0];
  a = forNum(a);
  b = forNum(b);
  c = forNum(c);
  if (!isNumber(a)) forError("initial value", a);
  if (!isNumber(b)) forError("limit", b);
  if (!isNumber(c)) forError("step", c);
  if (isInt(a) && isInt(c)) {
    if (c === 0) rterror("'for' step is zero");
    const up = typeof c === "number" ? c > 0 : c > 0n;
    // limit: floats are floored (up) or ceiled (down) and clipped to the integer range
    let lim: LuaInt;
    if (isInt(b)) lim = b;
    else {
      const f = toDouble(b as LuaFloat | number);
      if (Number.isNaN(f)) return [1, 0, 1, 0, undefined];
      const r = up ? Math.floor(f) : Math.ceil(f);
      lim = floatToInt(r) ?? (r > 0 ? 2n ** 63n - 1n : -(2n ** 63n));
    }
    if (typeof a === "number" && typeof c === "number" && typeof lim === "number" &&
        Math.abs(lim) + Math.abs(c) <= MAX_SAFE) {
      return [a, lim, c, 0, undefined];
    }
    // beyond 2^53: the JS loop counts offsets from the start (0, c, 2c, … count*c) and the
    // loop variable is start + offset in bigint (see forval)
    const A = toBig(a), C = toBig(c), Lm = toBig(lim);
    if (up ? A > Lm : A < Lm) return [1, 0, 1, 0, undefined];
    const count = up ? (Lm - A) / C : (A - Lm) / -C;
    const step = Number(C);
    const last = Number(count) * step;
    if (Number.isSafeInteger(step) && Math.abs(last) <= MAX_SAFE) return [0, last, step, 2, A];
    // huge steps (never literal): count iterations 0..count and compute start + k*step
    return [0, Math.min(Number(count), MAX_SAFE), 1, 2, [A, C]];
  }
  const x = toDouble(a as number), y = toDouble(b as number), z = toDouble(c as number);
  if (z === 0) rterror("'for' step is zero");
  return [x, y, z, 1, undefined];
}

/**
 * The limit of an integer loop from a small start by a step of +1 (up) or -1: floats floored
 * or ceiled, numeric strings converted, integers beyond 2^53 clipped (a step of 1 cannot get
 * there), NaN a limit that runs no iteration.
 */
export function forlimit(b: unknown, up: boolean): number {
  if (typeof b === "number" && Number.isInteger(b)) return b;
  b = forNum(b);
  if (!isNumber(b)) forError("limit", b);
  if (typeof b === "bigint") return b > 0n ? MAX_SAFE : -MAX_SAFE;
  const f = toDouble(b as LuaFloat | number);
  if (Number.isNaN(f)) return up ? -Infinity : Infinity;
  const r = up ? Math.floor(f) : Math.ceil(f);
  return r > MAX_SAFE ? MAX_SAFE : r < -MAX_SAFE ? -MAX_SAFE : r;
}

/** The loop variable's value for modes 1 (float) and 2 (bigint start + offset). */
export function forval(p: unknown, i: number): unknown {
  if (p === undefined) return mkfloat(i);
  if (typeof p === "bigint") return mkint(p + BigInt(i));
  const [A, C] = p as [bigint, bigint];
  return mkint(A + BigInt(i) * C);
}

/** Generic for: adjusts the explist to (f, s, control, closing), checking f and the closing value. */
export function forin(list: unknown[]): [Function, unknown, unknown, unknown] {
  const f = list[0];
  const x = list[3];
  if (x !== undefined) checkclose(x, "(for state)");
  const it = call(f, "for iterator 'for iterator'");
  return [it, list[1], list[2], x];
}

/** The i-th value of a raw call result. */
export function nth(r: unknown, i: number): unknown {
  return Array.isArray(r) ? r[i] : i === 0 ? r : undefined;
}
