// Errors lua5.4 finds later than luaparse: a `break` outside a loop and a `goto` with no visible
// label are raised when the enclosing function ends; label errors at the token after the label.
import type { Chunk } from "luaparse";
import { TOKEN_EOF, TOKEN_IDENT, TOKEN_KEYWORD, lexer, tokensBefore } from "./lex.ts";
import { nextToken } from "./next-token.ts";
import { LuaSyntaxError } from "./syntax-error.ts";

/** An error lua5.4 raises only at the end of the enclosing function: the statement and message. */
export class Deferred extends Error {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
  constructor(offset: number, length: number, text: string) {
    super(text);
    this.offset = offset;
    this.length = length;
    this.text = text;
  }
}

export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** The line of the token after the label whose name starts at `nameAt` (`name ::`), as lua5.4 reports label errors. */
function lineAfterLabel(src: string, nameAt: number): number {
  const m = /^[A-Za-z_]\w*\s*::/.exec(src.slice(nameAt, nameAt + 300));
  const end = m ? nameAt + m[0].length : nameAt;
  return lineAt(src, nextToken(src, end).offset);
}

/** luaparse's goto and label errors, with lua5.4's lines (undefined: not one of them). */
export function gotoError(src: string, message: string, index: number, chunk: string): Error | undefined {
  let m = /^no visible label '(.*)' for <goto>$/.exec(message);
  if (m) {
    const g = /^goto\s+[A-Za-z_]\w*/.exec(src.slice(index, index + 300));
    if (g) return new Deferred(index, g[0].length, `no visible label '${m[1]}' for <goto> at line ${lineAt(src, index)}`);
  }
  m = /^<goto (.*)> (jumps into the scope of local '.*')$/.exec(message);
  if (m) {
    // raised where the label is defined: the first `::name::` after the goto
    const label = new RegExp(`::\\s*${m[1]}\\s*::`).exec(src.slice(index));
    const line = label ? lineAfterLabel(src, index + label.index + label[0].indexOf(m[1])) : lineAt(src, index);
    return new LuaSyntaxError(chunk, line, `<goto ${m[1]}> at line ${lineAt(src, index)} ${m[2]}`);
  }
  if (/^label '.*' already defined on line \d+$/.test(message)) return new LuaSyntaxError(chunk, lineAfterLabel(src, index), message);
  return undefined;
}

/** The `break` token that ends before `index` (the last one lexed before it). */
export function breakBefore(src: string, index: number): number {
  let found = -1;
  try {
    const lx = lexer(src);
    for (let t = lx.lex(); t.type !== TOKEN_EOF && t.range[0] < index; t = lx.lex()) {
      if (t.type === TOKEN_KEYWORD && t.value === "break") found = t.range[0];
    }
  } catch {
    // a lexical error: keep what was found before it
  }
  return found;
}

/**
 * lua5.4's error for stray breaks and gotos: raised when the first function holding one closes,
 * at the line of the token after its `end` (or of <eof> for the main chunk); within a function,
 * the first one in the source.
 */
export function deferredError(source: string, chunk: string, ast: Chunk, found: Deferred[]): LuaSyntaxError {
  const ends = found.map((d) => enclosingFunctionEnd(ast, d.offset) ?? source.length);
  let k = 0;
  for (let i = 1; i < found.length; i++) {
    if (ends[i] < ends[k] || (ends[i] === ends[k] && found[i].offset < found[k].offset)) k = i;
  }
  return new LuaSyntaxError(chunk, lineAt(source, nextToken(source, ends[k]).offset), found[k].text);
}

/** The end offset of the innermost function whose body contains `offset` (undefined: main chunk). */
function enclosingFunctionEnd(node: unknown, offset: number): number | undefined {
  let best: number | undefined;
  const visit = (n: unknown): void => {
    if (n === null || typeof n !== "object") return;
    if (Array.isArray(n)) {
      for (const c of n) visit(c);
      return;
    }
    const o = n as { type?: string; range?: [number, number] };
    if (o.range !== undefined && (offset < o.range[0] || offset >= o.range[1])) return;
    if (o.type === "FunctionDeclaration" && o.range !== undefined) best = o.range[1];
    for (const k in o) if (k !== "range" && k !== "loc") visit((o as Record<string, unknown>)[k]);
  };
  visit(node);
  return best;
}

