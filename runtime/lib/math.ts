// The math library (lmathlib.c), with Lua's integer/float subtypes and its xoshiro256** random.
import { rterror } from "../error.ts";
import {
  LuaFloat, type LuaInt, type LuaNumber, MAXINTEGER, MININTEGER, floatToInt, isNumber, mkfloat, mkint,
  numberToInt, stringToNumber, toBig, toDouble,
} from "../number.ts";
import { lt } from "../ops.ts";
import { LuaTable } from "../table.ts";
import { argError, checkAny, checkDouble, checkInt, checkNumber } from "./args.ts";
import { compatFns } from "./math-compat.ts";
import { makeLib } from "./register.ts";
import { Xoshiro } from "./random.ts";

/** lua_isinteger: an actual integer value (strings do not count). */
function isInt(v: unknown): v is LuaInt {
  return (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint";
}

/** pushnumint: a float result as an integer when it fits, else as a float. */
function numint(x: number): LuaNumber {
  return floatToInt(x) ?? mkfloat(x);
}

const num = checkDouble;

function abs(...args: unknown[]): unknown {
  const v = args[0];
  if (typeof v === "number" && Number.isInteger(v)) return v < 0 ? -v : v;
  if (typeof v === "bigint") return mkint(v < 0n ? -v : v); // abs(mininteger) wraps
  return mkfloat(Math.abs(num(args, 1, "abs")));
}

function floor(...args: unknown[]): unknown {
  const v = args[0];
  if (isInt(v)) return v;
  return numint(Math.floor(num(args, 1, "floor")));
}

function ceil(...args: unknown[]): unknown {
  const v = args[0];
  if (isInt(v)) return v;
  return numint(Math.ceil(num(args, 1, "ceil")));
}

function fmod(...args: unknown[]): unknown {
  const a = args[0], b = args[1];
  if (isInt(a) && isInt(b)) {
    if (b === 0) argError(2, "fmod", "zero");
    if (b === -1) return 0; // avoids overflow of mininteger % -1
    if (typeof a === "number" && typeof b === "number") return a % b || 0;
    return mkint(toBig(a) % toBig(b)); // C '%' truncates, as BigInt's does
  }
  // lua5.4 as Debian builds it converts the second argument first (C leaves the order of
  // fmod(luaL_checknumber(L, 1), luaL_checknumber(L, 2)) open), so a bad #2 is the one reported
  const y = num(args, 2, "fmod");
  return mkfloat(num(args, 1, "fmod") % y);
}

function modf(...args: unknown[]): unknown {
  const v = args[0];
  if (isInt(v)) return [v, new LuaFloat(0)];
  const n = num(args, 1, "modf");
  const ip = n < 0 ? Math.ceil(n) : Math.floor(n);
  return [numint(ip), mkfloat(n === ip ? 0 : n - ip)];
}

function sqrt(...args: unknown[]): unknown {
  return mkfloat(Math.sqrt(num(args, 1, "sqrt")));
}

function exp(...args: unknown[]): unknown {
  return mkfloat(Math.exp(num(args, 1, "exp")));
}

function log(...args: unknown[]): unknown {
  const x = num(args, 1, "log");
  if (args[1] === undefined) return mkfloat(Math.log(x));
  const base = num(args, 2, "log");
  if (base === 2) return mkfloat(Math.log2(x));
  if (base === 10) return mkfloat(Math.log10(x));
  return mkfloat(Math.log(x) / Math.log(base));
}

function sin(...args: unknown[]): unknown {
  return mkfloat(Math.sin(num(args, 1, "sin")));
}
function cos(...args: unknown[]): unknown {
  return mkfloat(Math.cos(num(args, 1, "cos")));
}
function tan(...args: unknown[]): unknown {
  return mkfloat(Math.tan(num(args, 1, "tan")));
}
function asin(...args: unknown[]): unknown {
  return mkfloat(Math.asin(num(args, 1, "asin")));
}
function acos(...args: unknown[]): unknown {
  return mkfloat(Math.acos(num(args, 1, "acos")));
}
function atan(...args: unknown[]): unknown {
  const y = num(args, 1, "atan");
  const x = args[1] === undefined ? 1 : num(args, 2, "atan");
  return mkfloat(Math.atan2(y, x));
}

function deg(...args: unknown[]): unknown {
  return mkfloat(num(args, 1, "deg") * (180 / Math.PI));
}
function rad(...args: unknown[]): unknown {
  return mkfloat(num(args, 1, "rad") * (Math.PI / 180));
}

function max(...args: unknown[]): unknown {
  if (args.length < 1) argError(1, "max", "value expected");
  let best = args[0];
  for (let i = 1; i < args.length; i++) if (lt(best, args[i])) best = args[i];
  return best;
}

function min(...args: unknown[]): unknown {
  if (args.length < 1) argError(1, "min", "value expected");
  let best = args[0];
  for (let i = 1; i < args.length; i++) if (lt(args[i], best)) best = args[i];
  return best;
}

function tointeger(...args: unknown[]): unknown {
  const v = args[0];
  if (typeof v === "number" && Number.isInteger(v)) return v;
  let n: unknown = v;
  if (typeof v === "string") n = stringToNumber(v);
  const i = isNumber(n) ? numberToInt(n) : undefined;
  if (i === undefined) checkAny(args, 1, "tointeger");
  return i;
}

function mathType(...args: unknown[]): unknown {
  const v = checkAny(args, 1, "type");
  if (isInt(v)) return "integer";
  if (isNumber(v)) return "float";
  return undefined;
}

function ult(...args: unknown[]): unknown {
  const a = checkInt(args, 1, "ult"), b = checkInt(args, 2, "ult");
  if (typeof a === "number" && typeof b === "number" && a >= 0 && b >= 0) return a < b;
  return BigInt.asUintN(64, toBig(a)) < BigInt.asUintN(64, toBig(b));
}

/** The generator state (one per process; each new global environment reseeds it randomly). */
const rng = new Xoshiro();

function random(...args: unknown[]): unknown {
  rng.next(); // drawn before the arguments are checked, as in Lua
  let low: LuaInt, up: LuaInt;
  switch (args.length) {
    case 0:
      return mkfloat(rng.float());
    case 1:
      low = 1;
      up = checkInt(args, 1, "random");
      if (up === 0) return rng.int64(); // the full 64-bit integer
      break;
    case 2:
      low = checkInt(args, 1, "random");
      up = checkInt(args, 2, "random");
      break;
    default:
      return rterror("wrong number of arguments");
  }
  if (!(low <= up)) argError(1, "random", "interval is empty");
  return rng.range(low, up);
}

function randomseed(...args: unknown[]): unknown {
  let n1: LuaInt, n2: LuaInt;
  if (args.length === 0) [n1, n2] = rng.seedRandomly();
  else {
    n1 = checkInt(args, 1, "randomseed");
    n2 = args[1] === undefined ? 0 : checkInt(args, 2, "randomseed");
    rng.seed(n1, n2);
  }
  return [n1, n2];
}

export function openMath(G: LuaTable): void {
  rng.seedRandomly();
  const fns: Record<string, Function> = {
    abs, ceil, floor, fmod, log, max, min, modf, random, randomseed, sqrt, exp, sin, cos, tan, asin,
    acos, atan, deg, rad, tointeger, type: mathType, ult, ...compatFns,
  };
  // named "math.floor" etc.: unique builtin frame names, and what Lua's tracebacks show
  for (const [k, f] of Object.entries(fns)) Object.defineProperty(f, "name", { value: "math." + k });
  const lib = makeLib(fns);
  lib.set("atan2", atan); // compat alias (Debian builds lua5.4 with LUA_COMPAT_MATHLIB)
  lib.set("pi", Math.PI);
  lib.set("huge", Infinity);
  lib.set("maxinteger", MAXINTEGER);
  lib.set("mininteger", MININTEGER);
  G.set("math", lib);
}
