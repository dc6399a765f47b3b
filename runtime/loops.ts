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

/**
 * Whether a numeric for with these start, limit and step runs as mode 0 with them unchanged
 * (all integers on JS numbers, a non-zero step, no overflow near 2^53): then compiled code
 * skips $forprep and the array it returns.
 */
export function forint(a: unknown, b: unknown, c: unknown): boolean {
  return typeof a === "number" && typeof b === "number" && typeof c === "number" &&
    Number.isInteger(a) && Number.isInteger(b) && Number.isInteger(c) && c !== 0 &&
    Math.abs(b) + Math.abs(c) <= MAX_SAFE;
}

/**
 * forprep(start, limit[, step]): the step argument is absent (not nil) when the loop has none.
 * As lua5.4's forprep: the loop counts in integers only when start and step are integers
 * (numeric strings are not: they make a float loop); the integer path checks the step for
 * zero before the limit, the float path converts limit, step and start in that order.
 */
export function forprep(a: unknown, b: unknown, ...rest: unknown[]): ForPrep {
  const c: unknown = rest.length === 0 ? 1 : rest[0];
  if (isInt(a) && isInt(c)) {
    if (c === 0) rterror("'for' step is zero");
    const up = typeof c === "number" ? c > 0 : c > 0n;
    const lim = intLimit(b, up);
    if (lim === undefined) return skip(up);
    if (typeof a === "number" && typeof c === "number" && typeof lim === "number" &&
        Math.abs(lim) + Math.abs(c) <= MAX_SAFE) {
      return [a, lim, c, 0, undefined];
    }
    // beyond 2^53: the JS loop counts offsets from the start (0, c, 2c, … count*c) and the
    // loop variable is start + offset in bigint (see forval)
    const A = toBig(a), C = toBig(c), Lm = toBig(lim);
    if (up ? A > Lm : A < Lm) return skip(up);
    const count = up ? (Lm - A) / C : (A - Lm) / -C;
    const step = Number(C);
    const last = Number(count) * step;
    if (Number.isSafeInteger(step) && Math.abs(last) <= MAX_SAFE) return [0, last, step, 2, A];
    // more offsets than doubles hold exactly: count iterations k = 0, ±1, … ±count and compute
    // start + |k|*step
    const n = Math.min(Number(count), MAX_SAFE);
    return up ? [0, n, 1, 2, [A, C]] : [0, -n, -1, 2, [A, C]];
  }
  const y = forNum(b);
  if (!isNumber(y)) forError("limit", b);
  const z = forNum(c);
  if (!isNumber(z)) forError("step", c);
  const x = forNum(a);
  if (!isNumber(x)) forError("initial value", a);
  const init = toDouble(x as number), limit = toDouble(y as number), step = toDouble(z as number);
  if (step === 0) rterror("'for' step is zero");
  if (0 < step ? limit < init : init < limit) return skip(0 < step);
  // a NaN anywhere: lua5.4 runs the body once (its skip test and its loop test both fail)
  if (Number.isNaN(init) || Number.isNaN(limit) || Number.isNaN(step)) return [0, 0, 0 < step ? 1 : -1, 1, init];
  return [init, limit, step, 1, undefined];
}

const SKIP_UP: ForPrep = [1, 0, 1, 0, undefined], SKIP_DOWN: ForPrep = [0, 1, -1, 0, undefined];

/** A loop that runs no iteration, whichever direction test the compiled loop makes. */
function skip(up: boolean): ForPrep {
  return up ? SKIP_UP : SKIP_DOWN;
}

/**
 * The limit of an integer loop (luaV_forlimit): numeric strings converted, floats floored (up)
 * or ceiled, floats beyond the integer range clipped to it; undefined when the loop must not
 * run (a limit beyond the range on the wrong side, or NaN with a positive step: with a
 * negative one lua5.4 counts down to math.mininteger).
 */
function intLimit(b: unknown, up: boolean): LuaInt | undefined {
  const n = forNum(b);
  if (isInt(n)) return n;
  if (!isNumber(n)) forError("limit", b);
  const f = toDouble(n as LuaFloat | number);
  const r = up ? Math.floor(f) : Math.ceil(f);
  const i = floatToInt(r);
  if (i !== undefined) return i;
  if (0 < f) return up ? 2n ** 63n - 1n : undefined;
  return up ? undefined : -(2n ** 63n);
}

/**
 * The limit of an integer loop from a small start by a step of +1 (up) or -1: intLimit's
 * limit, clipped to ±2^53 (a step of 1 cannot get there); a loop that must not run gets a
 * limit the start cannot reach.
 */
export function forlimit(b: unknown, up: boolean): number {
  if (typeof b === "number" && Number.isInteger(b)) return b;
  const lim = intLimit(b, up);
  if (lim === undefined) return up ? -Infinity : Infinity;
  if (typeof lim === "bigint") return lim > 0n ? MAX_SAFE : -MAX_SAFE;
  return lim > MAX_SAFE ? MAX_SAFE : lim < -MAX_SAFE ? -MAX_SAFE : lim;
}

/**
 * The loop variable's value for modes 1 (float; a number payload is the value of a loop that
 * runs once) and 2 (bigint start + offset).
 */
export function forval(p: unknown, i: number): unknown {
  if (p === undefined) return mkfloat(i);
  if (typeof p === "number") return mkfloat(p);
  if (typeof p === "bigint") return mkint(p + BigInt(i));
  const [A, C] = p as [bigint, bigint];
  return mkint(A + BigInt(Math.abs(i)) * C);
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
