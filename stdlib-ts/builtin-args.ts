// Errors and argument conversion for the system builtins: messages without a position prefix,
// OS errors worded as Rust prints them ("No such file or directory (os error 2)").
import { LuaError, currentLuaFrames } from "../runtime/error.ts";
import { describe } from "../runtime/lib/errno.ts";
import { isNumber, numberToInt, numberToString, stringToNumber, toDouble } from "../runtime/number.ts";
import { LuaTable } from "../runtime/table.ts";
import { type } from "../runtime/value.ts";

/** Raises a builtin error: the message exactly, no "chunk:line:" prefix. */
export function fail(msg: string): never {
  throw new LuaError(msg, currentLuaFrames());
}

/** Rust's io::Error text for an error thrown by node:fs / process calls. */
export function osError(e: unknown): string {
  try {
    const [msg, errno] = describe(e);
    return `${msg} (os error ${errno})`;
  } catch {
    return e instanceof Error ? e.message : String(e);
  }
}

function typeOf(args: unknown[], i: number): string {
  return i > args.length ? "no value" : type(args[i - 1]);
}

/** A conversion error naming the function and argument. */
export function badArg(args: unknown[], i: number, fname: string, expected: string): never {
  return fail(`bad argument #${i} to '${fname}' (${expected} expected, got ${typeOf(args, i)})`);
}

/** A string argument; numbers are converted as Lua does. */
export function argString(args: unknown[], i: number, fname: string): string {
  const v = args[i - 1];
  if (typeof v === "string") return v;
  if (isNumber(v)) return numberToString(v);
  return badArg(args, i, fname, "string");
}

/** An optional string (nil → undefined). */
export function optString(args: unknown[], i: number, fname: string): string | undefined {
  return args[i - 1] === undefined ? undefined : argString(args, i, fname);
}

/** A string-or-number field of an options table, or undefined when nil. */
export function fieldString(t: LuaTable, key: string, fname: string): string | undefined {
  const v = t.get(key);
  if (v === undefined || typeof v === "string") return v;
  if (isNumber(v)) return numberToString(v);
  return fail(`${fname}: option '${key}' must be a string, got ${type(v)}`);
}

/** A number (numeric strings accepted) as a JS double, or undefined when nil. */
export function toNumberOpt(v: unknown): number | undefined | null {
  if (v === undefined) return undefined;
  if (isNumber(v)) return toDouble(v);
  if (typeof v === "string") {
    const n = stringToNumber(v);
    if (n !== undefined) return toDouble(n);
  }
  return null;
}

/** An integer argument (integral floats and numeric strings accepted) as a JS number. */
export function argInteger(args: unknown[], i: number, fname: string): number {
  const v = args[i - 1];
  const n = isNumber(v) ? v : typeof v === "string" ? stringToNumber(v) : undefined;
  const k = n === undefined ? undefined : numberToInt(n);
  if (k === undefined) return badArg(args, i, fname, "integer");
  return Number(k);
}
