// Argument checks for the os and io libraries over args.ts's call-site naming, with names in
// one convention: "os.date" for library functions, "file:read" for methods (the self-adjusted
// number comes from a method call site) and a bare name ("for iterator") for other builtins.
import { argError as siteArgError } from "./args.ts";
import { type LuaInt, isNumber, numberToInt, numberToString, stringToNumber } from "../number.ts";
import { typeName } from "../ops.ts";

/**
 * luaL_argerror: named as the Lua call site named the function; without one (pcall), lua5.4's
 * global name for library functions and "?" for methods and iterators.
 */
export function argError(i: number, fname: string, msg: string): never {
  return siteArgError(i, fname.includes(":") || !fname.includes(".") ? "?" : fname, msg);
}

export function typeError(args: unknown[], i: number, fname: string, expected: string): never {
  const got = i > args.length ? "no value" : typeName(args[i - 1]);
  return argError(i, fname, `${expected} expected, got ${got}`);
}

export function checkAny(args: unknown[], i: number, fname: string): unknown {
  if (i > args.length) argError(i, fname, "value expected");
  return args[i - 1];
}

export function checkString(args: unknown[], i: number, fname: string): string {
  const v = args[i - 1];
  if (typeof v === "string") return v;
  if (isNumber(v)) return numberToString(v);
  return typeError(args, i, fname, "string");
}

export function optString(args: unknown[], i: number, fname: string, def: string): string;
export function optString(args: unknown[], i: number, fname: string, def: undefined): string | undefined;
export function optString(args: unknown[], i: number, fname: string, def: string | undefined): string | undefined {
  return args[i - 1] === undefined ? def : checkString(args, i, fname);
}

export function checkInt(args: unknown[], i: number, fname: string): LuaInt {
  const v = args[i - 1];
  const n = isNumber(v) ? v : typeof v === "string" ? stringToNumber(v) : undefined;
  if (n === undefined) return typeError(args, i, fname, "number");
  const r = numberToInt(n);
  if (r === undefined) argError(i, fname, "number has no integer representation");
  return r;
}

export function optInt(args: unknown[], i: number, fname: string, def: LuaInt): LuaInt {
  return args[i - 1] === undefined ? def : checkInt(args, i, fname);
}

/** luaL_checkoption: the index of the argument in `names`. */
export function checkOption(args: unknown[], i: number, fname: string, def: string | undefined, names: string[]): number {
  const s = def !== undefined && args[i - 1] === undefined ? def : checkString(args, i, fname);
  const k = names.indexOf(s);
  if (k < 0) argError(i, fname, `invalid option '${s}'`);
  return k;
}

/** Names a builtin for stack frames (and so for error positions and tracebacks). */
export function named<F extends Function>(name: string, f: F): F {
  Object.defineProperty(f, "name", { value: name });
  return f;
}