/**
 * The end offset of the innermost function around `offset`, found from tokens (for a source
 * that does not parse); undefined for the main chunk or when it cannot tell.
 */
export function functionEndByTokens(src: string, offset: number): number | undefined {
  const stack: { what: string; looped?: boolean }[] = [];
  let target = -1;
  try {
    const lx = lexer(src);
    for (let t = lx.lex(); t.type !== TOKEN_EOF; t = lx.lex()) {
      if (target < 0 && t.range[0] >= offset) {
        for (let i = stack.length - 1; i >= 0; i--) if (stack[i].what === "function") { target = i; break; }
        if (target < 0) return undefined; // the main chunk
      }
      if (t.type !== TOKEN_KEYWORD) continue;
      const v = String(t.value);
      const top = stack[stack.length - 1];
      if (v === "do" && top !== undefined && (top.what === "while" || top.what === "for") && !top.looped) top.looped = true;
      else if (v === "function" || v === "if" || v === "while" || v === "for" || v === "do" || v === "repeat") stack.push({ what: v });
      else if (v === "end" || v === "until") {
        stack.pop();
        if (target >= 0 && stack.length === target) return t.range[1];
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * A deferred error whose function closes before a syntax error at `errorOffset` is what lua5.4
 * reports (it finds the stray break or goto when that function ends); undefined otherwise.
 */
export function deferredBefore(source: string, src: string, chunk: string, found: Deferred[], errorOffset: number): LuaSyntaxError | undefined {
  let best: { d: Deferred; end: number } | undefined;
  for (const d of found) {
    const end = functionEndByTokens(src, d.offset);
    if (end === undefined || end > errorOffset) continue;
    if (best === undefined || end < best.end) best = { d, end };
  }
  return best && new LuaSyntaxError(chunk, lineAt(source, nextToken(source, best.end).offset), best.d.text);
}

/**
 * A label repeating an active one (same function, an enclosing or the same open block) before
 * `errorOffset`: lua5.4 reports it when it reads the label, so before a syntax error further on
 * (luaparse checks labels only after parsing). Found from tokens; undefined when there is none.
 */
export function duplicateLabelBefore(src: string, chunk: string, errorOffset: number): LuaSyntaxError | undefined {
  if (!src.includes("::")) return undefined;
  type Frame = { fn: boolean; what: string; looped?: boolean; labels: Map<string, number> };
  const stack: Frame[] = [{ fn: true, what: "chunk", labels: new Map() }];
  const toks = tokensBefore(src, errorOffset);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const v = t.type === TOKEN_KEYWORD || t.value === "::" ? String(t.value) : "";
    const top = stack[stack.length - 1];
    if (v === "function") stack.push({ fn: true, what: v, labels: new Map() });
    else if (v === "do" && (top.what === "while" || top.what === "for") && !top.looped) top.looped = true;
    else if (v === "if" || v === "while" || v === "for" || v === "do" || v === "repeat") stack.push({ fn: false, what: v, labels: new Map() });
    else if ((v === "elseif" || v === "else") && top.what === "if") top.labels = new Map(); // a new branch block
    else if ((v === "end" || v === "until") && stack.length > 1) stack.pop();
    else if (v === "::" && toks[i + 1]?.type === TOKEN_IDENT && toks[i + 2]?.value === "::") {
      const name = String(toks[i + 1].value);
      for (let k = stack.length - 1; k >= 0; k--) {
        const prev = stack[k].labels.get(name);
        if (prev !== undefined) {
          const after = nextToken(src, toks[i + 2].range[1]).offset;
          if (after >= errorOffset) return undefined;
          return new LuaSyntaxError(chunk, lineAt(src, after), `label '${name}' already defined on line ${prev}`);
        }
        if (stack[k].fn) break;
      }
      top.labels.set(name, toks[i + 1].line);
      i += 2;
    }
  }
  return undefined;
}
