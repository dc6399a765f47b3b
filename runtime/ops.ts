// Operators for generated code: arithmetic, bitwise, comparison, concat, length, indexing and
// calls, each with a fast path for plain values and Lua's metamethod fallback and error text.
//
// The optional trailing `d…` string arguments describe operands for error messages
// ("local 'x'", "global 'f'", "field 'y'", "upvalue 'z'", "constant 'abc'").
import { add64, and64, mul64, not64, or64, shl64, sub64, xor64 } from "./int64.ts";
import { LuaError, currentLuaFrames, positionFrames } from "./error.ts";
import { getMetatable, metamethod, shared } from "./meta.ts";
import {
  LuaFloat, type LuaInt, floatMod, intAdd, intIdiv, intMod, intMul, intSub, isNumber, mkfloat,
  numberToInt, numberToString, stringToNumber, toDouble,
} from "./number.ts";
import { LuaTable, isTable } from "./table.ts";
import { EMPTY, first, type } from "./value.ts";
import { metaCall } from "./defer.ts";

function truth(r: unknown): boolean {
  const v = first(r);
  return v !== undefined && v !== false;
}
function falsity(r: unknown): boolean {
  return !truth(r);
}
function noValue(): unknown {
  return EMPTY;
}

type D = string | undefined;

/** luaG_runerror: operator errors get a position only when the running function is Lua code. */
function runerror(msg: string): never {
  const frames = positionFrames();
  const f = frames[0];
  throw new LuaError(f !== undefined && !f.builtin ? `${f.chunk}:${f.line}: ${msg}` : msg, frames);
}

function varinfo(d: D): string {
  return d ? ` (${d})` : "";
}

/**
 * How the most recent call site named its callee ("global 'print'", "method 'rep'"): builtins
 * use it for lua5.4's argument error wording (the called name, `self` not counted in methods).
 */
export const callSite: { d: D } = { d: undefined };

/** Records the call site's name after the arguments were evaluated; returns v. */
export function site(v: unknown, d: D): unknown {
  callSite.d = d;
  return v;
}

/**
 * The callable for f: f itself, or a wrapper through __call; for anything else, a function that
 * raises "attempt to call" when called. Compiled code evaluates `$call(f)` before the arguments,
 * and Lua raises the error only after evaluating them (`nofn(print("x"))` prints x first).
 */
export function call(f: unknown, d?: D): Function {
  callSite.d = d;
  if (typeof f === "function") return f;
  return callSlow(f, d);
}

function callSlow(f: unknown, d: D): Function {
  const h = metamethod(f, "__call");
  if (h !== undefined) {
    const g = call(h, d);
    // argument errors name the called value, as the call site did (not the __call function)
    return (...args: unknown[]) => {
      callSite.d = d;
      return g(f, ...args);
    };
  }
  const msg = `attempt to call a ${typeName(f)} value${varinfo(d)}`;
  return function not_callable(): never {
    return runerror(msg);
  };
}

/** The type name as error messages show it: __name for tables with one. */
export function typeName(v: unknown): string {
  const mt = getMetatable(v);
  if (mt !== undefined) {
    const n = mt.getStr("__name");
    if (typeof n === "string") return n;
  }
  return type(v);
}

// ---- indexing ---------------------------------------------------------------------------

export function index(o: unknown, k: unknown, d?: D): unknown {
  if (isTable(o)) {
    if (typeof k === "string") return indexStr(o, k, d);
    const v = o.get(k);
    if (v !== undefined) return v;
    const mt = o.metatable;
    if (mt === undefined) return undefined;
    // objects and classes: __index is a plain table holding the methods
    const h = mt.getStr("__index");
    if (isTable(h)) {
      const w = h.get(k);
      if (w !== undefined || h.metatable === undefined) return w;
    }
  } else if (typeof o === "string") {
    // ("x"):rep(3): the string metatable's __index is normally the string library table
    const mt = shared.stringMeta;
    const h = mt === undefined ? undefined : mt.getStr("__index");
    if (isTable(h)) {
      const w = h.get(k);
      if (w !== undefined || h.metatable === undefined) return w;
    }
  }
  return indexSlow(o, k, d);
}

