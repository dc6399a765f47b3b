// fs.glob: shell-style patterns (*, ?, [...], [!...], **) walked like Rust's glob crate —
// one pattern per path component, directory entries visited in sorted order.
import { readdirSync, lstatSync, statSync } from "node:fs";
import { fromJs, toBytes, toJs } from "../runtime/value.ts";

type Spec = [string, string];
type Token =
  | { k: "char"; c: string }
  | { k: "any" }
  | { k: "seq" }
  | { k: "rec" }
  | { k: "within"; specs: Spec[] }
  | { k: "except"; specs: Spec[] };

interface Pattern {
  tokens: Token[];
  recursive: boolean;
}

export class PatternError extends Error {
  constructor(pos: number, msg: string) {
    super(`Pattern syntax error near position ${pos}: ${msg}`);
  }
}

function specsOf(cs: string[]): Spec[] {
  const out: Spec[] = [];
  for (let i = 0; i < cs.length;) {
    if (i + 3 <= cs.length && cs[i + 1] === "-") {
      out.push([cs[i], cs[i + 2]]);
      i += 3;
    } else {
      out.push([cs[i], cs[i]]);
      i++;
    }
  }
  return out;
}

/** Parses one pattern (a whole pattern or one component); throws PatternError. */
function parse(pattern: string): Pattern {
  const cs = [...pattern];
  const tokens: Token[] = [];
  let recursive = false;
  let i = 0;
  while (i < cs.length) {
    const c = cs[i];
    if (c === "?") {
      tokens.push({ k: "any" });
      i++;
    } else if (c === "*") {
      const old = i;
      while (i < cs.length && cs[i] === "*") i++;
      const count = i - old;
      if (count > 2) throw new PatternError(old + 2, "wildcards are either regular `*` or recursive `**`");
      if (count === 1) {
        tokens.push({ k: "seq" });
        continue;
      }
      if (!(i === 2 || cs[i - count - 1] === "/")) throw new PatternError(old - 1, "recursive wildcards must form a single path component");
      if (i < cs.length && cs[i] === "/") i++;
      else if (i !== cs.length) throw new PatternError(i, "recursive wildcards must form a single path component");
      recursive = true;
      if (tokens.at(-1)?.k !== "rec") tokens.push({ k: "rec" });
    } else if (c === "[") {
      if (i + 4 <= cs.length && cs[i + 1] === "!") {
        const j = cs.indexOf("]", i + 3);
        if (j >= 0) {
          tokens.push({ k: "except", specs: specsOf(cs.slice(i + 2, j)) });
          i = j + 1;
          continue;
        }
      } else if (i + 3 <= cs.length && cs[i + 1] !== "!") {
        const j = cs.indexOf("]", i + 2);
        if (j >= 0) {
          tokens.push({ k: "within", specs: specsOf(cs.slice(i + 1, j)) });
          i = j + 1;
          continue;
        }
      }
      throw new PatternError(i, "invalid range pattern");
    } else {
      tokens.push({ k: "char", c });
      i++;
    }
  }
  return { tokens, recursive };
}

function inSpecs(specs: Spec[], c: string): boolean {
  return specs.some(([a, b]) => cmp(a, c) <= 0 && cmp(c, b) <= 0);
}

function cmp(a: string, b: string): number {
  return a.codePointAt(0)! - b.codePointAt(0)!;
}

