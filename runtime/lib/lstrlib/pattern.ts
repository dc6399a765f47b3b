// Lua 5.4 pattern matching: a port of lstrlib.c's backtracking matcher over byte strings.
//
// Positions are indices into the subject; -1 stands for C's NULL (no match). Reads past the
// end of the pattern or subject give 0, as C's terminating '\0' would.
import { rterror } from "../../error.ts";

export const MAXCAPTURES = 32;
const MAXCCALLS = 200;
export const CAP_UNFINISHED = -1;
export const CAP_POSITION = -2;

const L_ESC = 37; // '%'

// C-locale ctype classes as bits, indexed by byte
const ALPHA = 1, CNTRL = 2, DIGIT = 4, GRAPH = 8, LOWER = 16, PUNCT = 32, SPACE = 64, UPPER = 128, XDIGIT = 256;
const ZERO = 512;
const CTYPE = new Uint16Array(256);
for (let c = 0; c < 256; c++) {
  let m = 0;
  if (c >= 65 && c <= 90) m |= ALPHA | UPPER;
  if (c >= 97 && c <= 122) m |= ALPHA | LOWER;
  if (c >= 48 && c <= 57) m |= DIGIT | XDIGIT;
  if ((c >= 65 && c <= 70) || (c >= 97 && c <= 102)) m |= XDIGIT;
  if (c < 32 || c === 127) m |= CNTRL;
  if (c > 32 && c < 127) m |= GRAPH;
  if (c > 32 && c < 127 && !(m & (ALPHA | DIGIT))) m |= PUNCT;
  if (c === 32 || (c >= 9 && c <= 13)) m |= SPACE;
  if (c === 0) m |= ZERO;
  CTYPE[c] = m;
}

// class letters: their ctype bits, plus NEG for the uppercase (complement) forms
const NEG = 1024;
const CLASS = new Uint16Array(256);
const LETTERS: [string, number][] = [
  ["a", ALPHA], ["c", CNTRL], ["d", DIGIT], ["g", GRAPH], ["l", LOWER], ["p", PUNCT], ["s", SPACE],
  ["u", UPPER], ["w", ALPHA | DIGIT], ["x", XDIGIT], ["z", ZERO], // %z: deprecated, the zero byte
];
for (const [k, m] of LETTERS) {
  CLASS[k.charCodeAt(0)] = m;
  CLASS[k.toUpperCase().charCodeAt(0)] = m | NEG;
}

/** Whether byte c belongs to class letter cl ('a', 'D', …; any other cl matches itself). */
export function matchClass(c: number, cl: number): boolean {
  const k = CLASS[cl];
  if (k === 0) return cl === c;
  const res = (CTYPE[c] & k & ~NEG) !== 0;
  return (k & NEG) !== 0 ? !res : res;
}

export class MatchState {
  src: string;
  pat: string;
  srcEnd: number;
  patEnd: number;
  level = 0;
  matchdepth = MAXCCALLS;
  // plain arrays: typed-array allocation costs more than a whole short match
  capInit: number[] = [];
  capLen: number[] = [];
  /** captures of the last match when it came from a native regex (pattern-regex.ts) */
  regexCaps: unknown[] | undefined = undefined;
  constructor(src: string, pat: string) {
    this.src = src;
    this.pat = pat;
    this.srcEnd = src.length;
    this.patEnd = pat.length;
  }
  /** Resets captures and depth before a new match attempt. */
  reset(): void {
    this.regexCaps = undefined;
    this.level = 0;
    this.matchdepth = MAXCCALLS;
  }
}

function pchar(ms: MatchState, p: number): number {
  return p < ms.patEnd ? ms.pat.charCodeAt(p) : 0;
}

/** Index just after the single-character class starting at p. */
function classEnd(ms: MatchState, p: number): number {
  const c = ms.pat.charCodeAt(p++);
  if (c === L_ESC) {
    if (p >= ms.patEnd) rterror("malformed pattern (ends with '%')");
    return p + 1;
  }
  if (c === 91) { // '['
    if (pchar(ms, p) === 94) p++; // '^'
    do {
      if (p >= ms.patEnd) rterror("malformed pattern (missing ']')");
      const cc = ms.pat.charCodeAt(p++);
      if (cc === L_ESC && p < ms.patEnd) p++;
    } while (pchar(ms, p) !== 93); // ']'
    return p + 1;
  }
  return p;
}

