// string.find, string.match, string.gmatch and string.gsub on top of the pattern matcher.
import { asBuiltin, rterror } from "../../error.ts";
import { isNumber, numberToString } from "../../number.ts";
import { call, index } from "../../ops.ts";
import { LuaTable } from "../../table.ts";
import { EMPTY, first, truthy, type } from "../../value.ts";
import { checkString, optIntN, typeError } from "../args.ts";
import { CAP_POSITION, CAP_UNFINISHED, MatchState, doMatch, firstLiteral, noSpecials } from "./pattern.ts";
import { type CompiledPattern, compilePattern, nativeGsub } from "./pattern-regex.ts";

/** Captures of a native-regex match, in the form getCapture reads (position captures 1-based). */
function fillCaptures(ms: MatchState, rx: CompiledPattern, m: RegExpExecArray): void {
  const n = rx.captures;
  ms.level = n;
  if (n === 0) {
    ms.regexCaps = undefined;
    return;
  }
  const caps: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) caps[i] = rx.positions[i] ? m.indices![i + 1]![0] + 1 : m[i + 1];
  ms.regexCaps = caps;
}

/** Capture i (0-based) of a native-regex match: its text, or its 1-based position for "()". */
function regexCapture(rx: CompiledPattern, m: RegExpExecArray, i: number): unknown {
  return rx.positions[i] ? m.indices![i + 1]![0] + 1 : m[i + 1];
}

/** lstrlib posrelatI: a 1-based start position clipped to [1, ∞). */
function posrelatI(pos: number, len: number): number {
  if (pos > 0) return pos;
  if (pos === 0) return 1;
  if (pos < -len) return 1;
  return len + pos + 1;
}

/** Capture i of a successful match [s, e) (the whole match when there are no captures). */
function getCapture(ms: MatchState, i: number, s: number, e: number): unknown {
  const rs = ms.regexCaps;
  if (rs !== undefined && i < ms.level) return rs[i];
  if (i >= ms.level) {
    if (i !== 0) rterror(`invalid capture index %${i + 1}`);
    return ms.src.slice(s, e);
  }
  const len = ms.capLen[i];
  const init = ms.capInit[i];
  if (len === CAP_UNFINISHED) rterror("unfinished capture");
  if (len === CAP_POSITION) return init + 1;
  return ms.src.slice(init, init + len);
}

/** All captures (or the whole match when s >= 0 and there are none) in the result convention. */
function pushCaptures(ms: MatchState, s: number, e: number): unknown {
  const n = ms.level === 0 && s >= 0 ? 1 : ms.level;
  if (n === 1) return getCapture(ms, 0, s, e);
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) out[i] = getCapture(ms, i, s, e);
  return out;
}

/** No magic characters at all (')' is not "special" to find, but the matcher rejects it). */
function isLiteral(p: string): boolean {
  return noSpecials(p) && p.indexOf(")") < 0;
}

function findAux(args: unknown[], find: boolean): unknown {
  const fname = find ? "find" : "match";
  const s = checkString(args, 1, fname);
  const p = checkString(args, 2, fname);
  const ls = s.length;
  const init = posrelatI(optIntN(args, 3, fname, 1), ls) - 1;
  if (init > ls) return undefined;
  if (find ? truthy(args[3]) || noSpecials(p) : isLiteral(p)) {
    const i = s.indexOf(p, init);
    if (i < 0) return undefined;
    return find ? [i + 1, i + p.length] : p;
  }
  const anchor = p.charCodeAt(0) === 94;
  const pstart = anchor ? 1 : 0;
  const rx = compilePattern(anchor ? p.slice(1) : p);
  if (rx !== null) {
    const re = anchor ? rx.sticky : rx.search;
    re.lastIndex = init;
    const m = re.exec(s);
    if (m === null) return undefined;
    const n = rx.captures;
    if (!find) {
      if (n === 0) return m[0];
      if (n === 1) return regexCapture(rx, m, 0);
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = regexCapture(rx, m, i);
      return out;
    }
    const s1 = m.index;
    const out: unknown[] = [s1 + 1, s1 + m[0].length];
    for (let i = 0; i < n; i++) out.push(regexCapture(rx, m, i));
    return out;
  }
  const ms = new MatchState(s, p);
  const lit = anchor ? -1 : firstLiteral(p, pstart);
  const litStr = lit >= 0 ? String.fromCharCode(lit) : "";
  let s1 = init;
  do {
    if (lit >= 0) {
      s1 = s.indexOf(litStr, s1);
      if (s1 < 0) break;
    }
    ms.reset();
    const res = doMatch(ms, s1, pstart);
    if (res !== -1) {
      if (!find) return pushCaptures(ms, s1, res);
      if (ms.level === 0) return [s1 + 1, res];
      const caps = pushCaptures(ms, -1, 0);
      return Array.isArray(caps) ? [s1 + 1, res, ...caps] : [s1 + 1, res, caps];
    }
  } while (s1++ < ls && !anchor);
  return undefined;
}

