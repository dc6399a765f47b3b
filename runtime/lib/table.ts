// The table library (ltablib.c): concat, insert, move, pack, remove, sort, unpack.
import { rterror } from "../error.ts";
import { getMetatable } from "../meta.ts";
import { type LuaInt, MAXINTEGER, isNumber, mkint, numberToInt, numberToString, stringToNumber, toBig } from "../number.ts";
import { call, eq, index, len, lt, setindex } from "../ops.ts";
import { LuaTable, appendArr } from "../table.ts";
import { EMPTY, first, type } from "../value.ts";
import { argError, checkInt, checkTable, optIntN, optString, typeError } from "./args.ts";
import { makeLib } from "./register.ts";
import { type Less, sortRange } from "./table-sort.ts";

const R = 1, W = 2, L = 4;

/** checktab: a table, or a value whose metatable has the metamethods the operation needs. */
function checkTab(args: unknown[], i: number, what: number, fname: string): void {
  const v = args[i - 1];
  if (v instanceof LuaTable) return;
  const mt = getMetatable(v);
  if (
    mt !== undefined &&
    (!(what & R) || mt.get("__index") !== undefined) &&
    (!(what & W) || mt.get("__newindex") !== undefined) &&
    (!(what & L) || mt.get("__len") !== undefined)
  ) return;
  checkTable(args, i, fname);
}

/** luaL_len: the length (honouring __len), which must be an integer. */
export function lenOf(t: unknown): number {
  if (t instanceof LuaTable && t.metatable === undefined) return t.length();
  const v = len(t);
  let n: unknown = v;
  if (typeof v === "string") n = stringToNumber(v);
  const i = isNumber(n) ? numberToInt(n) : undefined;
  if (i === undefined) return rterror("object length is not an integer");
  return typeof i === "bigint" ? Number(i) : i;
}

function plain(t: unknown): t is LuaTable {
  return t instanceof LuaTable && t.metatable === undefined;
}

function geti(t: unknown, i: number): unknown {
  return plain(t) ? t.getInt(i) : index(t, i);
}

function seti(t: unknown, i: number, v: unknown): void {
  if (plain(t)) t.setInt(i, v);
  else setindex(t, i, v);
}

function auxGetn(args: unknown[], what: number, fname: string): number {
  checkTab(args, 1, what | L, fname);
  return lenOf(args[0]);
}

function concatField(t: unknown, i: LuaInt): string {
  const v = index(t, i);
  if (typeof v === "string") return v;
  if (isNumber(v)) return numberToString(v);
  return rterror(`invalid value (${type(v)}) at index ${i} in table for 'concat'`);
}