/**
 * t[k] for a string key: along a chain of __index tables (objects, classes and their bases)
 * in one pass, each table's string part read once; a function __index (or anything else
 * that is not a table) goes on through indexSlow from the table that has it. Inheritance
 * three levels deep ran ~2× faster than restarting from the object at each level.
 */
function indexStr(o: LuaTable, k: string, d: D): unknown {
  let t = o;
  for (let loop = 0; loop < 2000; loop++) {
    const s = t.strs;
    if (s !== undefined) {
      const v = s[k];
      if (v !== undefined) return v;
    }
    const mt = t.metatable;
    if (mt === undefined) return undefined;
    const h = mt.strs?.__index;
    if (h === undefined) return undefined;
    if (!isTable(h)) return indexSlow(t, k, loop === 0 ? d : undefined, loop);
    t = h;
  }
  return runerror("'__index' chain too long; possible loop");
}

function indexSlow(o: unknown, k: unknown, d: D, start = 0): unknown {
  for (let loop = start; loop < 2000; loop++) {
    let h: unknown;
    if (isTable(o)) {
      const v = o.get(k);
      if (v !== undefined) return v;
      const mt = o.metatable;
      if (mt === undefined) return undefined;
      h = mt.getStr("__index");
      if (h === undefined) return undefined;
    } else {
      h = metamethod(o, "__index");
      if (h === undefined) {
        return runerror(`attempt to index a ${typeName(o)} value${loop === 0 ? varinfo(d) : ""}`);
      }
    }
    if (typeof h === "function") return metaCall(h, "__index", first, o, k);
    o = h;
  }
  return runerror("'__index' chain too long; possible loop");
}

export function setindex(o: unknown, k: unknown, v: unknown, d?: D): void {
  if (isTable(o) && o.metatable === undefined) {
    rawset(o, k, v);
    return;
  }
  return setindexSlow(o, k, v, d);
}

function setindexSlow(o: unknown, k: unknown, v: unknown, d: D): void {
  for (let loop = 0; loop < 2000; loop++) {
    let h: unknown;
    if (isTable(o)) {
      const mt = o.metatable;
      if (mt === undefined || o.get(k) !== undefined) {
        rawset(o, k, v);
        return;
      }
      h = mt.getStr("__newindex");
      if (h === undefined) {
        rawset(o, k, v);
        return;
      }
    } else {
      h = metamethod(o, "__newindex");
      if (h === undefined) {
        runerror(`attempt to index a ${typeName(o)} value${loop === 0 ? varinfo(d) : ""}`);
      }
    }
    if (typeof h === "function") {
      return metaCall(h, "__newindex", noValue, o, k, v) as void;
    }
    o = h;
  }
  runerror("'__newindex' chain too long; possible loop");
}

export function rawset(t: LuaTable, k: unknown, v: unknown): void {
  if (k === undefined) runerror("table index is nil");
  if (typeof k === "number" && Number.isNaN(k)) runerror("table index is NaN");
  t.set(k, v);
}

// ---- arithmetic -------------------------------------------------------------------------

/** Converts an operand for arithmetic: numbers as is, numeric strings converted. */
function tonum(v: unknown): number | bigint | LuaFloat | undefined {
  if (isNumber(v)) return v;
  if (typeof v === "string") return stringToNumber(v);
  return undefined;
}

type Arith = "add" | "sub" | "mul" | "div" | "mod" | "pow" | "idiv" | "unm";