export function str_find(...args: unknown[]): unknown {
  return findAux(args, true);
}

export function str_match(...args: unknown[]): unknown {
  return findAux(args, false);
}


/** Registers each of gmatch's two iterator functions as a builtin once (asBuiltin), not per call. */
const namedSites = [false, false];
function named<F extends Function>(site: number, f: F): F {
  if (!namedSites[site]) {
    asBuiltin(f);
    namedSites[site] = true;
  }
  return f;
}

export function str_gmatch(...args: unknown[]): unknown {
  const s = checkString(args, 1, "gmatch");
  const p = checkString(args, 2, "gmatch");
  const ls = s.length;
  let src = posrelatI(optIntN(args, 3, "gmatch", 1), ls) - 1;
  if (src > ls) src = ls + 1;
  let lastmatch = -1;
  const rx = compilePattern(p);
  const set = rx?.byteSet;
  if (set !== undefined) {
    // one single-character item, alone or with '+' (`[^,]+`, `%S+`, `%d`): scan the bytes,
    // without a RegExp match object per result (matches are never empty)
    const run = rx!.run;
    return named(0, function gmatch_aux(): unknown {
      while (src < ls && set[s.charCodeAt(src)] !== 1) src++;
      if (src >= ls) {
        src = ls + 1;
        return EMPTY;
      }
      const start = src++;
      if (run) while (src < ls && set[s.charCodeAt(src)] === 1) src++;
      return s.slice(start, src);
    });
  }
  if (rx !== null) {
    const re = rx.search;
    const n = rx.captures;
    return named(0, function gmatch_aux(): unknown {
      while (src <= ls) {
        re.lastIndex = src;
        const m = re.exec(s);
        if (m === null) {
          src = ls + 1;
          break;
        }
        const start = m.index, e = start + m[0].length;
        if (e === lastmatch) {
          src = start + 1; // an empty match where the last one ended: move on
          continue;
        }
        src = lastmatch = e;
        if (n === 0) return m[0];
        if (n === 1) return regexCapture(rx, m, 0);
        const out = new Array<unknown>(n);
        for (let i = 0; i < n; i++) out[i] = regexCapture(rx, m, i);
        return out;
      }
      return EMPTY;
    });
  }
  const ms = new MatchState(s, p);
  const lit = firstLiteral(p, 0);
  const litStr = lit >= 0 ? String.fromCharCode(lit) : "";
  return named(1, function gmatch_aux(): unknown {
    for (; src <= ls; src++) {
      if (lit >= 0) {
        const i = s.indexOf(litStr, src);
        if (i < 0) {
          src = ls + 1;
          break;
        }
        src = i;
      }
      ms.reset();
      const e = doMatch(ms, src, 0);
      if (e !== -1 && e !== lastmatch) {
        const start = src;
        src = lastmatch = e;
        return pushCaptures(ms, start, e);
      }
    }
    return EMPTY;
  });
}

