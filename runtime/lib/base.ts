// The basic library: print, type, tostring, tonumber, pairs, ipairs, next, select, raw*,
// metatables, assert, error, pcall, xpcall, load, collectgarbage.
import { invalidKey, setIterators } from "../forstep.ts";
import { LuaError, builtinNames, currentLuaFrames, positionFrames, rterror, toLuaError, traces, where } from "../error.ts";
import { getMetatable, metamethod } from "../meta.ts";
import { LuaFloat, isNumber, mkint, numberToInt, stringToNumber } from "../number.ts";
import { call, eq, index, rawset, typeName } from "../ops.ts";
import { writeOut } from "../stdout.ts";
import { LuaTable } from "../table.ts";
import { EMPTY, first, rawToString, results, type } from "../value.ts";
import { argError, checkAny, checkIntN, checkTable, typeError } from "./args.ts";
import { optString } from "./libargs.ts";
import { loadChunk, type ChunkLoader } from "../chunk.ts";
import { gcall } from "../twin.ts";
import { MAX_C_LEVELS, cLevels, current } from "../coroutine.ts";
import { pendingList, protect, runPendingCloses } from "../close.ts";
import { registerBuiltins, registry } from "./register.ts";

export function tostring(v: unknown): string {
  const mt = getMetatable(v);
  if (mt !== undefined) {
    const h = mt.getStr("__tostring");
    if (h !== undefined) {
      const r = first(call(h)(v));
      if (typeof r !== "string") {
        if (isNumber(r)) return rawToString(r);
        rterror("'__tostring' must return a string");
      }
      return r;
    }
    const name = mt.getStr("__name");
    if (typeof name === "string" && (v instanceof LuaTable || typeof v === "object")) {
      return `${name}: ${rawToString(v).replace(/^\w+: /, "")}`;
    }
  }
  return rawToString(v);
}

function print(...args: unknown[]): unknown {
  let s = "";
  for (let i = 0; i < args.length; i++) {
    if (i > 0) s += "\t";
    const v = args[i];
    s += typeof v === "string" ? v : tostring(v);
  }
  writeOut(s + "\n");
  return EMPTY;
}

function luaType(...args: unknown[]): unknown {
  checkAny(args, 1, "type");
  return type(args[0]);
}

function luaTostring(...args: unknown[]): unknown {
  checkAny(args, 1, "tostring");
  return tostring(args[0]);
}

function tonumber(...args: unknown[]): unknown {
  const [v, base] = args;
  if (base === undefined) {
    checkAny(args, 1, "tonumber");
    if (isNumber(v)) return v;
    if (typeof v === "string") return stringToNumber(v);
    return undefined;
  }
  const b = checkIntN(args, 2, "tonumber");
  if (typeof v !== "string") typeError(args, 1, "tonumber", "string");
  if (b < 2 || b > 36) argError(2, "tonumber", "base out of range");
  return digitsInBase(v as string, b);
}

