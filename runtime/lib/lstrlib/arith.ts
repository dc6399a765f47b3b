// The string metatable's arithmetic metamethods: numeric strings take part in arithmetic.
import { rterror } from "../../error.ts";
import { getMetatable } from "../../meta.ts";
import { type LuaNumber, isNumber, stringToNumber } from "../../number.ts";
import { add, call, div, idiv, mod, mul, pow, sub, unm } from "../../ops.ts";
import { first, type } from "../../value.ts";

/** lstrlib tonum: a number, or a string that converts completely. */
function tonum(v: unknown): LuaNumber | undefined {
  if (isNumber(v)) return v;
  if (typeof v === "string") return stringToNumber(v);
  return undefined;
}

/** lstrlib trymt: the second operand's metamethod, or the "attempt to add a …" error. */
function trymt(a: unknown, b: unknown, event: string): unknown {
  if (typeof b !== "string") {
    const h = getMetatable(b)?.getStr(event);
    if (h !== undefined) return first(call(h)(a, b));
  }
  return rterror(`attempt to ${event.slice(2)} a '${type(a)}' with a '${type(b)}'`);
}

/**
 * lstrlib arith: both operands converted, else trymt. Called with one argument, lua5.4 uses the
 * converted first operand as the second (tonum leaves it on the stack at index 2).
 */
function arith(args: unknown[], event: string, f: (x: LuaNumber, y: LuaNumber) => unknown): unknown {
  const x = tonum(args[0]);
  if (x !== undefined) {
    const y = args.length >= 2 ? tonum(args[1]) : x;
    if (y !== undefined) return f(x, y);
  }
  return trymt(args[0], args[1], event);
}

function string__add(...args: unknown[]): unknown { return arith(args, "__add", add); }
function string__sub(...args: unknown[]): unknown { return arith(args, "__sub", sub); }
function string__mul(...args: unknown[]): unknown { return arith(args, "__mul", mul); }
function string__div(...args: unknown[]): unknown { return arith(args, "__div", div); }
function string__mod(...args: unknown[]): unknown { return arith(args, "__mod", mod); }
function string__pow(...args: unknown[]): unknown { return arith(args, "__pow", pow); }
function string__unm(...args: unknown[]): unknown { return arith(args, "__unm", (x) => unm(x)); }
function string__idiv(...args: unknown[]): unknown { return arith(args, "__idiv", idiv); }

export const stringArith: Record<string, Function> = {
  __add: string__add, __sub: string__sub, __mul: string__mul, __div: string__div,
  __mod: string__mod, __pow: string__pow, __unm: string__unm, __idiv: string__idiv,
};
