// Lua patterns as native regular expressions: most patterns (classes, sets, the four
// quantifiers on single items, captures, position captures, anchors) translate one to one into
// a JS RegExp, which V8 compiles to machine code. Both are backtracking matchers that try the
// same alternatives in the same order, so the first match is the same. Patterns using %b, %f or
// back-references, and anything unusual (including malformed patterns, so that the
// interpreter in pattern.ts reports the error), are left to the interpreter (null).

export interface CompiledPattern {
  /** global search from lastIndex */
  search: RegExp;
  /** match exactly at lastIndex */
  sticky: RegExp;
  /** number of Lua captures */
  captures: number;
  /** which captures are position captures `()` */
  positions: boolean[];
  /** whether every match has at least one character (then a native global replace matches gsub) */
  nonEmpty: boolean;
  /** some capture is a position capture */
  anyPosition: boolean;
  /**
   * When the whole pattern is one single-character item, alone or with '+' (`%d`, `[<>&]`,
   * `%s+`): the bytes it matches, so gsub can scan characters instead of calling back per match.
   */
  byteSet: Uint8Array | undefined;
  /** with byteSet: the item is quantified by '+' (a match is a maximal run of set bytes) */
  run: boolean;
}

const CLASS_RANGES: Record<string, string> = {
  a: "A-Za-z",
  d: "0-9",
  l: "a-z",
  u: "A-Z",
  s: "\\t-\\r ",
  w: "A-Za-z0-9",
  x: "0-9A-Fa-f",
  p: "!-/:-@\\[-`{-~",
  c: "\\x00-\\x1f\\x7f",
  g: "!-~",
};

/** A char as a regex atom (escaped when special, \xHH when not printable). */
function lit(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 32 || code > 126) return "\\x" + code.toString(16).padStart(2, "0");
  return /[\\^$.|?*+()[\]{}\/-]/.test(c) ? "\\" + c : c;
}

/** The regex text for a class letter outside a set, or undefined when not translatable. */
function classAtom(l: string): string | undefined {
  const r = CLASS_RANGES[l.toLowerCase()];
  if (r === undefined) {
    if (/[A-Za-z0-9]/.test(l)) return undefined; // %b %f %1…: not for the regex path
    return lit(l);
  }
  return l === l.toLowerCase() ? `[${r}]` : `[^${r}]`;
}

/** Translates a set [...] starting at p (just after '['); returns [atom, index after ']']. */
function translateSet(pat: string, p: number): [string, number] | undefined {
  let out = "[";
  if (pat[p] === "^") {
    out += "^";
    p++;
  }
  let first = true;
  for (;;) {
    if (p >= pat.length) return undefined; // malformed: let the interpreter raise
    const c = pat[p];
    if (c === "]" && !first) return [out + "]", p + 1];
    first = false;
    if (c === "%") {
      const l = pat[p + 1];
      if (l === undefined) return undefined;
      const r = CLASS_RANGES[l];
      if (r !== undefined) out += r;
      else if (CLASS_RANGES[l.toLowerCase()] !== undefined || /[A-Za-z0-9]/.test(l)) return undefined;
      else out += lit(l);
      p += 2;
      continue;
    }
    if (pat[p + 1] === "-" && p + 2 < pat.length && pat[p + 2] !== "]") {
      const hi = pat[p + 2];
      if (hi.charCodeAt(0) < c.charCodeAt(0)) {
        out += ""; // an empty range matches nothing in Lua; JS would reject it
      } else {
        out += `${lit(c)}-${lit(hi)}`;
      }
      p += 3;
      continue;
    }
    out += lit(c);
    p++;
  }
}

interface Translation {
  source: string;
  captures: number;
  positions: boolean[];
  nonEmpty: boolean;
  /** the regex atom when the pattern is exactly one item, unquantified or with '+' */
  lone: { atom: string; run: boolean } | undefined;
}

