// The local time zone for os.date/os.time, chosen from TZ as glibc does: a TZif file
// (/etc/localtime when TZ is unset, $TZDIR or /usr/share/zoneinfo/<TZ>), else a POSIX TZ
// string, else (no zoneinfo files on this system) the JS Date/Intl view of the zone.
// Limits: leap-second ("right/") zone files are read without their leap seconds; the Intl
// fallback has whole-minute offsets, ICU's abbreviations (or "+03") and a guessed DST flag.
import { readFileSync } from "node:fs";
import { type PosixZone, type ZoneType, parsePosixTz, posixTypeAt } from "./os-tzrule.ts";

export type { ZoneType };

interface TzFile {
  times: number[];
  /** type index in effect from times[i] on */
  idx: number[];
  types: ZoneType[];
  footer: PosixZone | undefined;
}

function parseTzif(buf: Buffer): TzFile | undefined {
  if (buf.length < 44 || buf.toString("latin1", 0, 4) !== "TZif") return undefined;
  const counts = (at: number): number[] => [0, 1, 2, 3, 4, 5].map((k) => buf.readUInt32BE(at + 20 + 4 * k));
  let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(0);
  let base = 0, size = 4;
  if (buf[4] >= 0x32) {
    // version 2+: skip the 32-bit block, use the 64-bit one
    base = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
    if (buf.toString("latin1", base, base + 4) !== "TZif") return undefined;
    [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(base);
    size = 8;
  }
  let p = base + 44;
  const times: number[] = [];
  for (let k = 0; k < timecnt; k++, p += size) {
    times.push(size === 8 ? Number(buf.readBigInt64BE(p)) : buf.readInt32BE(p));
  }
  const idx = [...buf.subarray(p, p + timecnt)];
  p += timecnt;
  const chars = p + typecnt * 6;
  const types: ZoneType[] = [];
  for (let k = 0; k < typecnt; k++, p += 6) {
    const start = chars + buf[p + 5];
    const end = buf.indexOf(0, start);
    types.push({ off: buf.readInt32BE(p), isdst: buf[p + 4] !== 0, abbr: buf.toString("latin1", start, end < 0 ? chars + charcnt : end) });
  }
  p = chars + charcnt + leap * (size + 4) + isstd + isut;
  let footer: PosixZone | undefined;
  if (size === 8 && buf[p] === 0x0a) {
    const end = buf.indexOf(0x0a, p + 1);
    if (end > p + 1) footer = parsePosixTz(buf.toString("latin1", p + 1, end));
  }
  return types.length > 0 ? { times, idx, types, footer } : undefined;
}

/** The type at UTC time t (glibc __tzfile_compute). */
function tzfileTypeAt(z: TzFile, t: number): ZoneType {
  const { times, idx, types } = z;
  if (times.length === 0 || t < times[0]) return types.find((ty) => !ty.isdst) ?? types[0];
  if (t >= times[times.length - 1] && z.footer !== undefined) return posixTypeAt(z.footer, t);
  let lo = 0, hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return types[idx[lo]];
}

function readTzif(path: string): TzFile | undefined {
  try {
    return parseTzif(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** The zone as JS Date and Intl see it (offsets in minutes; DST when above the year's minimum). */
function dateTypeAt(t: number, timeZone?: string): ZoneType {
  const ms = Math.max(-8.64e15, Math.min(8.64e15, t * 1000));
  const parts = (d: number) => {
    const f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset", year: "numeric" });
    const s = f.formatToParts(d).find((x) => x.type === "timeZoneName")?.value ?? "GMT";
    const m = /GMT([+-])(\d\d):(\d\d)/.exec(s);
    return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
  };
  const off = parts(ms);
  const year = new Date(ms).getUTCFullYear();
  const std = Math.min(parts(Date.UTC(year, 0, 1)), parts(Date.UTC(year, 6, 1)));
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
    .formatToParts(ms).find((x) => x.type === "timeZoneName")?.value ?? "UTC";
  const abbr = /^GMT[+-]/.test(name) ? numericAbbr(off) : name === "GMT" && off === 0 ? "UTC" : name;
  return { off, isdst: off > std, abbr };
}

/** tzdata's numeric abbreviations: "+03", "-0930". */
function numericAbbr(off: number): string {
  const a = Math.abs(off);
  const hh = String(Math.floor(a / 3600)).padStart(2, "0"), mm = Math.floor(a / 60) % 60;
  return (off < 0 ? "-" : "+") + hh + (mm ? String(mm).padStart(2, "0") : "");
}

function validZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

type Zone = (t: number) => ZoneType;

function loadZone(tz: string | undefined): Zone {
  if (tz === undefined) {
    const f = readTzif("/etc/localtime");
    return f ? (t) => tzfileTypeAt(f, t) : (t) => dateTypeAt(t);
  }
  const spec = tz.startsWith(":") ? tz.slice(1) : tz;
  const utc: ZoneType = { off: 0, isdst: false, abbr: "UTC" };
  if (spec === "") return () => utc;
  const f = readTzif(spec.startsWith("/") ? spec : `${process.env.TZDIR ?? "/usr/share/zoneinfo"}/${spec}`);
  if (f) return (t) => tzfileTypeAt(f, t);
  const p = parsePosixTz(spec);
  if (p) return (t) => posixTypeAt(p, t);
  if (validZone(spec)) return (t) => dateTypeAt(t, spec);
  // glibc keeps a leading name it could parse and uses UTC
  const m = /^[A-Za-z]{3,}/.exec(spec);
  const fallback: ZoneType = { off: 0, isdst: false, abbr: m ? m[0] : "UTC" };
  return () => fallback;
}

let cache: { tz: string | undefined; zone: Zone } | undefined;

/** The local time type (offset, DST flag, abbreviation) at UTC time t in seconds. */
export function localTypeAt(t: number): ZoneType {
  const tz = process.env.TZ;
  if (cache === undefined || cache.tz !== tz) cache = { tz, zone: loadZone(tz) };
  return cache.zone(t);
}