/** Whether a[from..to) holds only strings (then join needs no conversions or checks). */
function allStrings(a: unknown[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (typeof a[i] !== "string") return false;
  return true;
}

function tconcat(...args: unknown[]): unknown {
  const t = args[0];
  const n = auxGetn(args, R, "concat");
  const sep = optString(args, 2, "concat", "");
  const lo = args[2] === undefined ? 1 : checkInt(args, 3, "concat");
  const hi = args[3] === undefined ? n : checkInt(args, 4, "concat");
  if (lo > hi) return "";
  const parts: string[] = [];
  if (typeof lo === "bigint" || typeof hi === "bigint") {
    // positions beyond 2^53 (the first missing value ends the loop)
    for (let i = toBig(lo); i <= toBig(hi); i++) parts.push(concatField(t, mkint(i)));
    return parts.join(sep);
  }
  const direct = plain(t) ? t.arr : undefined;
  if (direct !== undefined && lo >= 1 && hi <= direct.length && allStrings(direct, lo - 1, hi)) {
    return lo === 1 && hi === direct.length ? direct.join(sep) : direct.slice(lo - 1, hi).join(sep);
  }
  for (let i = lo; i <= hi; i++) {
    const v = direct !== undefined && i >= 1 && i <= direct.length ? direct[i - 1] : undefined;
    parts.push(typeof v === "string" ? v : v !== undefined && isNumber(v) ? numberToString(v) : concatField(t, i));
  }
  return parts.join(sep);
}

/** (lua_Unsigned)a < (lua_Unsigned)b, or <= when orEqual. */
function ucmp(a: LuaInt, b: LuaInt, orEqual: boolean): boolean {
  if (typeof a === "number" && typeof b === "number" && a >= 0 && b >= 0) return orEqual ? a <= b : a < b;
  const x = BigInt.asUintN(64, toBig(a)), y = BigInt.asUintN(64, toBig(b));
  return orEqual ? x <= y : x < y;
}

function tinsert(...args: unknown[]): unknown {
  const t = args[0];
  // table.insert(t, v) on a plain table whose border is its array part's end: an append
  // (as compiled t[#t + 1] = v does it inline)
  if (args.length === 2 && plain(t) && args[1] !== undefined && t.arr.length + 1 > t.hashIntMax) {
    appendArr(t.writableArr(), args[1]);
    return EMPTY;
  }
  const e = auxGetn(args, R | W, "insert") + 1; // first empty element
  let pos: number;
  switch (args.length) {
    case 2:
      pos = e;
      break;
    case 3: {
      const p = checkInt(args, 2, "insert");
      if (!ucmp(typeof p === "number" ? p - 1 : mkint(p - 1n), e, false)) {
        argError(2, "insert", "position out of bounds");
      }
      pos = Number(p);
      const v = args[2];
      if (plain(t) && v !== undefined && t.arr.length === e - 1 && !t.hash?.has(e + 1)) {
        t.writableArr().splice(pos - 1, 0, v);
        return EMPTY;
      }
      for (let i = e; i > pos; i--) seti(t, i, geti(t, i - 1));
      break;
    }
    default:
      return rterror("wrong number of arguments to 'insert'");
  }
  seti(t, pos, args[args.length - 1]);
  return EMPTY;
}

function tremove(...args: unknown[]): unknown {
  const t = args[0];
  // table.remove(t) on a plain table whose border is its array part's end: pop
  if (args.length === 1 && plain(t) && t.arr.length > 0 && t.arr.length + 1 > t.hashIntMax) {
    const n = t.arr.length;
    const v = t.arr[n - 1];
    t.setInt(n, undefined);
    return v;
  }
  const size = auxGetn(args, R | W, "remove");
  let pos = optIntN(args, 2, "remove", size);
  if (pos !== size && !ucmp(pos - 1, size, true)) {
    argError(1, "remove", "position out of bounds"); // (5.4.4 blames argument #1)
  }
  if (plain(t) && pos >= 1 && pos < size && t.arr.length === size) {
    const a = t.arr;
    const v = a.splice(pos - 1, 1)[0];
    if (size > t.arrPeak) t.arrPeak = size; // as t[size] = nil would record
    let n = a.length;
    while (n > 0 && a[n - 1] === undefined) n--;
    a.length = n;
    return v;
  }
  const v = geti(t, pos);
  for (; pos < size; pos++) seti(t, pos, geti(t, pos + 1));
  seti(t, pos, undefined);
  return v;
}

function tmove(...args: unknown[]): unknown {
  const a1 = args[0];
  const f = toBig(checkInt(args, 2, "move"));
  const e = toBig(checkInt(args, 3, "move"));
  const t = toBig(checkInt(args, 4, "move"));
  const tt = args[4] !== undefined ? 5 : 1; // destination table
  checkTab(args, 1, R, "move");
  checkTab(args, tt, W, "move");
  const dst = args[tt - 1];
  if (e >= f) {
    if (!(f > 0n || e < MAXINTEGER + f)) argError(3, "move", "too many elements to move");
    const n = e - f + 1n; // number of elements to move
    if (!(t <= MAXINTEGER - n + 1n)) argError(4, "move", "destination wrap around");
    const forward = t > e || t <= f || (tt !== 1 && !eq(a1, dst));
    const SAFE = 9007199254740991n;
    if (f >= -SAFE && t >= -SAFE && e <= SAFE && t + n <= SAFE) {
      const fn = Number(f), tn = Number(t), nn = Number(n);
      if (forward) for (let i = 0; i < nn; i++) seti(dst, tn + i, geti(a1, fn + i));
      else for (let i = nn - 1; i >= 0; i--) seti(dst, tn + i, geti(a1, fn + i));
    } else {
      // keys beyond 2^53 are bigints; geti/seti pass them through to the table unchanged
      const key = (b: bigint): number => mkint(b) as number;
      if (forward) for (let i = 0n; i < n; i++) seti(dst, key(t + i), geti(a1, key(f + i)));
      else for (let i = n - 1n; i >= 0n; i--) seti(dst, key(t + i), geti(a1, key(f + i)));
    }
  }
  return dst;
}

function tpack(...args: unknown[]): unknown {
  const t = new LuaTable(args.slice());
  t.set("n", args.length);
  return t;
}

/** Lua's stack limit bounds how many values unpack may return. */
const MAXRESULTS = 999_980;

function tunpack(...args: unknown[]): unknown {
  const t = args[0];
  const first = args[1] === undefined ? 1 : checkInt(args, 2, "unpack");
  const last = args[2] === undefined ? lenOf(t) : checkInt(args, 3, "unpack");
  if (typeof first === "number" && typeof last === "number") {
    // safe bounds (the usual case): no bigint arithmetic; last - first may round past 2^53,
    // but only its comparison with MAXRESULTS matters then
    if (first > last) return EMPTY;
    if (last - first >= MAXRESULTS) return rterror("too many results to unpack");
    const cnt = last - first + 1;
    if (cnt === 1) return geti(t, first);
    const out = new Array<unknown>(cnt);
    if (plain(t) && first >= 1 && last <= t.arr.length) {
      const a = t.arr;
      for (let k = 0; k < cnt; k++) out[k] = a[first - 1 + k];
    } else {
      for (let k = 0; k < cnt; k++) out[k] = geti(t, first + k);
    }
    return out;
  }
  // a bound beyond 2^53: keys through bigint arithmetic (geti/seti pass them to the table)
  const i = toBig(first), e = toBig(last);
  if (i > e) return EMPTY;
  const n = e - i;
  if (n >= BigInt(MAXRESULTS)) return rterror("too many results to unpack");
  const cnt = Number(n) + 1;
  const out = new Array<unknown>(cnt);
  for (let k = 0; k < cnt; k++) out[k] = geti(t, mkint(i + BigInt(k)) as number);
  return cnt === 1 ? out[0] : out;
}

function tsort(...args: unknown[]): unknown {
  const t = args[0];
  const n = auxGetn(args, R | W, "sort");
  if (n > 1) {
    if (n >= 2147483647) argError(1, "sort", "array too big");
    const f = args[1];
    if (f !== undefined && typeof f !== "function") typeError(args, 2, "sort", "function");
    let less: Less;
    if (f === undefined) less = lt;
    else {
      const fn = call(f);
      less = (a, b) => {
        const r = first(fn(a, b));
        return r !== undefined && r !== false;
      };
    }
    sortRange(t, less, n);
  }
  return EMPTY;
}

export function openTable(G: LuaTable): void {
  const fns: Record<string, Function> = {
    concat: tconcat, insert: tinsert, move: tmove, pack: tpack, remove: tremove, sort: tsort,
    unpack: tunpack,
  };
  // named "table.insert" etc.: unique builtin frame names, and what Lua's tracebacks show
  for (const [k, f] of Object.entries(fns)) Object.defineProperty(f, "name", { value: "table." + k });
  const lib = makeLib(fns);
  G.set("table", lib);
}
