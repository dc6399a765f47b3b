// Argument checks for the os and io libraries, naming the function as luaL_argerror would
// from the call site: "bad argument #1 to 'date'" when Lua code called it, 'os.date' when a
// builtin did (pcall), and for methods ("file:read") the self-adjusted number or "?".
import { currentLuaFrames, rterror } from "../error.ts";
import { type LuaInt, isNumber, numberToInt, numberToString, stringToNumber } from "../number.ts";
import { typeName } from "../ops.ts";

/** True when the running builtin was called from Lua code (not from pcall or another builtin). */
function calledFromLua(): boolean {
  const frames = currentLuaFrames();
  const base = frames.length > 0 && frames[0].builtin ? 1 : 0;
  const caller = frames[base];
  return caller !== undefined && !caller.builtin;
}

/**
 * luaL_argerror. `fname` is "lib.fn" for library functions, "file:fn" for methods (self is
 * argument 1) and a bare name ("for iterator") for other builtins.
 */
export function argError(i: number, fname: string, msg: string): never {
  const method = fname.includes(":");
  if (calledFromLua()) {
    const short = fname.slice(Math.max(fname.lastIndexOf("."), fname.lastIndexOf(":")) + 1);
    if (method) {
      i--;
      if (i === 0) rterror(`calling '${short}' on bad self (${msg})`);
    }
    return rterror(`bad argument #${i} to '${short}' (${msg})`);
  }
  const name = method || !fname.includes(".") ? "?" : fname;
  return rterror(`bad argument #${i} to '${name}' (${msg})`);
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
