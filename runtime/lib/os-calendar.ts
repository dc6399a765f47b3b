// Proleptic Gregorian calendar arithmetic for os.date/os.time: the C `struct tm` fields of a
// time (gmtime with an offset) and day counts of dates, exact over C's whole int year range.
import { type LuaInt, mkint } from "../number.ts";

/** struct tm with a full year, month 1-12, wday 0-6 (Sunday 0), yday 0-365. */
export interface Tm {
  year: number;
  month: number;
  day: number;
  hour: number;
  min: number;
  sec: number;
  wday: number;
  yday: number;
  /** 1, 0, or -1 when unknown */
  isdst: number;
  /** seconds east of UTC */
  gmtoff: number;
  zone: string;
}

/** Days since 1970-01-01 of a (year, month 1-12, day 1-31) date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month 1-12, day] of a day count since 1970-01-01. */
export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400;
  return [m <= 2 ? y + 1 : y, m, d];
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** A time in seconds as [days since the epoch, second of the day]. */
export function splitTime(t: LuaInt): [number, number] {
  if (typeof t === "number" && Number.isSafeInteger(t)) {
    const days = Math.floor(t / 86400);
    return [days, t - days * 86400];
  }
  const b = BigInt(t);
  let days = b / 86400n;
  let sod = b % 86400n;
  if (sod < 0n) {
    sod += 86400n;
    days -= 1n;
  }
  return [Number(days), Number(sod)];
}

/** days * 86400 + secs as a Lua integer (bigint when beyond the safe range). */
export function joinTime(days: number, secs: number): LuaInt {
  const n = days * 86400 + secs;
  if (Number.isSafeInteger(n) && Math.abs(days) < 1e11) return n;
  return mkint(BigInt(days) * 86400n + BigInt(secs));
}

/** gmtime(t + gmtoff), or undefined when the year does not fit C's int tm_year. */
export function breakdown(t: LuaInt, gmtoff: number, isdst: number, zone: string): Tm | undefined {
  let [days, sod] = splitTime(t);
  sod += gmtoff;
  const shift = Math.floor(sod / 86400);
  days += shift;
  sod -= shift * 86400;
  const [year, month, day] = civilFromDays(days);
  const tmYear = year - 1900;
  if (tmYear < -2147483648 || tmYear > 2147483647) return undefined;
  return {
    year, month, day,
    hour: Math.floor(sod / 3600), min: Math.floor(sod / 60) % 60, sec: sod % 60,
    wday: (((days + 4) % 7) + 7) % 7,
    yday: days - daysFromCivil(year, 1, 1),
    isdst, gmtoff, zone,
  };
}
