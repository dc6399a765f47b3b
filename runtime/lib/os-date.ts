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

/** glibc's static localtime_offset: each mktime starts probing from the offset found last. */
let guessed = 0;

/**
 * The UTC offset mktime (glibc's __mktime_internal) gives local wall-clock time w (seconds,
 * read as if UTC): probe from the last offset until the offset is stable; when oscillating in
 * a gap, prefer the time whose DST flag differs from the one asked (or is set, if none asked);
 * with a mismatched isdst, use the offset of the nearest time having the asked flag.
 * Undefined when probing fails.
 */
function localOffset(w: number, isdst: number): number | undefined {
  // in offsets rather than times (t = w - off), so huge years keep exact seconds
  let off = guessed, off1 = off, off2 = off, dst2 = false;
  let ty = localTypeAt(w - off);
  for (let probes = 6; ; ) {
    if (ty.off === off) break;
    if (off === off1 && off !== off2 && (isdst < 0 ? !dst2 || ty.isdst : isdst > 0 !== ty.isdst)) return (guessed = off);
    if (--probes === 0) return undefined;
    off1 = off2;
    off2 = off;
    off = ty.off;
    dst2 = ty.isdst;
    ty = localTypeAt(w - off);
  }
  if (isdst >= 0 && ty.isdst !== isdst > 0) off = withDst(w - off, off, isdst > 0, ty.isdst);
  return (guessed = off);
}

/** The offset of a neighbouring time with the wanted DST flag (probed in 601200 s strides). */
function withDst(t: number, off: number, want: boolean, have: boolean): number {
  for (let delta = 601200; delta < Math.floor(457243209 / 2) + 601200; delta += 601200) {
    for (const dir of [-1, 1]) {
      const ty = localTypeAt(t + dir * delta);
      if (ty.isdst === want) return ty.off;
    }
  }
  return off - 3600 * ((want ? 0 : 1) - (have ? 0 : 1)); // none nearby: assume one-hour DST
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
  // glibc probes with the seconds clamped to 0..59 and adds the rest back at the end
  const clamped = Math.min(59, Math.max(0, sec));
  const secs = hour * 3600 + min * 60 + clamped;
  const off = localOffset(Number(joinTime(days, secs)), isdst);
  if (off === undefined) return rterror("time result cannot be represented in this installation");
  const t = joinTime(days, secs - off + (sec - clamped));
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
