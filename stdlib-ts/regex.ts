// regex.match / find / find_all / replace: Rust-regex semantics on (text, pattern) via re2js.
// Texts are matched as UTF-8 bytes, so match offsets index the Lua strings directly.
import { isUtf8 } from "node:buffer";
import { createRequire } from "node:module";
import type { Matcher, RE2JS as RE2JSClass } from "re2js";
import { LuaError, currentLuaFrames } from "../runtime/error.ts";
import { LuaTable } from "../runtime/table.ts";
import { argError, checkString } from "../runtime/lib/args.ts";
import { makeLib } from "../runtime/lib/register.ts";
import { fromJs, toBytes, toJs } from "../runtime/value.ts";
import { PatternError, toRe2Syntax } from "./regex-syntax.ts";

type Re2Module = typeof import("re2js");

let re2: Re2Module | undefined;
function lib(): Re2Module {
  return (re2 ??= createRequire(import.meta.url)("re2js") as Re2Module);
}

function fail(msg: string): never {
  throw new LuaError(msg, currentLuaFrames());
}

const ASCII = /^[\x00-\x7f]*$/;

/** A string argument that must be valid UTF-8 (as the original's conversion requires). */
function utf8Arg(args: unknown[], i: number, fname: string): string {
  const s = checkString(args, i, fname);
  if (!ASCII.test(s) && !isUtf8(toBytes(s))) argError(i, fname, "invalid UTF-8 string");
  return s;
}

const cache = new Map<string, RE2JSClass>();

function compile(pattern: string, fname: string): RE2JSClass {
  let re = cache.get(pattern);
  if (re !== undefined) return re;
  try {
    re = lib().RE2JS.compile(toRe2Syntax(toJs(pattern)));
  } catch (e) {
    if (e instanceof PatternError || e instanceof lib().RE2JSException) {
      fail(`regex.${fname}: invalid pattern: ${fromJs((e as Error).message)}`);
    }
    throw e;
  }
  if (cache.size >= 256) cache.clear();
  cache.set(pattern, re);
  return re;
}

/** Text and pattern from a call, with a matcher over the text's bytes. */
function setup(args: unknown[], fname: string): { text: string; re: RE2JSClass; m: Matcher } {
  const text = utf8Arg(args, 1, fname);
  const pattern = utf8Arg(args, 2, fname);
  const re = compile(pattern, fname);
  const L = lib();
  const m = re.matcher(ASCII.test(text) ? text : L.MatcherInput.utf8(toBytes(text)));
  return { text, re, m };
}

/** Length of the UTF-8 sequence starting with byte `b`. */
function seqLen(b: number): number {
  return b < 0xc0 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}

/**
 * Successive non-overlapping matches as Rust's iterators find them: after an empty match the
 * search resumes one character later, and an empty match right where the previous match ended
 * is skipped. `each` gets the matcher positioned on every match.
 */
function eachMatch(text: string, m: Matcher, each: () => void): void {
  let at = 0;
  let lastEnd = -1;
  while (at <= text.length && m.find(at)) {
    const s = m.start();
    const e = m.end();
    if (s === e) {
      at = e < text.length ? e + seqLen(text.charCodeAt(e)) : e + 1;
      if (e === lastEnd) continue;
    } else {
      at = e;
    }
    lastEnd = e;
    each();
  }
}

function regex_match(...args: unknown[]): unknown {
  const { m } = setup(args, "match");
  return m.find(0);
}

function regex_find(...args: unknown[]): unknown {
  const { text, m } = setup(args, "find");
  if (!m.find(0)) return undefined;
  const groups = new LuaTable();
  for (let g = 1; g <= m.groupCount(); g++) {
    const s = m.start(g);
    if (s >= 0) groups.set(g, text.slice(s, m.end(g)));
  }
  const result = new LuaTable();
  result.set("match", text.slice(m.start(), m.end()));
  result.set("groups", groups);
  return result;
}

function regex_find_all(...args: unknown[]): unknown {
  const { text, m } = setup(args, "find_all");
  const out: string[] = [];
  eachMatch(text, m, () => out.push(text.slice(m.start(), m.end())));
  return new LuaTable(out);
}

const NAME_BYTE = /[0-9A-Za-z_]/;

/** A capture reference at `rep[i]` (a "$"): [group number or name, index after it], as Rust parses. */
function capRef(rep: string, i: number): [number | string, number] | undefined {
  let j = i + 1;
  let name: string;
  if (rep[j] === "{") {
    const close = rep.indexOf("}", j + 1);
    if (close < 0) return undefined;
    name = rep.slice(j + 1, close);
    if (!ASCII.test(name) && !isUtf8(toBytes(name))) return undefined;
    j = close + 1;
  } else {
    while (j < rep.length && NAME_BYTE.test(rep[j])) j++;
    if (j === i + 1) return undefined;
    name = rep.slice(i + 1, j);
  }
  if (/^\+?[0-9]+$/.test(name)) {
    const n = Number(name);
    if (n <= 0xffffffff) return [n, j];
  }
  return [name, j];
}

/** Rust's replacement interpolation: $n, $name, ${n}, ${name}, $$; bad references expand to "". */
function expand(rep: string, text: string, m: Matcher, names: Record<string, number>, ngroups: number): string {
  const parts: string[] = [];
  let i = 0;
  for (;;) {
    const d = rep.indexOf("$", i);
    if (d < 0) break;
    parts.push(rep.slice(i, d));
    if (rep[d + 1] === "$") {
      parts.push("$");
      i = d + 2;
      continue;
    }
    const ref = capRef(rep, d);
    if (ref === undefined) {
      parts.push("$");
      i = d + 1;
      continue;
    }
    const [key, next] = ref;
    i = next;
    const g = typeof key === "number" ? key : Object.hasOwn(names, toJs(key)) ? names[toJs(key)] : -1;
    if (g < 0 || g > ngroups) continue;
    const s = m.start(g);
    if (s >= 0) parts.push(text.slice(s, m.end(g)));
  }
  parts.push(rep.slice(i));
  return parts.join("");
}

function regex_replace(...args: unknown[]): unknown {
  const { text, re, m } = setup(args, "replace");
  const rep = utf8Arg(args, 3, "replace");
  const names = re.namedGroups();
  const ngroups = m.groupCount();
  const parts: string[] = [];
  let last = 0;
  eachMatch(text, m, () => {
    parts.push(text.slice(last, m.start()));
    parts.push(rep.includes("$") ? expand(rep, text, m, names, ngroups) : rep);
    last = m.end();
  });
  if (last === 0 && parts.length === 0) return text;
  parts.push(text.slice(last));
  return parts.join("");
}

export function open(G: LuaTable): void {
  G.set(
    "regex",
    makeLib({ match: regex_match, find: regex_find, find_all: regex_find_all, replace: regex_replace }),
  );
}
