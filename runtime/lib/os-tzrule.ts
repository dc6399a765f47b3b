// POSIX TZ strings ("CET-1CEST,M3.5.0,M10.5.0/3", "EST5EDT", "<+03>-3") as glibc's tzset
// parses and applies them: the local time type in effect at a UTC time.
import { civilFromDays, daysFromCivil, isLeap } from "./os-calendar.ts";

export interface ZoneType {
  /** seconds east of UTC */
  off: number;
  isdst: boolean;
  abbr: string;
}

interface Change {
  kind: "J" | "n" | "M";
  /** J: 1-365; n: 0-365; M: month */
  a: number;
  /** M: week 1-5 */
  w: number;
  /** M: weekday 0-6 */
  d: number;
  /** seconds after local midnight */
  time: number;
}

export interface PosixZone {
  std: ZoneType;
  dst: ZoneType | undefined;
  start: Change;
  end: Change;
}

/** Parses a POSIX TZ string; undefined if it is not one. */
export function parsePosixTz(s: string): PosixZone | undefined {
  let i = 0;
  const name = (): string | undefined => {
    if (s[i] === "<") {
      const j = s.indexOf(">", i);
      if (j < 0) return undefined;
      const n = s.slice(i + 1, j);
      i = j + 1;
      return n.length >= 3 ? n : undefined;
    }
    const m = /^[A-Za-z]{3,}/.exec(s.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    return m[0];
  };
  const hms = (signed: boolean): number | undefined => {
    const m = (signed ? /^([+-]?)(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?/ : /^()(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?/)
      .exec(s.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    const v = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
    return m[1] === "-" ? -v : v;
  };
  const stdName = name();
  if (stdName === undefined) return undefined;
  const stdOff = hms(true);
  if (stdOff === undefined) return undefined;
  const std: ZoneType = { off: -stdOff, isdst: false, abbr: stdName };
  const zone: PosixZone = { std, dst: undefined, start: M(3, 2, 0), end: M(11, 1, 0) };
  if (i >= s.length) return zone;
  const dstName = name();
  if (dstName === undefined) return undefined;
  let dstOff = std.off + 3600;
  if (i < s.length && s[i] !== ",") {
    const o = hms(true);
    if (o === undefined) return undefined;
    dstOff = -o;
  }
  zone.dst = { off: dstOff, isdst: true, abbr: dstName };
  if (i >= s.length) return zone;
  const change = (): Change | undefined => {
    if (s[i] !== ",") return undefined;
    i++;
    let c: Change;
    let m: RegExpExecArray | null;
    if ((m = /^M(\d{1,2})\.(\d)\.(\d)/.exec(s.slice(i)))) c = M(Number(m[1]), Number(m[2]), Number(m[3]));
    else if ((m = /^J(\d{1,3})/.exec(s.slice(i)))) c = { kind: "J", a: Number(m[1]), w: 0, d: 0, time: 7200 };
    else if ((m = /^(\d{1,3})/.exec(s.slice(i)))) c = { kind: "n", a: Number(m[1]), w: 0, d: 0, time: 7200 };
    else return undefined;
    i += m[0].length;
    if (s[i] === "/") {
      i++;
      const t = hms(true);
      if (t === undefined) return undefined;
      c.time = t;
    }
    return c;
  };
  const start = change(), end = change();
  if (start === undefined || end === undefined || i < s.length) return undefined;
  zone.start = start;
  zone.end = end;
  return zone;
}

function M(month: number, w: number, d: number): Change {
  return { kind: "M", a: month, w, d, time: 7200 };
}

/**
 * The UTC time of a change in `year`, for a clock running at `off` before it (glibc's
 * compute_change, which counts from 1970-01-01 for every year up to 1970).
 */
function changeTime(c: Change, year: number, off: number): number {
  const jan1 = daysFromCivil(year, 1, 1);
  let rel: number;
  if (c.kind === "J") rel = c.a - 1 + (isLeap(year) && c.a >= 60 ? 1 : 0);
  else if (c.kind === "n") rel = c.a;
  else {
    const first = daysFromCivil(year, c.a, 1);
    const wdayFirst = (((first + 4) % 7) + 7) % 7;
    let mday = 1 + ((c.d - wdayFirst + 7) % 7) + (c.w - 1) * 7;
    const mlen = daysFromCivil(c.a === 12 ? year + 1 : year, c.a === 12 ? 1 : c.a + 1, 1) - first;
    while (mday > mlen) mday -= 7;
    rel = first - jan1 + mday - 1;
  }
  return (year > 1970 ? glibcJan1(year) + rel : rel) * 86400 + c.time - off;
}

/** Days from 1970 to 1 January of year, in glibc's C int arithmetic (wrapping past ~5.8e6). */
function glibcJan1(year: number): number {
  const q = (d: number) => Math.trunc((year - 1) / d) - Math.trunc(1970 / d);
  return (((year - 1970) * 365) | 0) + q(4) - q(100) + q(400) | 0;
}

/** The zone type at UTC time t (seconds), computed from the rules of t's UTC year. */
export function posixTypeAt(z: PosixZone, t: number): ZoneType {
  if (z.dst === undefined) return z.std;
  const year = civilFromDays(Math.floor(t / 86400))[0];
  const start = changeTime(z.start, year, z.std.off);
  const end = changeTime(z.end, year, z.dst.off);
  const dst = start > end ? t < end || t >= start : t >= start && t < end;
  return dst ? z.dst : z.std;
}