function translate(pat: string): Translation | undefined {
  let p = 0;
  let items = 0;
  let lone: Translation["lone"];
  let depth = 0;
  let minLen = 0;
  let source = "";
  const positions: boolean[] = [];
  const open: number[] = [];
  while (p < pat.length) {
    const c = pat[p];
    let atom: string;
    if (c === "(") {
      const isPos = pat[p + 1] === ")";
      open.push(positions.length);
      positions.push(isPos);
      depth++;
      if (isPos) {
        open.pop();
        source += "()";
        p += 2;
      } else {
        source += "(";
        p++;
      }
      continue;
    }
    if (c === ")") {
      if (open.length === 0) return undefined;
      open.pop();
      source += ")";
      p++;
      continue;
    }
    if (c === "$" && p === pat.length - 1) {
      source += "$";
      p++;
      continue;
    }
    if (c === "%") {
      const l = pat[p + 1];
      if (l === undefined) return undefined;
      const a = classAtom(l);
      if (a === undefined) return undefined;
      atom = a;
      p += 2;
    } else if (c === "[") {
      const r = translateSet(pat, p + 1);
      if (r === undefined) return undefined;
      [atom, p] = r;
    } else if (c === ".") {
      atom = "[^]";
      p++;
    } else {
      atom = lit(c);
      p++;
    }
    const q = pat[p];
    if (++items === 1 && (q === undefined || (q === "+" && p === pat.length - 1))) lone = { atom, run: q === "+" };
    if (q === "*" || q === "+" || q === "?" || q === "-") depth++;
    if (q !== "*" && q !== "?" && q !== "-") minLen++;
    if (q === "*" || q === "+" || q === "?") {
      source += atom + q;
      p++;
    } else if (q === "-") {
      source += atom + "*?";
      p++;
    } else {
      source += atom;
    }
  }
  if (open.length > 0) return undefined; // unfinished capture: the interpreter raises
  if (positions.length > 32) return undefined;
  // each quantified item or capture is one level of the interpreter's recursion, which lua5.4
  // limits to 200 ("pattern too complex"): leave deep patterns to the interpreter
  if (depth >= 150) return undefined;
  const single = items === 1 && positions.length === 0 && source.charCodeAt(source.length - 1) !== 36;
  return { source, captures: positions.length, positions, nonEmpty: minLen > 0, lone: single ? lone : undefined };
}

