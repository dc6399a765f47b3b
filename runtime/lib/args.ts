// Argument checks for library functions, with luaL_check* wording:
// "bad argument #1 to 'insert' (table expected, got nil)".
import { LuaError, currentLuaFrames, rterror } from "../error.ts";
import { qualifiedName } from "./register.ts";
import { LuaFloat, type LuaInt, type LuaNumber, isNumber, numberToInt, numberToString, stringToNumber, toDouble } from "../number.ts";
import { callSite, typeName } from "../ops.ts";
import { LuaTable } from "../table.ts";

/**
 * luaL_argerror. Called from Lua code, the message names the function as called ('rep') with
 * the caller's position; called from another builtin (pcall(string.rep)), lua5.4 names it by
 * its qualified global name ('string.rep') and there is no position.
 */
export function argError(i: number, fname: string, msg: string): never {
  const frames = currentLuaFrames();
  const self = frames[0]?.builtin ? frames[0] : undefined;
  const caller = self ? frames[1] : frames[0];
  if (self !== undefined && (caller === undefined || caller.builtin)) {
    const name = qualifiedName(self.fn) ?? fname;
    throw new LuaError(`bad argument #${i} to '${name}' (${msg})`, frames);
  }
  // called from Lua: name the function as the call site did; a method call does not count self
  const m = /^(global|local|method|field|upvalue|for iterator|metamethod) '(.*)'$/.exec(callSite.d ?? "");
  let name = fname;
  if (m) {
    name = m[2];
    if (m[1] === "method") {
      i--;
      if (i === 0) return rterror(`calling '${name}' on bad self (${msg})`);
    }
  }
  return rterror(`bad argument #${i} to '${name}' (${msg})`);
}

function got(args: unknown[], i: number): string {
  return i > args.length ? "no value" : typeName(args[i - 1]);
}

export function typeError(args: unknown[], i: number, fname: string, expected: string): never {
  return argError(i, fname, `${expected} expected, got ${got(args, i)}`);
}

export function checkAny(args: unknown[], i: number, fname: string): unknown {
  if (i > args.length) argError(i, fname, "value expected");
  return args[i - 1];
}

export function checkTable(args: unknown[], i: number, fname: string): LuaTable {
  const v = args[i - 1];
  if (!(v instanceof LuaTable)) typeError(args, i, fname, "table");
  return v;
}

export function checkNumber(args: unknown[], i: number, fname: string): LuaNumber {
  const v = args[i - 1];
  if (isNumber(v)) return v;
  if (typeof v === "string") {
    const n = stringToNumber(v);
    if (n !== undefined) return n;
  }
  return typeError(args, i, fname, "number");
}

/** A number argument as a JS double (luaL_checknumber then a C cast). */
export function checkDouble(args: unknown[], i: number, fname: string): number {
  return toDouble(checkNumber(args, i, fname));
}

export function checkInt(args: unknown[], i: number, fname: string): LuaInt {
  const v = args[i - 1];
  let n: LuaNumber | undefined;
  if (isNumber(v)) n = v;
  else if (typeof v === "string") n = stringToNumber(v);
  if (n === undefined) return typeError(args, i, fname, "number");
  const r = numberToInt(n);
  if (r === undefined) argError(i, fname, "number has no integer representation");
  return r;
}

/** An integer argument as a JS number (clamped to the safe range, as positions are). */
export function checkIntN(args: unknown[], i: number, fname: string): number {
  const r = checkInt(args, i, fname);
  if (typeof r === "number") return r;
  return r > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

export function optIntN(args: unknown[], i: number, fname: string, def: number): number {
  const v = args[i - 1];
  return v === undefined ? def : checkIntN(args, i, fname);
}

export function checkString(args: unknown[], i: number, fname: string): string {
  const v = args[i - 1];
  if (typeof v === "string") return v;
  if (isNumber(v)) return numberToString(v);
  return typeError(args, i, fname, "string");
}

export function optString(args: unknown[], i: number, fname: string, def: string): string {
  const v = args[i - 1];
  return v === undefined ? def : checkString(args, i, fname);
}

export function checkFunction(args: unknown[], i: number, fname: string): Function {
  const v = args[i - 1];
  if (typeof v !== "function") typeError(args, i, fname, "function");
  return v as Function;
}

export { LuaFloat };