/** c against the set [..] from p ('[') to ec (its ']'). */
function matchBracketClass(ms: MatchState, c: number, p: number, ec: number): boolean {
  const pat = ms.pat;
  let sig = true;
  if (pat.charCodeAt(p + 1) === 94) {
    sig = false;
    p++;
  }
  while (++p < ec) {
    const pc = pat.charCodeAt(p);
    if (pc === L_ESC) {
      p++;
      if (matchClass(c, pchar(ms, p))) return sig;
    } else if (pchar(ms, p + 1) === 45 && p + 2 < ec) { // range a-z
      p += 2;
      if (pc <= c && c <= pat.charCodeAt(p)) return sig;
    } else if (pc === c) return sig;
  }
  return !sig;
}

function singleMatch(ms: MatchState, s: number, p: number, ep: number): boolean {
  if (s >= ms.srcEnd) return false;
  const c = ms.src.charCodeAt(s);
  switch (ms.pat.charCodeAt(p)) {
    case 46: return true; // '.'
    case L_ESC: return matchClass(c, pchar(ms, p + 1));
    case 91: return matchBracketClass(ms, c, p, ep - 1);
    default: return ms.pat.charCodeAt(p) === c;
  }
}

function matchBalance(ms: MatchState, s: number, p: number): number {
  if (p >= ms.patEnd - 1) rterror("malformed pattern (missing arguments to '%b')");
  const src = ms.src;
  if (s >= ms.srcEnd || src.charCodeAt(s) !== ms.pat.charCodeAt(p)) return -1;
  const b = ms.pat.charCodeAt(p), e = ms.pat.charCodeAt(p + 1);
  let cont = 1;
  while (++s < ms.srcEnd) {
    const c = src.charCodeAt(s);
    if (c === e) {
      if (--cont === 0) return s + 1;
    } else if (c === b) cont++;
  }
  return -1;
}

function maxExpand(ms: MatchState, s: number, p: number, ep: number): number {
  let i = 0;
  while (singleMatch(ms, s + i, p, ep)) i++;
  while (i >= 0) {
    const res = doMatch(ms, s + i, ep + 1);
    if (res !== -1) return res;
    i--;
  }
  return -1;
}

function minExpand(ms: MatchState, s: number, p: number, ep: number): number {
  for (;;) {
    const res = doMatch(ms, s, ep + 1);
    if (res !== -1) return res;
    if (singleMatch(ms, s, p, ep)) s++;
    else return -1;
  }
}

function startCapture(ms: MatchState, s: number, p: number, what: number): number {
  const level = ms.level;
  if (level >= MAXCAPTURES) rterror("too many captures");
  ms.capInit[level] = s;
  ms.capLen[level] = what;
  ms.level = level + 1;
  const res = doMatch(ms, s, p);
  if (res === -1) ms.level--;
  return res;
}

function endCapture(ms: MatchState, s: number, p: number): number {
  let l = ms.level - 1;
  for (; l >= 0; l--) if (ms.capLen[l] === CAP_UNFINISHED) break;
  if (l < 0) rterror("invalid pattern capture");
  ms.capLen[l] = s - ms.capInit[l];
  const res = doMatch(ms, s, p);
  if (res === -1) ms.capLen[l] = CAP_UNFINISHED;
  return res;
}

function matchCapture(ms: MatchState, s: number, digit: number): number {
  const l = digit - 49; // '1'
  if (l < 0 || l >= ms.level || ms.capLen[l] === CAP_UNFINISHED) {
    rterror(`invalid capture index %${l + 1}`);
  }
  const len = ms.capLen[l];
  if (len < 0 || ms.srcEnd - s < len) return -1; // a position capture never matches
  const init = ms.capInit[l];
  const src = ms.src;
  for (let i = 0; i < len; i++) if (src.charCodeAt(init + i) !== src.charCodeAt(s + i)) return -1;
  return s + len;
}