/** The bytes (0-255) a one-character regex atom matches. */
function byteSetOf(atom: string): Uint8Array {
  const re = new RegExp("^" + atom + "$");
  const set = new Uint8Array(256);
  for (let c = 0; c < 256; c++) set[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  return set;
}

const cache = new Map<string, CompiledPattern | null>();

/** The native form of a Lua pattern (without its leading '^'), or null when there is none. */
export function compilePattern(pat: string): CompiledPattern | null {
  let c = cache.get(pat);
  if (c !== undefined) return c;
  const t = translate(pat);
  c = null;
  if (t !== undefined) {
    const flags = t.positions.some((x) => x) ? "d" : "";
    try {
      c = {
        search: new RegExp(t.source, "g" + flags),
        sticky: new RegExp(t.source, "y" + flags),
        captures: t.captures,
        positions: t.positions,
        nonEmpty: t.nonEmpty,
        anyPosition: t.positions.some((x) => x),
        byteSet: t.lone === undefined ? undefined : byteSetOf(t.lone.atom),
        run: t.lone?.run ?? false,
      };
    } catch {
      c = null;
    }
  }
  if (cache.size > 1000) cache.clear();
  cache.set(pat, c);
  return c;
}

/** A replacement string split into literal text and capture references (-1: the whole match). */
interface Replacement {
  parts: (string | number)[];
  /** the highest capture number referenced (%1 with no captures means the whole match) */
  maxRef: number;
}

const replacements = new Map<string, Replacement | null>();

/** Splits a replacement string (cached); null when it has an invalid '%' (the generic path raises). */
function parseReplacement(repl: string): Replacement | null {
  let r = replacements.get(repl);
  if (r !== undefined) return r;
  const parts: (string | number)[] = [];
  let maxRef = 0;
  let start = 0;
  r = null;
  for (let i = repl.indexOf("%"); ; i = repl.indexOf("%", start)) {
    if (i < 0) {
      if (start < repl.length) parts.push(repl.slice(start));
      r = { parts, maxRef };
      break;
    }
    if (i > start) parts.push(repl.slice(start, i));
    const c = repl.charCodeAt(i + 1);
    if (c === 37) parts.push("%");
    else if (c === 48) parts.push(-1);
    else if (c >= 49 && c <= 57) {
      parts.push(c - 48);
      maxRef = Math.max(maxRef, c - 48);
    } else break;
    start = i + 2;
  }
  if (replacements.size > 1000) replacements.clear();
  replacements.set(repl, r);
  return r;
}

/** The replacement's parts for a pattern with `captures` captures, or undefined when invalid. */
function replacementParts(repl: string, captures: number): (string | number)[] | undefined {
  const r = parseReplacement(repl);
  if (r === null) return undefined;
  if (r.maxRef <= captures) return r.parts;
  if (captures === 0 && r.maxRef === 1) return r.parts.map((x) => (x === 1 ? -1 : x));
  return undefined; // the generic path raises Lua's error
}

/**
 * gsub with a replacement string in one native pass, when that is exactly Lua's loop: matches
 * never empty, no position captures, every %n valid. Returns [result, count] or undefined.
 */
export function nativeGsub(src: string, rx: CompiledPattern, repl: string): [string, number] | undefined {
  if (!rx.nonEmpty || rx.anyPosition) return undefined;
  const parts = replacementParts(repl, rx.captures);
  if (parts === undefined) return undefined;
  if (rx.byteSet !== undefined) return byteSetGsub(src, rx.byteSet, rx.run, parts);
  let n = 0;
  rx.search.lastIndex = 0;
  if (parts.length === 0 || (parts.length === 1 && typeof parts[0] === "string")) {
    const text = parts.length === 0 ? "" : (parts[0] as string);
    const out = src.replace(rx.search, () => {
      n++;
      return text;
    });
    return [out, n];
  }
  // fixed parameters (the match, then up to 9 captures) rather than a rest array per match
  const out = src.replace(rx.search, (m0: string, c1: string, c2: string, c3: string, c4: string, c5: string,
    c6: string, c7: string, c8: string, c9: string): string => {
    n++;
    let r = "";
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (typeof part === "string") r += part;
      else {
        switch (part) {
          case -1: r += m0; break;
          case 1: r += c1; break;
          case 2: r += c2; break;
          case 3: r += c3; break;
          case 4: r += c4; break;
          case 5: r += c5; break;
          case 6: r += c6; break;
          case 7: r += c7; break;
          case 8: r += c8; break;
          default: r += c9; break;
        }
      }
    }
    return r;
  });
  return [out, n];
}

/**
 * gsub of a one-item pattern (a byte set, or a run of set bytes with `run`) by scanning the
 * string: no regex callback per match. `parts` as nativeGsub splits the replacement (only the
 * whole match, -1, can be referenced: the pattern has no captures).
 */
function byteSetGsub(src: string, set: Uint8Array, run: boolean, parts: (string | number)[]): [string, number] {
  const literal = parts.length === 0 || (parts.length === 1 && typeof parts[0] === "string");
  const text = parts.length === 0 ? "" : (parts[0] as string);
  const len = src.length;
  let out = "";
  let n = 0;
  let copyFrom = 0;
  for (let i = 0; i < len; i++) {
    if (set[src.charCodeAt(i)] !== 1) continue;
    let e = i + 1;
    if (run) while (e < len && set[src.charCodeAt(e)] === 1) e++;
    n++;
    if (i > copyFrom) out += src.slice(copyFrom, i);
    if (literal) out += text;
    else {
      const m = src.slice(i, e);
      for (let k = 0; k < parts.length; k++) {
        const part = parts[k];
        out += typeof part === "string" ? part : m;
      }
    }
    copyFrom = e;
    i = e - 1;
  }
  if (n === 0) return [src, 0];
  if (copyFrom < len) out += src.slice(copyFrom);
  return [out, n];
}
