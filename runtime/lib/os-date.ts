// os.date, os.time and os.difftime (loslib.c): gmtime/localtime/mktime over os-calendar.ts,
// local time from os-tz.ts.
import { rterror } from "../error.ts";
import { type LuaInt, isNumber, mkfloat, numberToInt, stringToNumber } from "../number.ts";
import { index, setindex } from "../ops.ts";
import { LuaTable } from "../table.ts";
import { type Tm, breakdown, daysFromCivil, joinTime } from "./os-calendar.ts";
import { strftime } from "./os-strftime.ts";
import { localTypeAt } from "./os-tz.ts";
import { argError, checkInt, optString, typeError } from "./libargs.ts";

function localtime(t: LuaInt): Tm | undefined {
  const z = localTypeAt(Number(t));
  return breakdown(t, z.off, z.isdst ? 1 : 0, z.abbr);
}

function setallfields(t: LuaTable, tm: Tm): void {
  setindex(t, "year", tm.year);
  setindex(t, "month", tm.month);
  setindex(t, "day", tm.day);
  setindex(t, "hour", tm.hour);
  setindex(t, "min", tm.min);
  setindex(t, "sec", tm.sec);
  setindex(t, "yday", tm.yday + 1);
  setindex(t, "wday", tm.wday + 1);
  if (tm.isdst >= 0) setindex(t, "isdst", tm.isdst > 0);
}

export function date(...args: unknown[]): unknown {
  let fmt = optString(args, 1, "os.date", "%c");
  const t = args[1] === undefined ? Math.floor(Date.now() / 1000) : checkInt(args, 2, "os.date");
  let tm: Tm | undefined;
  if (fmt.startsWith("!")) {
    tm = breakdown(t, 0, 0, "GMT");
    fmt = fmt.slice(1);
  } else tm = localtime(t);
  if (tm === undefined) return rterror("date result cannot be represented in this installation");
  if (fmt.split("\0")[0] === "*t") {
    const r = new LuaTable();
    setallfields(r, tm);
    return r;
  }
  const s = strftime(fmt, tm);
  if (typeof s === "string") return s;
  return argError(1, "os.date", `invalid conversion specifier '${s.bad}'`);
}

/** getfield in loslib.c: an int field minus delta, checked against C's int range. */
function getfield(t: LuaTable, key: string, d: number, delta: number): number {
  const v = index(t, key);
  const n = isNumber(v) ? numberToInt(v) : typeof v === "string" ? numberToIntStr(v) : undefined;
  if (n === undefined) {
    if (v !== undefined) rterror(`field '${key}' is not an integer`);
    if (d < 0) rterror(`field '${key}' missing in date table`);
    return d;
  }
  const r = Number(n);
  if (typeof n === "bigint" || (r >= 0 ? r - delta > 2147483647 : -2147483648 + delta > r)) {
    rterror(`field '${key}' is out-of-bound`);
  }
  return r - delta;
}

function numberToIntStr(s: string): LuaInt | undefined {
  const n = stringToNumber(s);
  return n === undefined ? undefined : numberToInt(n);
}

/**
 * The UTC offset mktime applies to local wall-clock time w (seconds, read as if UTC): in a
 * gap the offset before it; with isdst given, the offset of the nearest type with that flag.
 */
function localOffset(w: number, isdst: number): number {
  let off = localTypeAt(w).off;
  let prev = off;
  for (let k = 0; k < 6; k++) {
    const o = localTypeAt(w - off).off;
    if (o === off) break;
    prev = off;
    off = o;
  }
  if (localTypeAt(w - off).off !== off) off = Math.min(off, prev); // in a gap: the offset before it
  if (isdst < 0) return off;
  const want = isdst > 0;
  const here = localTypeAt(w - off);
  if (here.isdst === want && here.off === off) return off;
  for (let k = 0; k <= 53; k++) {
    for (const dir of [-1, 1]) {
      const ty = localTypeAt(w - off + dir * k * 604800);
      if (ty.isdst === want) return ty.off;
    }
  }
  return here.isdst === want ? off : want ? off + 3600 : off - 3600;
}

export function time(...args: unknown[]): unknown {
  const tbl = args[0];
  if (tbl === undefined) return Math.floor(Date.now() / 1000);
  if (!(tbl instanceof LuaTable)) return typeError(args, 1, "os.time", "table");
  const year = getfield(tbl, "year", -1, 1900) + 1900;
  const mon = getfield(tbl, "month", -1, 1);
  const day = getfield(tbl, "day", -1, 0);
  const hour = getfield(tbl, "hour", 12, 0);
  const min = getfield(tbl, "min", 0, 0);
  const sec = getfield(tbl, "sec", 0, 0);
  const dst = index(tbl, "isdst");
  const isdst = dst === undefined ? -1 : dst === false ? 0 : 1;
  const days = daysFromCivil(year + Math.floor(mon / 12), ((mon % 12) + 12) % 12 + 1, 1) + day - 1;
  const wall = joinTime(days, hour * 3600 + min * 60 + sec);
  const off = localOffset(Number(wall), isdst);
  const t = typeof wall === "number" ? wall - off : joinTime(days, hour * 3600 + min * 60 + sec - off);
  const tm = localtime(t);
  if (tm === undefined || t === -1) return rterror("time result cannot be represented in this installation");
  setallfields(tbl, tm);
  return t;
}

export function difftime(...args: unknown[]): unknown {
  const t1 = checkInt(args, 1, "os.difftime");
  const t2 = checkInt(args, 2, "os.difftime");
  const d = typeof t1 === "number" && typeof t2 === "number" ? t1 - t2 : Number(BigInt(t1) - BigInt(t2));
  return mkfloat(d);
}