function arithSlow(op: Arith, a: unknown, b: unknown, da: D, db: D): unknown {
  // a boxed float with a plain number: float arithmetic straight away
  if (a instanceof LuaFloat) {
    if (typeof b === "number") return floatArith(op, a.n, b);
    if (b instanceof LuaFloat) return floatArith(op, a.n, b.n);
  } else if (b instanceof LuaFloat && typeof a === "number") {
    return floatArith(op, a, b.n);
  }
  if (isNumber(a) && isNumber(b)) return arithNum(op, a, b);
  // strings reach the string metatable's arithmetic metamethods (lib/lstrlib/arith.ts)
  const h = metamethod(a, "__" + op) ?? metamethod(b, "__" + op);
  if (h !== undefined) return metaCall(h, "__" + op, first, a, b);
  const x = tonum(a), y = tonum(b); // numeric strings when the string library is not loaded
  if (x !== undefined && y !== undefined) return arithNum(op, x, y);
  // luaG_opinterror: blame the first operand unless it is a number
  const badB = isNumber(a);
  return runerror(`attempt to perform arithmetic on a ${typeName(badB ? b : a)} value${varinfo(badB ? db : da)}`);
}

/** luai_numpow (C pow, a*a for 2): Math.pow differs from C for bases ±1 with inf/NaN exponents. */
function numpow(a: number, b: number): number {
  if (b === 2) return a * a;
  if (b === 0.5) return a === -Infinity ? Infinity : Math.sqrt(a) + 0; // pow(-0, 0.5) is +0
  if (a === 1 || (a === -1 && (b === Infinity || b === -Infinity))) return 1;
  return Math.pow(a, b);
}

function floatArith(op: Arith, a: number, b: number): unknown {
  switch (op) {
    case "add": return mkfloat(a + b);
    case "sub": return mkfloat(a - b);
    case "mul": return mkfloat(a * b);
    case "div": return mkfloat(a / b);
    case "pow": return mkfloat(numpow(a, b));
    case "unm": return mkfloat(-a);
    case "idiv": return mkfloat(Math.floor(a / b));
    case "mod": return mkfloat(floatMod(a, b));
  }
}

function arithNum(op: Arith, x: number | bigint | LuaFloat, y: number | bigint | LuaFloat): unknown {
  const xi = typeof x === "bigint" || (typeof x === "number" && Number.isInteger(x));
  const yi = typeof y === "bigint" || (typeof y === "number" && Number.isInteger(y));
  if (xi && yi && op !== "div" && op !== "pow") {
    const a = x as LuaInt, b = y as LuaInt;
    switch (op) {
      case "add": return intAdd(a, b);
      case "sub": return intSub(a, b);
      case "mul": return intMul(a, b);
      case "unm": return intSub(0, a);
      case "idiv":
        if (b === 0) return runerror("attempt to divide by zero");
        return intIdiv(a, b);
      case "mod":
        if (b === 0) return runerror("attempt to perform 'n%0'");
        return intMod(a, b);
    }
  }
  return floatArith(op, toDouble(x), toDouble(y));
}

/** Whether v is a Lua integer (a safe integral number or a bigint): such operands skip the generic dispatch. */
function isInt(v: unknown): v is LuaInt {
  return typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v));
}

export function add(a: unknown, b: unknown, da?: D, db?: D): unknown {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (!Number.isInteger(r)) return r;
    if (Number.isSafeInteger(r) && Number.isInteger(a) && Number.isInteger(b)) return r;
  }
  if (isInt(a) && isInt(b)) return add64(a, b);
  return arithSlow("add", a, b, da, db);
}

/**
 * `t[k] = (t[k] or init) + n` (init undefined: `t[k] = t[k] + n`) with integer numerals n and
 * init (compiler/lower/counter-update.ts): an integer slot of a plain table is updated in place;
 * anything else runs the statement as written (index with __index, or, add, setindex).
 */
export function bump(t: unknown, k: unknown, n: number, init: number | undefined, dt?: D, dv?: D): void {
  if (isTable(t) && t.metatable === undefined) {
    if (typeof k === "string") {
      const s = t.strs;
      if (s !== undefined) {
        const v = s[k];
        if (typeof v === "number") {
          if (Number.isInteger(v)) {
            const r = v + n;
            if (r <= 9007199254740991 && r >= -9007199254740991) {
              s[k] = r;
              return;
            }
          }
        } else if (v === undefined && init !== undefined) {
          s[k] = init + n;
          t.keyList = undefined; // a new key (see LuaTable.keyList)
          return;
        }
      }
    } else if (typeof k === "number") {
      const a = t.arr;
      if (k >= 1 && k <= a.length) {
        const v = a[k - 1];
        if (typeof v === "number" && Number.isInteger(v)) {
          const r = v + n;
          if (r <= 9007199254740991 && r >= -9007199254740991) {
            a[k - 1] = r;
            return;
          }
        }
      }
    }
  }
  bumpSlow(t, k, n, init, dt, dv);
}

