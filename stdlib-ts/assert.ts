// assert: a table of assertion functions (eq, ne, gt, lt, contains, not_nil, matches) that is
// also callable as Lua's own assert(v, msg, ...) through __call.
import { LuaError, currentLuaFrames, where } from "../runtime/error.ts";
import { argError } from "../runtime/lib/args.ts";
import { tostring } from "../runtime/lib/base.ts";
import { named } from "../runtime/lib/libargs.ts";
import { str_find } from "../runtime/lib/lstrlib/search.ts";
import { registerBuiltins } from "../runtime/lib/register.ts";
import { isInteger, isNumber, numberToString, toDouble } from "../runtime/number.ts";
import { LuaTable } from "../runtime/table.ts";
import { EMPTY, first, type } from "../runtime/value.ts";
import { fail } from "./builtin-args.ts";
import { library } from "./lua-tables.ts";
import { debugQuote as q, f64Display } from "./rust-format.ts";

/** " - <msg>" when the message argument (at position i) is present, even as nil. */
function suffix(args: unknown[], i: number): string {
  return args.length >= i ? ` - ${tostring(args[i - 1])}` : "";
}

/** A value as the failure messages show it (before quoting). */
function render(v: unknown): string {
  if (v === undefined) return "nil";
  if (typeof v === "boolean" || typeof v === "string") return String(v);
  if (isNumber(v)) return isInteger(v) ? numberToString(v) : f64Display(toDouble(v));
  return `<${type(v)}>`;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === undefined || typeof a === "boolean" || typeof a === "string") return a === b;
  if (isNumber(a) && isNumber(b)) {
    if (isInteger(a) && isInteger(b)) return a === b;
    return Math.abs(toDouble(a) - toDouble(b)) < Number.EPSILON;
  }
  return false;
}

function eq(...args: unknown[]): unknown {
  const [a, b] = args;
  if (!equal(a, b)) fail(`assert.eq failed: ${q(render(a))} != ${q(render(b))}${suffix(args, 3)}`);
  return EMPTY;
}

function ne(...args: unknown[]): unknown {
  const [a, b] = args;
  if (equal(a, b)) fail(`assert.ne failed: ${q(render(a))} == ${q(render(b))}${suffix(args, 3)}`);
  return EMPTY;
}

function compare(name: "gt" | "lt", args: unknown[]): unknown {
  const [a, b] = args;
  const tail = suffix(args, 3);
  if (!isNumber(a) || !isNumber(b)) fail(`assert.${name}: both arguments must be numbers`);
  const x = toDouble(a), y = toDouble(b);
  if (name === "gt" ? x > y : x < y) return EMPTY;
  return fail(`assert.${name} failed: ${f64Display(x)} is not ${name === "gt" ? ">" : "<"} ${f64Display(y)}${tail}`);
}

function gt(...args: unknown[]): unknown {
  return compare("gt", args);
}

function lt(...args: unknown[]): unknown {
  return compare("lt", args);
}

function contains(...args: unknown[]): unknown {
  const [s, sub] = args;
  if (typeof s !== "string") fail("assert.contains: first argument must be a string");
  if (typeof sub !== "string") fail("assert.contains: second argument must be a string");
  const tail = suffix(args, 3);
  if (!s.includes(sub)) fail(`assert.contains failed: ${q(s)} does not contain ${q(sub)}${tail}`);
  return EMPTY;
}

function not_nil(...args: unknown[]): unknown {
  if (args[0] === undefined) fail(`assert.not_nil failed: value is nil${suffix(args, 2)}`);
  return EMPTY;
}

function matches(...args: unknown[]): unknown {
  const [s, pat] = args;
  if (typeof s !== "string") fail("assert.matches: first argument must be a string");
  if (typeof pat !== "string") fail("assert.matches: second argument must be a pattern string");
  const tail = suffix(args, 3);
  let found: unknown;
  try {
    found = first(str_find(s, pat));
  } catch (e) {
    if (!(e instanceof LuaError)) throw e;
    fail(`assert.matches: pattern error: ${tostring(e.value)}`);
  }
  if (found === undefined) fail(`assert.matches failed: ${q(s)} does not match pattern ${q(pat)}${tail}`);
  return EMPTY;
}

/** Lua's assert(v [, message, ...]): all arguments back on success; a string message gets the caller's position. */
const callAssert = named("assert", function (_self: unknown, ...args: unknown[]): unknown {
  if (args.length === 0) argError(1, "assert", "value expected");
  if (args[0] !== undefined && args[0] !== false) return args;
  const msg = args.length < 2 ? "assertion failed!" : args[1];
  const frames = currentLuaFrames();
  throw new LuaError(typeof msg === "string" ? where(1, frames) + msg : msg, frames);
});

export function open(G: LuaTable): void {
  const t = library("assert", { eq, ne, gt, lt, contains, not_nil, matches });
  registerBuiltins(callAssert);
  const mt = new LuaTable();
  mt.set("__call", callAssert);
  t.metatable = mt;
  G.set("assert", t);
}