/** C's isspace in the "C" locale */
function isCSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** lua5.4's b_str2int: spaces, an optional sign, alphanumeric digits below the base, spaces. */
function digitsInBase(s: string, base: number): unknown {
  let i = 0;
  while (i < s.length && isCSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (s[i] === "-") {
    neg = true;
    i++;
  } else if (s[i] === "+") i++;
  let n = 0n, digits = 0;
  for (; i < s.length; i++, digits++) {
    const c = s.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : c >= 65 && c <= 90 ? c - 55 : -1;
    if (d < 0) break;
    if (d >= base) return undefined;
    n = n * BigInt(base) + BigInt(d);
  }
  if (digits === 0) return undefined;
  while (i < s.length && isCSpace(s.charCodeAt(i))) i++;
  if (i !== s.length) return undefined;
  return mkint(neg ? -n : n);
}

export function next(...args: unknown[]): unknown {
  const t = checkTable(args, 1, "next");
  const r = t.next(args[1]);
  if (r === null) throw invalidKey();
  return r === undefined ? undefined : r;
}
next.$name = "next";

function pairs(...args: unknown[]): unknown {
  checkAny(args, 1, "pairs");
  const t = args[0];
  const h = metamethod(t, "__pairs");
  if (h !== undefined) {
    const r = results(call(h)(t));
    return [r[0], r[1], r[2]];
  }
  return [next, t, undefined];
}

function ipairsAux(t: unknown, i: unknown): unknown {
  const k = (i as number) + 1;
  const v = t instanceof LuaTable && t.metatable === undefined ? t.getInt(k) : index(t, k);
  return v === undefined ? undefined : [k, v];
}

setIterators(ipairsAux, next);

function ipairs(...args: unknown[]): unknown {
  checkAny(args, 1, "ipairs");
  return [ipairsAux, args[0], 0];
}

export function select(...args: unknown[]): unknown {
  const n = args[0];
  if (n === "#") return args.length - 1;
  let i = checkIntN(args, 1, "select");
  const count = args.length - 1;
  if (i < 0) i = count + i + 1;
  else if (i === 0) argError(1, "select", "index out of range");
  if (i < 1) argError(1, "select", "index out of range");
  return args.slice(i);
}

function rawget(...args: unknown[]): unknown {
  const t = checkTable(args, 1, "rawget");
  checkAny(args, 2, "rawget");
  return t.get(args[1]);
}

function rawsetF(...args: unknown[]): unknown {
  const t = checkTable(args, 1, "rawset");
  checkAny(args, 2, "rawset");
  checkAny(args, 3, "rawset");
  rawset(t, args[1], args[2]);
  return t;
}

function rawequal(...args: unknown[]): unknown {
  checkAny(args, 1, "rawequal");
  checkAny(args, 2, "rawequal");
  const [a, b] = args;
  if (a === b) return true;
  if (isNumber(a) && isNumber(b)) return eq(a, b);
  return false;
}

function rawlen(...args: unknown[]): unknown {
  const v = args[0];
  if (v instanceof LuaTable) return v.length();
  if (typeof v === "string") return v.length;
  return typeError(args, 1, "rawlen", "table or string");
}

function setmetatable(...args: unknown[]): unknown {
  const t = args[0];
  if (!(t instanceof LuaTable)) return typeError(args, 1, "setmetatable", "table");
  const mt = args[1];
  if (args.length < 2 || (mt !== undefined && !(mt instanceof LuaTable))) return typeError(args, 2, "setmetatable", "nil or table");
  if (t.metatable !== undefined && t.metatable.getStr("__metatable") !== undefined) {
    rterror("cannot change a protected metatable");
  }
  t.metatable = mt;
  return t;
}

function getmetatable(...args: unknown[]): unknown {
  checkAny(args, 1, "getmetatable");
  const mt = getMetatable(args[0]);
  if (mt === undefined) return undefined;
  const protectedValue = mt.getStr("__metatable");
  return protectedValue !== undefined ? protectedValue : mt;
}

function luaAssert(...args: unknown[]): unknown {
  if (args.length === 0) argError(1, "assert", "value expected");
  const v = args[0];
  if (v !== undefined && v !== false) return args;
  // like error(msg): a string message gets the caller's position
  const msg = args.length < 2 ? "assertion failed!" : args[1];
  const frames = currentLuaFrames();
  throw new LuaError(typeof msg === "string" ? where(1, frames) + msg : msg, frames);
}

function error(...args: unknown[]): unknown {
  const v = args[0];
  const level = args[1] === undefined ? 1 : checkIntN(args, 2, "error");
  const frames = typeof v === "string" && level > 0 ? positionFrames(level) : traces.wanted ? currentLuaFrames() : [];
  if (typeof v === "string" && level > 0) {
    throw new LuaError(where(level, frames) + v, frames);
  }
  throw new LuaError(v, frames);
}

/** The LuaError being handled by the innermost xpcall handler (for debug.traceback). */
export const handling: { error: LuaError | undefined } = { error: undefined };

/** Bookkeeping of a protected call: where to find `<close>` values its error leaves behind. */
interface Guard {
  list: [unknown, unknown][];
  mark: number;
  main: boolean;
}

function enter(): Guard {
  const main = current.co === undefined;
  if (main) protect.depth++;
  const list = pendingList();
  return { list, mark: list.length, main };
}

function leave(g: Guard): void {
  if (g.main) protect.depth--;
}

/** Closes what the error left open; an error in a __close replaces the result. */
function settle(g: Guard, value: unknown): unknown {
  return g.list.length > g.mark ? runPendingCloses(g.list, g.mark, value) : value;
}

function pcall(...args: unknown[]): unknown {
  checkAny(args, 1, "pcall");
  if (cLevels.n >= MAX_C_LEVELS) return [false, "C stack overflow"];
  const g = enter();
  cLevels.n++;
  const wanted = traces.wanted;
  traces.wanted = false; // what this pcall catches, it only returns
  try {
    const f = call(args[0]);
    // the common arities without a sliced copy of the arguments
    const n = args.length;
    const r = n === 1 ? f() : n === 2 ? f(args[1]) : n === 3 ? f(args[1], args[2]) : f(...args.slice(1));
    return Array.isArray(r) ? [true, ...r] : [true, r];
  } catch (e) {
    return [false, settle(g, toLuaError(e).value)];
  } finally {
    traces.wanted = wanted;
    cLevels.n--;
    leave(g);
  }
}
pcall.$g = function* pcall_twin(...args: unknown[]): Generator<unknown, unknown, unknown> {
  checkAny(args, 1, "pcall");
  if (cLevels.n >= MAX_C_LEVELS) return [false, "C stack overflow"];
  const g = enter();
  cLevels.n++; // (a yield inside drops it: the resume sets the count afresh, see cLevels)
  const wanted = traces.wanted;
  traces.wanted = false; // (a yield inside: the resume restores its own, see coroutine.ts step)
  try {
    const r = yield* gcall(args[0], undefined, ...args.slice(1));
    return Array.isArray(r) ? [true, ...r] : [true, r];
  } catch (e) {
    return [false, settle(g, toLuaError(e).value)];
  } finally {
    traces.wanted = wanted;
    cLevels.n--;
    leave(g);
  }
};

/** Runs the message handler of xpcall: its first result, or "error in error handling". */
function handle(h: unknown, e: unknown): unknown {
  const le = toLuaError(e);
  const saved = handling.error;
  handling.error = le;
  try {
    return first(call(h)(le.value));
  } catch {
    return "error in error handling";
  } finally {
    handling.error = saved;
  }
}

function xpcall(...args: unknown[]): unknown {
  const f = args[0], h = args[1];
  if (typeof h !== "function") typeError(args, 2, "xpcall", "function");
  if (cLevels.n >= MAX_C_LEVELS) return [false, handle(h, new LuaError("C stack overflow", currentLuaFrames()))];
  const g = enter();
  cLevels.n++;
  const wanted = traces.wanted;
  traces.wanted = true; // the handler may want the traceback
  try {
    const fn = call(f), n = args.length;
    const r = n === 2 ? fn() : n === 3 ? fn(args[2]) : fn(...args.slice(2));
    return Array.isArray(r) ? [true, ...r] : [true, r];
  } catch (e) {
    const v = handle(h, e); // the handler runs before pending <close> values are closed
    return [false, settle(g, v)];
  } finally {
    traces.wanted = wanted;
    cLevels.n--;
    leave(g);
  }
}
xpcall.$g = function* xpcall_twin(...args: unknown[]): Generator<unknown, unknown, unknown> {
  const f = args[0], h = args[1];
  if (typeof h !== "function") typeError(args, 2, "xpcall", "function");
  if (cLevels.n >= MAX_C_LEVELS) return [false, handle(h, new LuaError("C stack overflow", currentLuaFrames()))];
  const g = enter();
  cLevels.n++;
  const wanted = traces.wanted;
  traces.wanted = true;
  try {
    const r = yield* gcall(f, undefined, ...args.slice(2));
    return Array.isArray(r) ? [true, ...r] : [true, r];
  } catch (e) {
    const v = handle(h, e);
    return [false, settle(g, v)];
  } finally {
    traces.wanted = wanted;
    cLevels.n--;
    leave(g);
  }
};

/** luaO_chunkid: how a chunk name appears in messages. */
export function chunkId(name: string): string {
  if (name.startsWith("=")) return name.slice(1, 60);
  if (name.startsWith("@")) {
    const f = name.slice(1);
    return f.length <= 59 ? f : "..." + f.slice(f.length - 56);
  }
  const nl = name.indexOf("\n");
  const max = 45;
  if (name.length < max && nl < 0) return `[string "${name}"]`;
  let s = nl >= 0 ? name.slice(0, nl) : name;
  if (s.length > max) s = s.slice(0, max);
  return `[string "${s}..."]`;
}

function load(...args: unknown[]): unknown {
  // as lua_tolstring: a number chunk is its text
  const chunk = isNumber(args[0]) ? rawToString(args[0]) : args[0];
  let src: string;
  if (typeof chunk === "string") src = chunk;
  else if (typeof chunk === "function") {
    const parts: string[] = [];
    for (;;) {
      let piece = first(chunk());
      if (piece === undefined || piece === "") break;
      if (isNumber(piece)) piece = rawToString(piece);
      if (typeof piece !== "string") return [undefined, "reader function must return a string"];
      parts.push(piece);
    }
    src = parts.join("");
  } else return typeError(args, 1, "load", "function");
  const name = optString(args, 2, "load", typeof chunk === "string" ? chunk : "=(load)");
  const mode = optString(args, 3, "load", "bt");
  if (src.startsWith("\x1b")) {
    // no bytecode here: a binary chunk can never be loaded (string.dump cannot make one)
    return [undefined, mode.includes("b") ? "attempt to load a binary chunk (not supported)" : `attempt to load a binary chunk (mode is '${mode}')`];
  }
  if (!mode.includes("t")) return [undefined, `attempt to load a text chunk (mode is '${mode}')`];
  const env = args.length >= 4 ? args[3] : globals.G;
  try {
    return loadChunk(src, chunkId(name), env);
  } catch (e) {
    if (e instanceof Error && e.name === "LuaSyntaxError") return [undefined, e.message];
    return [undefined, toLuaError(e).value];
  }
}

function collectgarbage(...args: unknown[]): unknown {
  const opt = args[0] === undefined ? "collect" : args[0];
  switch (opt) {
    case "collect": return 0;
    case "count": {
      const bytes = process.memoryUsage().heapUsed;
      return [bytes / 1024, bytes % 1024];
    }
    case "step": return false;
    case "isrunning": return true;
    case "incremental": case "generational": return "incremental";
    case "stop": case "restart": case "setpause": case "setstepmul": return 0;
    default: return argError(1, "collectgarbage", `invalid option '${String(opt)}'`);
  }
}

/** The global table, once created. */
export const globals: { G: LuaTable } = { G: new LuaTable() };

export function openBase(G: LuaTable, loader?: ChunkLoader): void {
  void loader;
  const fns: Record<string, Function> = {
    print, type: luaType, tostring: luaTostring, tonumber, next, pairs, ipairs, select, rawget,
    rawset: rawsetF, rawequal, rawlen, setmetatable, getmetatable, assert: luaAssert, error, pcall,
    xpcall, load, collectgarbage,
  };
  for (const [k, f] of Object.entries(fns)) {
    G.set(k, f);
    registerBuiltins(f);
  }
  registerBuiltins(pcall.$g, xpcall.$g);
  G.set("_G", G);
  registry.G = G;
  G.set("_VERSION", "Lua 5.4");
  globals.G = G;
  void LuaFloat; void numberToInt; void typeName;
}