function bumpSlow(t: unknown, k: unknown, n: number, init: number | undefined, dt?: D, dv?: D): void {
  let v = index(t, k, dt);
  if (init !== undefined && (v === undefined || v === false)) v = init;
  setindex(t, k, add(v, n, dv), dt);
}

/** x - 0 as lua5.4 computes it, as x + 0: the same as sub(x, 0) except that -0.0 gives 0.0. */
export function subZero(a: unknown, da?: D): unknown {
  if (a instanceof LuaFloat && Object.is(a.n, -0)) return new LuaFloat(0);
  return sub(a, 0, da);
}

export function sub(a: unknown, b: unknown, da?: D, db?: D): unknown {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (!Number.isInteger(r)) return r;
    if (Number.isSafeInteger(r) && Number.isInteger(a) && Number.isInteger(b)) return r;
  }
  if (isInt(a) && isInt(b)) return sub64(a, b);
  return arithSlow("sub", a, b, da, db);
}

export function mul(a: unknown, b: unknown, da?: D, db?: D): unknown {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (!Number.isInteger(r)) return r;
    if (Number.isSafeInteger(r) && r !== 0 && Number.isInteger(a) && Number.isInteger(b)) return r;
  }
  if (isInt(a) && isInt(b)) return mul64(a, b);
  return arithSlow("mul", a, b, da, db);
}

export function div(a: unknown, b: unknown, da?: D, db?: D): unknown {
  if (typeof a === "number" && typeof b === "number") {
    const r = a / b;
    if (!Number.isInteger(r)) return r;
    return new LuaFloat(r);
  }
  return arithSlow("div", a, b, da, db);
}

export function mod(a: unknown, b: unknown, da?: D, db?: D): unknown {
  // floored modulo by a floor division: exact while |a| + |b| < 2^53 (the quotient's floor is
  // exact for |a| < 2^53, and q·b lies within |a| + |b|). JS's % may give -0 (-7 % 7), so V8
  // compiles it to a call into C's fmod, ~10× slower in a loop.
  if (typeof a === "number" && typeof b === "number" && (a | 0) === a && (b | 0) === b && b !== 0) {
    return (a - Math.floor(a / b) * b) | 0; // 32-bit operands: the cheapest test; |0 keeps it an int32 (a small integer, not a heap number, when stored)
  }
  if (typeof a === "number" && typeof b === "number" && Number.isInteger(a) && Number.isInteger(b) && b !== 0) {
    if (Math.abs(a) + Math.abs(b) < 9007199254740992) return a - Math.floor(a / b) * b;
    const r = a % b;
    if (r === 0) return 0;
    return (r < 0) !== (b < 0) ? r + b : r;
  }
  return arithSlow("mod", a, b, da, db);
}

export function idiv(a: unknown, b: unknown, da?: D, db?: D): unknown {
  if (typeof a === "number" && typeof b === "number" && Number.isInteger(a) && Number.isInteger(b) && b !== 0) {
    return Math.floor(a / b) || 0;
  }
  return arithSlow("idiv", a, b, da, db);
}

export function pow(a: unknown, b: unknown, da?: D, db?: D): unknown {
  if (typeof a === "number" && typeof b === "number") {
    const r = numpow(a, b);
    return Number.isInteger(r) ? new LuaFloat(r) : r;
  }
  return arithSlow("pow", a, b, da, db);
}

// x OP k where k is a float constant passed as a plain number: the result is always a float.
function floatK(op: Arith, a: unknown, k: number, da: D): unknown {
  return arithSlow(op, a, new LuaFloat(k), da, undefined);
}

export function addF(a: unknown, k: number, da?: D): unknown {
  if (typeof a === "number") {
    const r = a + k;
    return Number.isInteger(r) ? new LuaFloat(r) : r;
  }
  if (a instanceof LuaFloat) return mkfloat(a.n + k);
  return floatK("add", a, k, da);
}