/** Appends the replacement string for a match, expanding %0-%9 and %%. */
function addString(ms: MatchState, out: string[], repl: string, s: number, e: number): void {
  let start = 0;
  for (let i = repl.indexOf("%"); i >= 0; i = repl.indexOf("%", start)) {
    if (i > start) out.push(repl.slice(start, i));
    const c = i + 1 < repl.length ? repl.charCodeAt(i + 1) : 0;
    if (c === 37) out.push("%");
    else if (c === 48) out.push(ms.src.slice(s, e));
    else if (c >= 49 && c <= 57) {
      const v = getCapture(ms, c - 49, s, e);
      out.push(typeof v === "string" ? v : String(v));
    } else rterror("invalid use of '%' in replacement string");
    start = i + 2;
  }
  if (start < repl.length) out.push(start === 0 ? repl : repl.slice(start));
}

/** Appends the replacement for a match by a table or function (or keeps the match). */
function addValue(ms: MatchState, out: string[], repl: unknown, s: number, e: number): void {
  let v: unknown;
  if (repl instanceof LuaTable) v = index(repl, getCapture(ms, 0, s, e));
  else {
    const caps = pushCaptures(ms, s, e);
    v = first(Array.isArray(caps) ? call(repl)(...caps) : call(repl)(caps));
  }
  if (!truthy(v)) out.push(ms.src.slice(s, e));
  else if (typeof v === "string") out.push(v);
  else if (isNumber(v)) out.push(numberToString(v));
  else rterror(`invalid replacement value (a ${type(v)})`);
}

export function str_gsub(...args: unknown[]): unknown {
  const src = checkString(args, 1, "gsub");
  const p = checkString(args, 2, "gsub");
  const srcl = src.length;
  let repl = args[2];
  const maxS = optIntN(args, 4, "gsub", srcl + 1);
  if (isNumber(repl)) repl = numberToString(repl);
  else if (typeof repl !== "string" && typeof repl !== "function" && !(repl instanceof LuaTable)) {
    typeError(args, 3, "gsub", "string/function/table");
  }
  const anchor = p.charCodeAt(0) === 94;
  const plain = p.length > 0 && isLiteral(p);
  const rx = plain ? null : compilePattern(anchor ? p.slice(1) : p);
  if (rx !== null && !anchor && typeof repl === "string" && args[3] === undefined) {
    const r = nativeGsub(src, rx, repl);
    if (r !== undefined) return r;
  }
  const pstart = anchor ? 1 : 0;
  const lit = anchor ? -1 : firstLiteral(p, pstart);
  const litStr = lit >= 0 ? String.fromCharCode(lit) : "";
  const ms = new MatchState(src, p);
  const out: string[] = [];
  let pos = 0, copyFrom = 0, lastmatch = -1, n = 0;
  while (n < maxS) {
    let e: number;
    if (rx !== null) {
      const re = anchor ? rx.sticky : rx.search;
      re.lastIndex = pos;
      const m = re.exec(src);
      if (m === null) break;
      pos = m.index;
      e = pos + m[0].length;
      fillCaptures(ms, rx, m);
    } else if (plain) {
      pos = src.indexOf(p, pos);
      if (pos < 0) break;
      e = pos + p.length;
    } else {
      if (lit >= 0) {
        pos = src.indexOf(litStr, pos);
        if (pos < 0) break;
      }
      ms.reset();
      e = doMatch(ms, pos, pstart);
    }
    if (e !== -1 && e !== lastmatch) {
      n++;
      if (pos > copyFrom) out.push(src.slice(copyFrom, pos));
      if (typeof repl === "string") addString(ms, out, repl, pos, e);
      else addValue(ms, out, repl, pos, e);
      pos = copyFrom = lastmatch = e;
    } else if (pos < srcl) pos++;
    else break;
    if (anchor) break;
  }
  if (n === 0) return [src, 0];
  if (copyFrom < srcl) out.push(src.slice(copyFrom));
  return [out.join(""), n];
}