/** Matches pattern from p against the subject from s: the end of the match, or -1. */
export function doMatch(ms: MatchState, s: number, p: number): number {
  if (ms.matchdepth-- === 0) rterror("pattern too complex");
  const pat = ms.pat;
  loop: while (p !== ms.patEnd) {
    const c = pat.charCodeAt(p);
    switch (c) {
      case 40: // '('
        if (pchar(ms, p + 1) === 41) s = startCapture(ms, s, p + 2, CAP_POSITION);
        else s = startCapture(ms, s, p + 1, CAP_UNFINISHED);
        break loop;
      case 41: // ')'
        s = endCapture(ms, s, p + 1);
        break loop;
      case 36: // '$'
        if (p + 1 === ms.patEnd) {
          if (s !== ms.srcEnd) s = -1;
          break loop;
        }
        break;
      case L_ESC: {
        const nc = pchar(ms, p + 1);
        if (nc === 98) { // %b
          s = matchBalance(ms, s, p + 2);
          if (s !== -1) {
            p += 4;
            continue loop;
          }
          break loop;
        }
        if (nc === 102) { // %f
          p += 2;
          if (pchar(ms, p) !== 91) rterror("missing '[' after '%f' in pattern");
          const ep = classEnd(ms, p);
          const prev = s === 0 ? 0 : ms.src.charCodeAt(s - 1);
          const cur = s < ms.srcEnd ? ms.src.charCodeAt(s) : 0;
          if (!matchBracketClass(ms, prev, p, ep - 1) && matchBracketClass(ms, cur, p, ep - 1)) {
            p = ep;
            continue loop;
          }
          s = -1;
          break loop;
        }
        if (nc >= 48 && nc <= 57) { // %0-%9
          s = matchCapture(ms, s, nc);
          if (s !== -1) {
            p += 2;
            continue loop;
          }
          break loop;
        }
        break;
      }
    }
    // default: a single-character class with an optional quantifier
    const ep = classEnd(ms, p);
    const q = pchar(ms, ep);
    if (!singleMatch(ms, s, p, ep)) {
      if (q === 42 || q === 63 || q === 45) { // '*' '?' '-' accept empty
        p = ep + 1;
        continue;
      }
      s = -1;
      break;
    }
    switch (q) {
      case 63: { // '?'
        const res = doMatch(ms, s + 1, ep + 1);
        if (res !== -1) {
          s = res;
          break loop;
        }
        p = ep + 1;
        continue loop;
      }
      case 43: // '+'
        s = maxExpand(ms, s + 1, p, ep);
        break loop;
      case 42: // '*'
        s = maxExpand(ms, s, p, ep);
        break loop;
      case 45: // '-'
        s = minExpand(ms, s, p, ep);
        break loop;
      default:
        s++;
        p = ep;
    }
  }
  ms.matchdepth++;
  return s;
}

/** Lua's magic characters `^$*+?.([%-`, by byte (a loop over a short pattern costs less than a RegExp test) */
const SPECIAL = new Uint8Array(128);
for (const c of "^$*+?.([%-") SPECIAL[c.charCodeAt(0)] = 1;

/** Whether a pattern has no magic characters (so a plain substring search does). */
export function noSpecials(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c < 128 && SPECIAL[c] === 1) return false;
  }
  return true;
}

/**
 * The byte a match starting at pattern index p must begin with, or -1 when unknown: lets
 * searches skip ahead with indexOf. Only a plain character not followed by '*', '?' or '-'.
 */
export function firstLiteral(pat: string, p: number): number {
  if (p >= pat.length) return -1;
  const c = pat.charCodeAt(p);
  // specials, plus ')' which must still raise its error at the first attempt
  if (c === 94 || c === 36 || c === 42 || c === 43 || c === 63 || c === 46 || c === 40 || c === 41 ||
      c === 91 || c === 37 || c === 45) return -1;
  const q = p + 1 < pat.length ? pat.charCodeAt(p + 1) : 0;
  if (q === 42 || q === 63 || q === 45) return -1;
  return c;
}