/** 2.0 + a: as addF (IEEE addition commutes), but a metamethod or error sees the operands in order. */
export function addFL(k: number, a: unknown, da?: D): unknown {
  if (typeof a === "number") {
    const r = k + a;
    return Number.isInteger(r) ? new LuaFloat(r) : r;
  }
  if (a instanceof LuaFloat) return mkfloat(k + a.n);
  return arithSlow("add", new LuaFloat(k), a, undefined, da);
}

export function subF(a: unknown, k: number, da?: D): unknown {
  if (typeof a === "number") {
    const r = a - k;
    return Number.isInteger(r) ? new LuaFloat(r) : r;
  }
  if (a instanceof LuaFloat) return mkfloat(a.n - k);
  return floatK("sub", a, k, da);
}

export function mulF(a: unknown, k: number, da?: D): unknown {
  if (typeof a === "number") {
    const r = a * k;
    return Number.isInteger(r) ? new LuaFloat(r) : r;
  }
  if (a instanceof LuaFloat) return mkfloat(a.n * k);
  return floatK("mul", a, k, da);
}

/** 2.0 * a: as mulF, with the operands in order for a metamethod or error. */
export function mulFL(k: number, a: unknown, da?: D): unknown {
  if (typeof a === "number") {
    const r = k * a;
    return Number.isInteger(r) ? new LuaFloat(r) : r;
  }
  if (a instanceof LuaFloat) return mkfloat(k * a.n);
  return arithSlow("mul", new LuaFloat(k), a, undefined, da);
}

export function modF(a: unknown, k: number, da?: D): unknown {
  if (typeof a === "number") return mkfloat(floatMod(a, k));
  return floatK("mod", a, k, da);
}

export function idivF(a: unknown, k: number, da?: D): unknown {
  if (typeof a === "number") return mkfloat(Math.floor(a / k));
  return floatK("idiv", a, k, da);
}

export function unm(a: unknown, da?: D): unknown {
  if (typeof a === "number") {
    if (!Number.isInteger(a)) return -a;
    if (a !== 0) return -a;
    return 0;
  }
  return arithSlow("unm", a, a, da, da);
}

// ---- bitwise ----------------------------------------------------------------------------

type Bit = "band" | "bor" | "bxor" | "shl" | "shr" | "bnot";

function toBitInt(v: unknown, d: D): LuaInt | undefined {
  if (!isNumber(v)) return undefined;
  const i = numberToInt(v);
  if (i === undefined) runerror(d ? `number${varinfo(d)} has no integer representation` : "number has no integer representation");
  return i;
}

function bitSlow(op: Bit, a: unknown, b: unknown, da: D, db: D): unknown {
  if (isNumber(a) && isNumber(b)) return bitInt(op, toBitInt(a, da)!, toBitInt(b, db)!);
  const h = metamethod(a, "__" + op) ?? metamethod(b, "__" + op);
  if (h !== undefined) return metaCall(h, "__" + op, first, a, b);
  const badB = isNumber(a);
  const bad = badB ? b : a;
  const d = badB ? db : da;
  return runerror(`attempt to perform bitwise operation on a ${typeName(bad)} value${varinfo(d)}`);
}

function bitInt(op: Bit, a: LuaInt, b: LuaInt): LuaInt {
  switch (op) {
    case "band": return and64(a, b);
    case "bor": return or64(a, b);
    case "bxor": return xor64(a, b);
    case "bnot": return not64(a);
    case "shl": return shl64(a, b);
    case "shr": return typeof b === "bigint" ? 0 : shl64(a, -b);
  }
}

function isI32(v: unknown): v is number {
  return typeof v === "number" && (v | 0) === v;
}

