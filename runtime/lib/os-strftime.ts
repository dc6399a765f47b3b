// strftime for os.date: the C99 conversions as glibc prints them in the C locale, with
// os.date's check of the conversion specifiers (LUA_STRFTIMEOPTIONS, checkoption in loslib.c).
import { type Tm, isLeap } from "./os-calendar.ts";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

/** Valid specifiers: one char, or E/O modifiers (same output in the C locale). */
const SINGLE = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
const DOUBLE = ["Ec", "EC", "Ex", "EX", "Ey", "EY", "Od", "Oe", "OH", "OI", "Om", "OM", "OS", "Ou", "OU", "OV", "Ow", "OW", "Oy"];

function pad(n: number, width: number, c = "0"): string {
  const s = String(Math.abs(n));
  return (n < 0 ? "-" : "") + (s.length < width ? c.repeat(width - s.length) + s : s);
}

function floorMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** glibc iso_week_days: days since the Monday of the ISO week 1 that contains yday. */
function isoWeekDays(yday: number, wday: number): number {
  return yday - ((yday - wday + 382) % 7) + 3; // 382 = ISO_WEEK1_WDAY + a multiple of 7 above 366
}

/** [ISO week-based year, ISO week number]. */
function isoWeek(tm: Tm): [number, number] {
  let year = tm.year;
  let days = isoWeekDays(tm.yday, tm.wday);
  if (days < 0) {
    year--;
    days = isoWeekDays(tm.yday + (isLeap(year) ? 366 : 365), tm.wday);
  } else {
    const d = isoWeekDays(tm.yday - (isLeap(year) ? 366 : 365), tm.wday);
    if (d >= 0) {
      year++;
      days = d;
    }
  }
  return [year, Math.floor(days / 7) + 1];
}

function conversion(c: string, tm: Tm): string {
  switch (c) {
    case "a": return DAYS[tm.wday].slice(0, 3);
    case "A": return DAYS[tm.wday];
    case "b": case "h": return MONTHS[tm.month - 1].slice(0, 3);
    case "B": return MONTHS[tm.month - 1];
    case "c": return `${conversion("a", tm)} ${conversion("b", tm)} ${conversion("e", tm)} ${conversion("T", tm)} ${conversion("Y", tm)}`;
    case "C": return String(Math.floor(tm.year / 100));
    case "d": return pad(tm.day, 2);
    case "D": case "x": return `${pad(tm.month, 2)}/${pad(tm.day, 2)}/${conversion("y", tm)}`;
    case "e": return pad(tm.day, 2, " ");
    case "F": return `${conversion("Y", tm)}-${pad(tm.month, 2)}-${pad(tm.day, 2)}`;
    case "g": return pad(floorMod(isoWeek(tm)[0], 100), 2);
    case "G": return String(isoWeek(tm)[0] | 0);
    case "H": return pad(tm.hour, 2);
    case "I": return pad(tm.hour % 12 || 12, 2);
    case "j": return pad(tm.yday + 1, 3);
    case "m": return pad(tm.month, 2);
    case "M": return pad(tm.min, 2);
    case "n": return "\n";
    case "p": return tm.hour > 11 ? "PM" : "AM";
    case "r": return `${conversion("I", tm)}:${pad(tm.min, 2)}:${pad(tm.sec, 2)} ${conversion("p", tm)}`;
    case "R": return `${pad(tm.hour, 2)}:${pad(tm.min, 2)}`;
    case "S": return pad(tm.sec, 2);
    case "t": return "\t";
    case "T": case "X": return `${pad(tm.hour, 2)}:${pad(tm.min, 2)}:${pad(tm.sec, 2)}`;
    case "u": return String(tm.wday || 7);
    case "U": return pad(Math.floor((tm.yday - tm.wday + 7) / 7), 2);
    case "V": return pad(isoWeek(tm)[1], 2);
    case "w": return String(tm.wday);
    case "W": return pad(Math.floor((tm.yday - ((tm.wday + 6) % 7) + 7) / 7), 2);
    case "y": return pad(floorMod(tm.year, 100), 2);
    case "Y": return String(tm.year | 0); // tm_year + 1900 in C int arithmetic
    case "z": {
      const a = Math.floor(Math.abs(tm.gmtoff) / 60);
      return (tm.gmtoff < 0 ? "-" : "+") + pad(Math.floor(a / 60) * 100 + (a % 60), 4);
    }
    case "Z": return tm.zone;
    default: return "%";
  }
}

/**
 * Formats `fmt` (a Lua byte string) for tm. Returns the text, or the invalid conversion
 * (from its '%' to the end of the format, as luaL_argerror quotes it) as { bad }.
 */
export function strftime(fmt: string, tm: Tm): string | { bad: string } {
  let out = "";
  let i = 0;
  for (;;) {
    const j = fmt.indexOf("%", i);
    if (j < 0) return out + fmt.slice(i);
    out += fmt.slice(i, j);
    const c = fmt[j + 1];
    if (c !== undefined && SINGLE.includes(c)) {
      out += conversion(c, tm);
      i = j + 2;
    } else if (c !== undefined && DOUBLE.includes(fmt.slice(j + 1, j + 3))) {
      out += conversion(fmt[j + 2], tm);
      i = j + 3;
    } else {
      const rest = fmt.slice(j);
      const nul = rest.indexOf("\0");
      return { bad: nul < 0 ? rest : rest.slice(0, nul) };
    }
  }
}