/** Whether the name (code points) matches the tokens from position t. */
function matchFrom(tokens: Token[], t: number, name: string[], n: number): boolean {
  for (; t < tokens.length; t++) {
    const tok = tokens[t];
    if (tok.k === "seq" || tok.k === "rec") {
      for (let k = n; k <= name.length; k++) if (matchFrom(tokens, t + 1, name, k)) return true;
      return false;
    }
    if (n >= name.length) return false;
    const c = name[n++];
    if (tok.k === "char" ? tok.c !== c
      : tok.k === "within" ? !inSpecs(tok.specs, c)
      : tok.k === "except" ? inSpecs(tok.specs, c) : false) return false;
  }
  return n === name.length;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function matches(p: Pattern, nameBytes: string): boolean {
  let name: string;
  try {
    name = utf8.decode(toBytes(nameBytes));
  } catch {
    return false; // non-UTF-8 names never match (Rust skips them)
  }
  return matchFrom(p.tokens, 0, [...name], 0);
}

/** The pattern's text when it has no wildcards (as a byte string). */
function literal(p: Pattern): string | undefined {
  let s = "";
  for (const t of p.tokens) {
    if (t.k !== "char") return undefined;
    s += t.c;
  }
  return fromJs(s);
}

function isDir(path: string): boolean {
  try {
    return statSync(toBytes(path)).isDirectory();
  } catch {
    return false;
  }
}

function present(path: string): boolean {
  try {
    lstatSync(toBytes(path));
    return true;
  } catch {
    return false;
  }
}

function join(dir: string, name: string): string {
  if (name.startsWith("/")) return name;
  return dir.endsWith("/") ? dir + name : dir + "/" + name;
}

function fileName(path: string): string | undefined {
  const trimmed = path.replace(/\/+$/, "");
  const base = trimmed.slice(trimmed.lastIndexOf("/") + 1);
  return base === ".." || base === "" ? undefined : base;
}

const FINAL = -1;

class Walk {
  todo: [string, number][] = [];
  out: string[] = [];
  pats: Pattern[];
  requireDir: boolean;
  constructor(pats: Pattern[], requireDir: boolean) {
    this.pats = pats;
    this.requireDir = requireDir;
  }

  private add(idx: number, next: string): void {
    if (idx + 1 === this.pats.length) this.todo.push([next, FINAL]);
    else this.fill(idx + 1, next);
  }

  fill(idx: number, path: string): void {
    const p = this.pats[idx];
    const dir = isDir(path);
    const curdir = path === ".";
    const lit = literal(p);
    if (lit !== undefined) {
      const special = lit === "." || lit === "..";
      const next = curdir ? lit : join(path, lit);
      if ((special && dir) || (!special && present(next))) this.add(idx, next);
      return;
    }
    if (!dir) return;
    let names: string[];
    try {
      names = (readdirSync(toBytes(path), { encoding: "buffer" }) as Buffer[]).map((b) => b.toString("latin1"));
    } catch {
      return; // unreadable directories are skipped
    }
    names.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    for (const n of names) this.todo.push([curdir ? n : join(path, n), idx]);
    const t0 = p.tokens[0];
    if (t0?.k === "char" && t0.c === ".") {
      for (const special of [".", ".."]) if (matches(p, special)) this.add(idx, join(path, special));
    }
  }

  run(): string[] {
    const n = this.pats.length;
    while (this.todo.length > 0) {
      const [path, i] = this.todo.pop()!;
      let idx = i;
      if (idx === FINAL) {
        if (!this.requireDir || isDir(path)) this.out.push(path);
        continue;
      }
      if (this.pats[idx].recursive) {
        let next = idx;
        while (next + 1 < n && this.pats[next + 1].recursive) next++;
        if (isDir(path)) {
          this.fill(next, path);
          if (next === n - 1) {
            this.out.push(path);
            continue;
          }
        } else if (next === n - 1) continue;
        idx = next + 1;
      }
      const name = fileName(path);
      if (name === undefined || !matches(this.pats[idx], name)) continue;
      if (idx === n - 1) {
        if (!this.requireDir || isDir(path)) this.out.push(path);
      } else {
        this.fill(idx + 1, path);
      }
    }
    return this.out;
  }
}

/** Paths matching a pattern (byte strings in, byte strings out); throws PatternError. */
export function glob(pattern: string): string[] {
  const text = toJs(pattern);
  parse(text);
  const rootLen = pattern.startsWith("/") ? 1 : 0;
  const rest = pattern.slice(rootLen);
  const parts = rest.split("/");
  if (parts.length > 0 && parts.at(-1) === "") parts.pop();
  const pats = parts.map((c) => parse(toJs(c)));
  if (rootLen === pattern.length) pats.push({ tokens: [], recursive: false });
  const walk = new Walk(pats, pattern.endsWith("/"));
  walk.fill(0, rootLen > 0 ? "/" : ".");
  return walk.run();
}