export function band(a: unknown, b: unknown, da?: D, db?: D): unknown {
  if (isI32(a) && isI32(b)) return a & b;
  if (isInt(a) && isInt(b)) return and64(a, b);
  return bitSlow("band", a, b, da, db);
}
export function bor(a: unknown, b: unknown, da?: D, db?: D): unknown {
  if (isI32(a) && isI32(b)) return a | b;
  if (isInt(a) && isInt(b)) return or64(a, b);
  return bitSlow("bor", a, b, da, db);
}
export function bxor(a: unknown, b: unknown, da?: D, db?: D): unknown {
  if (isI32(a) && isI32(b)) return a ^ b;
  if (isInt(a) && isInt(b)) return xor64(a, b);
  return bitSlow("bxor", a, b, da, db);
}
/** 2^i for i in 0..63, exact doubles: shifts of safe integers by multiplying and dividing */
const POW2: number[] = Array.from({ length: 64 }, (_, i) => 2 ** i);

export function shl(a: unknown, b: unknown, da?: D, db?: D): unknown {
  // a safe integer shifted left while it stays safe: no 64-bit wrap can happen
  if (typeof a === "number" && isI32(b) && b >= 0 && b < 64 && Number.isInteger(a)) {
    const r = a * POW2[b];
    if (Number.isSafeInteger(r)) return r;
  }
  if (isInt(a) && isInt(b)) return shl64(a, b);
  return bitSlow("shl", a, b, da, db);
}
export function shr(a: unknown, b: unknown, da?: D, db?: D): unknown {
  if (isI32(a) && a >= 0 && isI32(b) && b >= 0 && b < 32) return a >>> b;
  // a non-negative safe integer: the logical shift is a floor division by 2^b
  if (typeof a === "number" && a >= 0 && isI32(b) && b >= 0 && b < 64 && Number.isInteger(a)) return Math.floor(a / POW2[b]);
  if (isInt(a) && isInt(b)) return typeof b === "bigint" ? 0 : shl64(a, -b);
  return bitSlow("shr", a, b, da, db);
}
export function bnot(a: unknown, da?: D): unknown {
  if (isI32(a)) return ~a;
  if (isInt(a)) return not64(a);
  return bitSlow("bnot", a, a, da, da);
}

// ---- comparison -------------------------------------------------------------------------

export function eq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ta = typeof a;
  if (ta !== "object" || typeof b !== "object") {
    // number subtypes: int vs boxed float, bigint vs number
    if ((ta === "number" || ta === "bigint") && b instanceof LuaFloat) return (a as number) == b.n;
    if (a instanceof LuaFloat && (typeof b === "number" || typeof b === "bigint")) return a.n == (b as number);
    if ((ta === "bigint" && typeof b === "number") || (ta === "number" && typeof b === "bigint")) {
      return (a as number) == (b as unknown as number); // loose == compares bigint and number exactly
    }
    return false;
  }
  if (a instanceof LuaFloat) {
    if (b instanceof LuaFloat) return a.n === b.n;
    return false;
  }
  if (b instanceof LuaFloat) return false;
  if (isTable(a) && isTable(b) || getMetatable(a) && getMetatable(b)) {
    const h = metamethod(a, "__eq") ?? metamethod(b, "__eq");
    if (h !== undefined) return metaCall(h, "__eq", truth, a, b) as boolean;
  }
  return false;
}

export function neq(a: unknown, b: unknown): boolean {
  return !eq(a, b);
}

function numVal(v: unknown): number | bigint {
  return v instanceof LuaFloat ? v.n : (v as number | bigint);
}

function compareError(a: unknown, b: unknown): never {
  const t1 = typeName(a), t2 = typeName(b);
  if (t1 === t2) return runerror(`attempt to compare two ${t1} values`);
  return runerror(`attempt to compare ${t1} with ${t2}`);
}

export function lt(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "string" && typeof b === "string") return a < b;
  if (isNumber(a) && isNumber(b)) return numVal(a) < numVal(b);
  const h = metamethod(a, "__lt") ?? metamethod(b, "__lt");
  if (h !== undefined) return metaCall(h, "__lt", truth, a, b) as boolean;
  return compareError(a, b);
}

export function le(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a <= b;
  if (typeof a === "string" && typeof b === "string") return a <= b;
  if (isNumber(a) && isNumber(b)) return numVal(a) <= numVal(b);
  const h = metamethod(a, "__le") ?? metamethod(b, "__le");
  if (h !== undefined) return metaCall(h, "__le", truth, a, b) as boolean;
  // LUA_COMPAT_LT_LE (lua5.4 as Debian builds it): a <= b as not (b < a)
  const h2 = metamethod(b, "__lt") ?? metamethod(a, "__lt");
  if (h2 !== undefined) return metaCall(h2, "__lt", falsity, b, a) as boolean;
  return compareError(a, b);
}

export function gt(a: unknown, b: unknown): boolean {
  return lt(b, a);
}
export function ge(a: unknown, b: unknown): boolean {
  return le(b, a);
}

// Comparisons, / and ^ with an integral float constant (2.0) passed as a plain number for
// speed: `k` says which operand is that constant (1 left, 2 right, 3 both); it is boxed again
// (a LuaFloat) before a metamethod or an error can see it.
function boxK(v: unknown, k: number, side: number): unknown {
  return (k & side) !== 0 ? new LuaFloat(v as number) : v;
}
export function ltK(a: unknown, b: unknown, k: number): boolean {
  if (typeof a === "number" && typeof b === "number") return a < b;
  return lt(boxK(a, k, 1), boxK(b, k, 2));
}
export function leK(a: unknown, b: unknown, k: number): boolean {
  if (typeof a === "number" && typeof b === "number") return a <= b;
  return le(boxK(a, k, 1), boxK(b, k, 2));
}
export function gtK(a: unknown, b: unknown, k: number): boolean {
  if (typeof a === "number" && typeof b === "number") return a > b;
  return lt(boxK(b, k, 2), boxK(a, k, 1));
}
export function geK(a: unknown, b: unknown, k: number): boolean {
  if (typeof a === "number" && typeof b === "number") return a >= b;
  return le(boxK(b, k, 2), boxK(a, k, 1));
}
export function divK(a: unknown, b: unknown, k: number, da?: D, db?: D): unknown {
  if (typeof a === "number" && typeof b === "number") {
    const r = a / b;
    return Number.isInteger(r) ? new LuaFloat(r) : r;
  }
  return arithSlow("div", boxK(a, k, 1), boxK(b, k, 2), da, db);
}
export function powK(a: unknown, b: unknown, k: number, da?: D, db?: D): unknown {
  if (typeof a === "number" && typeof b === "number") {
    const r = numpow(a, b);
    return Number.isInteger(r) ? new LuaFloat(r) : r;
  }
  return arithSlow("pow", boxK(a, k, 1), boxK(b, k, 2), da, db);
}

// ---- strings and length -----------------------------------------------------------------

export function concat(a: unknown, b: unknown, da?: D, db?: D): unknown {
  const ta = typeof a, tb = typeof b;
  if (ta === "string" && tb === "string") return (a as string) + (b as string);
  if ((ta === "string" || isNumber(a)) && (tb === "string" || isNumber(b))) {
    return (ta === "string" ? a : numberToString(a as LuaInt)) as string +
      (tb === "string" ? b : numberToString(b as LuaInt));
  }
  const h = metamethod(a, "__concat") ?? metamethod(b, "__concat");
  if (h !== undefined) return metaCall(h, "__concat", first, a, b);
  const badA = !(ta === "string" || isNumber(a));
  return runerror(`attempt to concatenate a ${typeName(badA ? a : b)} value${varinfo(badA ? da : db)}`);
}

export function len(v: unknown, d?: D): unknown {
  if (typeof v === "string") return v.length;
  if (isTable(v)) {
    if (v.metatable === undefined) return v.length();
    const h = v.metatable.getStr("__len");
    if (h === undefined) return v.length();
    return metaCall(h, "__len", first, v, v); // lua5.4 passes the operand twice
  }
  const h = metamethod(v, "__len");
  if (h !== undefined) return metaCall(h, "__len", first, v, v); // lua5.4 passes the operand twice
  return runerror(`attempt to get length of a ${typeName(v)} value${varinfo(d)}`);
}

export function not(v: unknown): boolean {
  return v === undefined || v === false;
}
