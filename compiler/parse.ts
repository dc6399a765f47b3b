// Parsing: luaparse (5.3 grammar) plus a pre-pass for Lua 5.4 local attributes, with syntax
// errors reworded as lua5.4 prints them ("chunk:line: message near 'token'").
import luaparse from "luaparse";
import type { Chunk } from "luaparse";
import { nextToken } from "./next-token.ts";

export class LuaSyntaxError extends Error {
  readonly chunk: string;
  readonly line: number;
  readonly text: string;
  constructor(chunk: string, line: number, text: string) {
    super(`${chunk}:${line}: ${text}`);
    this.name = "LuaSyntaxError";
    this.chunk = chunk;
    this.line = line;
    this.text = text;
  }
}

export type Attribute = "const" | "close";

export interface Parsed {
  ast: Chunk;
  /** names assigned by an assignment statement anywhere in the chunk */
  assignedNames: Set<string>;
  /** local attributes by the source offset of the attributed name */
  attributes: Map<number, Attribute>;
}

const TOKEN_EOF = 1, TOKEN_STRING = 2, TOKEN_KEYWORD = 4, TOKEN_IDENT = 8, TOKEN_NUMBER = 16, TOKEN_PUNCT = 32;

interface Token {
  type: number;
  value: unknown;
  range: [number, number];
  line: number;
}

/**
 * Finds `local name <attrib>` lists, records each attribute and blanks `<attrib>` with spaces
 * so luaparse (which has no 5.4 attributes) accepts the source and offsets stay the same.
 */
function stripAttributes(src: string, chunk: string): { src: string; attributes: Map<number, Attribute> } {
  const attributes = new Map<number, Attribute>();
  if (!/<\s*(const|close|[A-Za-z_]\w*)\s*>/.test(src)) return { src, attributes };
  const tokens: Token[] = [];
  try {
    const lexer = luaparse.parse(src, { wait: true, luaVersion: "5.3" } as luaparse.Options) as unknown as { lex(): Token };
    for (let t = lexer.lex(); t.type !== TOKEN_EOF; t = lexer.lex()) tokens.push(t);
  } catch {
    // a lexical error: strip the attributes before it; the real parse reports the error
  }
  const chars = src.split("");
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== TOKEN_KEYWORD || t.value !== "local") continue;
    let j = i + 1;
    if (tokens[j]?.type === TOKEN_KEYWORD && tokens[j].value === "function") continue;
    while (tokens[j]?.type === TOKEN_IDENT) {
      const name = tokens[j];
      j++;
      if (tokens[j]?.type === TOKEN_PUNCT && tokens[j].value === "<" && tokens[j + 1]?.type === TOKEN_IDENT &&
          tokens[j + 2]?.type === TOKEN_PUNCT && tokens[j + 2].value === ">") {
        const attr = tokens[j + 1].value as string;
        if (attr !== "const" && attr !== "close") {
          throw new LuaSyntaxError(chunk, tokens[j + 1].line, `unknown attribute '${attr}'`);
        }
        attributes.set(name.range[0], attr);
        for (let k = tokens[j].range[0]; k < tokens[j + 2].range[1]; k++) chars[k] = " ";
        j += 3;
      }
      if (tokens[j]?.type === TOKEN_PUNCT && tokens[j].value === ",") j++;
      else break;
    }
  }
  return { src: chars.join(""), attributes };
}

/** luaparse's wording → lua5.4's wording. */
function reword(msg: string, line: number): string {
  return msg
    .replace(/^<expression> expected/, "unexpected symbol")
    .replace(/^unexpected (?:symbol|keyword|identifier|string|number|undefined) '(.*)' near .*$/s, "unexpected symbol near '$1'")
    .replace(/^no loop to break near .*$/, `break outside loop at line ${line}`)
    .replace(/^(no visible label '.*' for <goto>)$/, `$1 at line ${line}`)
    .replace(/^(<goto .*>) (jumps into the scope of local '.*')$/, `$1 at line ${line} $2`)
    .replace(/near '<eof>'$/, "near <eof>");
}

/**
 * luaparse refuses \u{…} escapes above U+10FFFF, which Lua 5.4 allows up to 2^31: replace their
 * digits with zeros (same length) for the parser; string values are decoded from the original.
 */
function tameUnicodeEscapes(src: string): string {
  if (!src.includes("\\u{")) return src;
  return src.replace(/\\u\{([0-9a-fA-F]+)\}/g, (m, hex: string) =>
    parseInt(hex, 16) > 0x10ffff && parseInt(hex, 16) < 2 ** 31 ? "\\u{" + "0".repeat(hex.length) + "}" : m);
}

export function parse(source: string, chunk: string): Parsed {
  const stripped = stripAttributes(source, chunk);
  const attributes = stripped.attributes;
  // luaparse rejects hex floats without integer digits (0x.8): same-length stand-in 0x08;
  // numerals are read back from the original source by their range.
  let src = tameUnicodeEscapes(stripped.src).replace(/\b0([xX])\.(?=[0-9a-fA-F])/g, "0$10");
  // a `break` outside a loop or a `goto` with no visible label: luaparse stops there, lua5.4
  // reports it when the enclosing function ends (so errors before that come first). Blank each
  // one and parse on.
  const deferred: Deferred[] = [];
  for (;;) {
    try {
      const parsed = parseClean(src, chunk, attributes);
      if (deferred.length > 0) throw deferredError(source, chunk, parsed.ast, deferred);
      return parsed;
    } catch (e) {
      if (!(e instanceof Deferred)) throw e;
      deferred.push(e);
      src = src.slice(0, e.offset) + ";" + " ".repeat(e.length - 1) + src.slice(e.offset + e.length);
    }
  }
}

/** An error lua5.4 raises only at the end of the enclosing function: the statement and message. */
class Deferred extends Error {
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

function lineAt(source: string, offset: number): number {
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
function gotoError(src: string, message: string, index: number, chunk: string): Error | undefined {
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
function breakBefore(src: string, index: number): number {
  let found = -1;
  try {
    const lexer = luaparse.parse(src, { wait: true, luaVersion: "5.3" } as luaparse.Options) as unknown as { lex(): Token };
    for (let t = lexer.lex(); t.type !== TOKEN_EOF && t.range[0] < index; t = lexer.lex()) {
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
function deferredError(source: string, chunk: string, ast: Chunk, found: Deferred[]): LuaSyntaxError {
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

function parseClean(src: string, chunk: string, attributes: Map<number, Attribute>): Parsed {
  try {
    const assignedNames = new Set<string>();
    const ast = luaparse.parse(src, {
      onCreateNode(node: { type: string; variables?: { type: string; name?: string }[] }) {
        if (node.type === "AssignmentStatement") {
          for (const v of node.variables ?? []) if (v.type === "Identifier" && v.name) assignedNames.add(v.name);
        }
      },
      luaVersion: "5.3",
      locations: true,
      ranges: true,
      scope: false,
      comments: false,
    } as luaparse.Options);
    const empty = emptyArgumentError(src, chunk, src.length);
    if (empty !== undefined) throw empty;
    return { ast, attributes, assignedNames };
  } catch (e) {
    if (e instanceof LuaSyntaxError) throw e;
    const err = e as Error & { line?: number; index?: number };
    if (typeof err.line !== "number") throw e;
    const bare = err.message.replace(/^\[\d+:\d+\] /, "");
    if (/^no loop to break/.test(bare) && err.index !== undefined) {
      const at = breakBefore(src, err.index);
      if (at >= 0) throw new Deferred(at, 5, `break outside loop at line ${lineAt(src, at)}`);
    }
    if (err.index !== undefined) {
      const g = gotoError(src, bare, err.index, chunk);
      if (g !== undefined) throw g;
    }
    let text = reword(err.message.replace(/^\[\d+:\d+\] /, ""), err.line);
    // lexical errors: lua5.4 shows the token read so far (from the opening quote), or <eof>
    // (a string cut by a newline shows its text; luaparse's index is then just past the newline)
    if (/^unfinished string near /.test(text) && (err.index ?? 0) >= src.length && !/[\r\n]/.test(src[(err.index ?? 0) - 1] ?? "")) {
      text = "unfinished string near <eof>";
    } else if (/^invalid escape sequence near /.test(text) && err.index !== undefined) {
      const start = src.lastIndexOf(src[err.index] === '"' || src[err.index] === "'" ? src[err.index] : '"', err.index);
      const m = /^(["'])(?:[^"'\\\n]|\\[abfnrtv\\"'\n]|\\x[0-9a-fA-F]{2}|\\z\s*|\\\d{1,3}|\\u\{[0-9a-fA-F]+\})*\\./.exec(src.slice(start));
      if (m) text = `invalid escape sequence near '${m[0]}'`;
    }
    const closer = /^'(end|\)|\}|until)' expected near (.*)$/s.exec(text);
    if (closer && err.index !== undefined) text = closingContext(src, err.index, err.line, closer[1], closer[2]) ?? text;
    const unexpected = /^unexpected symbol near (.*)$/s.exec(text);
    if (unexpected && err.index !== undefined) {
      text = atChunkEnd(src, err.index, unexpected[1]) ?? text;
      // `f() = 1`, `f(), x = 1`: lua5.4 reads an assignment to a call
      if (text === unexpected[0]) text = assignmentToCall(src, err.index, unexpected[1]) ?? text;
    }
    const forIn = /^'in' expected near (.*)$/s.exec(text);
    if (forIn && err.index !== undefined) {
      // `for a b`: after the first name lua5.4 takes '=' (numeric) or ',' / 'in' (generic)
      const toks = scanTo(src, err.index)?.tokens ?? [];
      const [a, b] = toks.slice(-2);
      if (a?.type === TOKEN_KEYWORD && a.value === "for" && b?.type === TOKEN_IDENT) text = `'=' or 'in' expected near ${forIn[1]}`;
    }
    const assign = /^'=' expected near (.*)$/s.exec(text);
    if (assign && err.index !== undefined) text = notAnAssignment(src, err.index, assign[1]) ?? text;
    const numeral = err.index === undefined ? undefined
      : /^malformed number near /.test(text) ? greedyNumeralAt(src, err.index, err.line) : malformedNumeral(src, err.index);
    if (numeral !== undefined) throw new LuaSyntaxError(chunk, numeral.line, `malformed number near '${numeral.text}'`);
    throw emptyArgumentError(src, chunk, err.index ?? src.length) ?? new LuaSyntaxError(chunk, err.line, text);
  }
}

/** What each opener of lua5.4's check_match is closed by. */
const CLOSES: Record<string, string> = { function: "end", if: "end", while: "end", for: "end", do: "end", repeat: "until", "(": ")", "{": "}" };

interface Opener {
  what: string;
  line: number;
  /** a function's parameter list */
  params: boolean;
  /** a while/for whose `do` has been read */
  looped?: boolean;
}

/**
 * The constructs still open where the parser stopped (`index`), the last token before it, and
 * whether a `return` of the main chunk came before it. Undefined on a lexical error.
 */
function scanTo(src: string, index: number): { stack: Opener[]; last: Token | undefined; topReturn: boolean; tokens: Token[] } | undefined {
  const stack: Opener[] = [];
  const tokens: Token[] = [];
  let awaitingParams = false, topReturn = false;
  let last: Token | undefined;
  try {
    const lexer = luaparse.parse(src, { wait: true, luaVersion: "5.3" } as luaparse.Options) as unknown as { lex(): Token };
    for (let t = lexer.lex(); t.type !== TOKEN_EOF && t.range[0] < index; t = lexer.lex()) {
      const v = t.type === TOKEN_KEYWORD || t.type === TOKEN_PUNCT ? String(t.value) : "";
      const top = stack[stack.length - 1];
      if (v === "function") {
        stack.push({ what: "function", line: t.line, params: false });
        awaitingParams = true;
      } else if (v === "(") {
        stack.push({ what: "(", line: t.line, params: awaitingParams });
        awaitingParams = false;
      } else if (v === "do" && top !== undefined && (top.what === "while" || top.what === "for") && !top.looped) {
        top.looped = true; // the loop's own `do`
      } else if (v === "if" || v === "while" || v === "for" || v === "do" || v === "repeat" || v === "{") {
        stack.push({ what: v, line: t.line, params: false });
      } else if (v === "end" || v === "until" || v === ")" || v === "}") {
        stack.pop();
      } else if (v === "return" && stack.length === 0) {
        topReturn = true;
      }
      if (t.type !== TOKEN_IDENT && v !== "." && v !== ":" && v !== "function") awaitingParams = false;
      last = t;
      tokens.push(t);
    }
  } catch {
    return undefined;
  }
  return { stack, last, topReturn, tokens };
}

/**
 * luaparse reads `f( , x)` as `f(x)` and `return , x` as `return x`; lua5.4 stops at the comma
 * ("unexpected symbol near ','"). The first such comma before `index`, as that error.
 */
function emptyArgumentError(src: string, chunk: string, index: number): LuaSyntaxError | undefined {
  if (!/(\(|\breturn)\s*(--[^\n]*\s*)*,/.test(src)) return undefined;
  try {
    const lexer = luaparse.parse(src, { wait: true, luaVersion: "5.3" } as luaparse.Options) as unknown as { lex(): Token };
    let prev: Token | undefined;
    for (let t = lexer.lex(); t.type !== TOKEN_EOF && t.range[0] <= index; t = lexer.lex()) {
      const opensList = (prev?.type === TOKEN_PUNCT && prev.value === "(") || (prev?.type === TOKEN_KEYWORD && prev.value === "return");
      if (t.type === TOKEN_PUNCT && t.value === "," && opensList) {
        return new LuaSyntaxError(chunk, t.line, "unexpected symbol near ','");
      }
      prev = t;
    }
  } catch {
    // a lexical error: reported by the parse
  }
  return undefined;
}

/** Whether a token can end an expression (a name, a literal, `...`, `end`, or a closing bracket). */
function endsExpression(t: Token | undefined): boolean {
  if (t === undefined) return false;
  if (t.type === TOKEN_PUNCT) return t.value === ")" || t.value === "}" || t.value === "]";
  if (t.type === TOKEN_KEYWORD) return t.value === "end";
  return true; // names, strings, numbers, booleans, nil, `...`
}

/**
 * lua5.4's "<eof> expected" at the main chunk's level: after its `return` and a complete value
 * list (while still reading a value it says "unexpected symbol"), and at a stray `end`,
 * `else`, `elseif` or `until`, which end the chunk's statement list.
 */
function atChunkEnd(src: string, index: number, near: string): string | undefined {
  const scan = scanTo(src, index);
  if (scan === undefined || scan.stack.length !== 0) return undefined;
  // a stray block end after a complete statement (not where an expression is wanted)
  const last = scan.last;
  const afterStatement = last === undefined || endsExpression(last) ||
    (last.type === TOKEN_KEYWORD && last.value === "break") || (last.type === TOKEN_PUNCT && (last.value === ";" || last.value === "::"));
  const blockEnd = /^'(end|else|elseif|until)'$/.test(near) && afterStatement;
  if (blockEnd || (scan.topReturn && endsExpression(last))) return `<eof> expected near ${near}`;
  return undefined;
}

const OPEN_OF: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

/**
 * Where the suffixed expression (`a.b[c]:d(e) "f"`) that ends at tokens[end] starts: walking
 * back over fields, indexes and call arguments to its first name or parenthesis.
 */
function suffixedStart(tokens: Token[], end: number): number {
  let i = end;
  while (i >= 0) {
    const t = tokens[i];
    const v = t.type === TOKEN_PUNCT ? String(t.value) : "";
    if (v in OPEN_OF) {
      let depth = 0, j = i;
      for (; j >= 0; j--) {
        const w = tokens[j].type === TOKEN_PUNCT ? String(tokens[j].value) : "";
        if (w in OPEN_OF) depth++;
        else if (w === "(" || w === "[" || w === "{") {
          if (--depth === 0) break;
        }
      }
      if (j <= 0) return Math.max(j, 0);
      // `(…)` or `{…}` after something that ends an expression is a call's arguments; `[…]` an index
      if (v !== "]" && !endsExpression(tokens[j - 1])) return j;
      i = j - 1;
    } else if (t.type === TOKEN_IDENT) {
      const before = tokens[i - 1];
      if (before?.type === TOKEN_PUNCT && (before.value === "." || before.value === ":")) i -= 2;
      else return i;
    } else if (t.type === TOKEN_STRING && i > 0 && endsExpression(tokens[i - 1])) {
      i--; // a string call argument
    } else {
      return i;
    }
  }
  return 0;
}

/** Whether tokens[start] begins a statement (nothing before it wants an expression there). */
function startsStatement(tokens: Token[], start: number): boolean {
  const before = tokens[start - 1];
  if (before === undefined) return true;
  if (before.type === TOKEN_KEYWORD) return ["do", "then", "else", "end", "repeat", "break"].includes(String(before.value));
  if (before.type === TOKEN_PUNCT) return before.value === ";" || before.value === "::" || String(before.value) in OPEN_OF;
  return true; // a name or literal: the previous statement ended there
}

/**
 * "'=' expected" from luaparse after an expression statement: lua5.4 says "syntax error" unless
 * the statement is a list of targets (its last target follows a comma).
 */
function notAnAssignment(src: string, index: number, near: string): string | undefined {
  const scan = scanTo(src, index);
  if (scan === undefined || scan.tokens.length === 0) return undefined;
  const start = suffixedStart(scan.tokens, scan.tokens.length - 1);
  const before = scan.tokens[start - 1];
  if (before?.type === TOKEN_PUNCT && before.value === ",") return undefined;
  return `syntax error near ${near}`;
}

/**
 * "unexpected symbol" right after a call that is an assignment target: `f() = 1`, `f(), x = 1`
 * at a statement's start, or `a, f() x`: lua5.4 reads an assignment and says "syntax error".
 */
function assignmentToCall(src: string, index: number, near: string): string | undefined {
  const scan = scanTo(src, index);
  if (scan === undefined) return undefined;
  const last = scan.tokens[scan.tokens.length - 1];
  if (last?.type !== TOKEN_PUNCT || last.value !== ")") return undefined;
  const start = suffixedStart(scan.tokens, scan.tokens.length - 1);
  const before = scan.tokens[start - 1];
  const inTargets = before?.type === TOKEN_PUNCT && before.value === ","; // `a, f() x`
  return inTargets || (/^'[,=]'$/.test(near) && startsStatement(scan.tokens, start)) ? `syntax error near ${near}` : undefined;
}

/** lua5.4's extent of the numeral starting at `start` (digits, hex digits, '.', exponents, a touching letter). */
function greedyNumeral(src: string, start: number): string {
  const hex = /^0[xX]/.test(src.slice(start, start + 2));
  const expo = hex ? /[pP]/ : /[eE]/;
  let i = hex ? start + 2 : start;
  for (;;) {
    const c = src[i] ?? "";
    if (expo.test(c)) i += /[+-]/.test(src[i + 1] ?? "") ? 2 : 1;
    else if (/[0-9a-fA-F.]/.test(c)) i++;
    else break;
  }
  if (/[A-Za-z_]/.test(src[i] ?? "")) i++; // a numeral touching a letter is malformed
  return src.slice(start, i);
}

/** luaparse's own "malformed number" (it stops earlier): the numeral around `index`, read as lua5.4 does. */
function greedyNumeralAt(src: string, index: number, line: number): { line: number; text: string } {
  let start = Math.min(index, src.length);
  while (start > 0 && /[0-9A-Za-z_.]/.test(src[start - 1])) start--;
  while (start < index && !/[0-9.]/.test(src[start])) start++; // the numeral starts at a digit or '.'
  return { line, text: greedyNumeral(src, start) };
}

/**
 * lua5.4 reads a numeral greedily (digits, hex digits, '.', exponents with a sign) and calls the
 * whole run malformed if it is not a number ("3..4", "12abc", "1.2.3"), where luaparse reads a
 * shorter numeral and fails later. The first such numeral before `index`, as lua5.4's error.
 */
function malformedNumeral(src: string, index: number): { line: number; text: string } | undefined {
  let lexer: { lex(): Token };
  try {
    lexer = luaparse.parse(src, { wait: true, luaVersion: "5.3" } as luaparse.Options) as unknown as { lex(): Token };
  } catch {
    return undefined;
  }
  try {
    for (let t = lexer.lex(); t.type !== TOKEN_EOF && t.range[0] <= index; t = lexer.lex()) {
      if (t.type !== TOKEN_NUMBER) continue;
      const text = greedyNumeral(src, t.range[0]);
      const hex = /^0[xX]/.test(text);
      const valid = hex ? /^0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)([pP][+-]?[0-9]+)?$/ : /^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
      if (!valid.test(text)) return { line: t.line, text };
    }
  } catch {
    // a lexical error further on: no malformed numeral before it
  }
  return undefined;
}

/**
 * lua5.4's wording for a missing closer: "'end' expected (to close 'if' at line 3) near x" when
 * the opener is on another line than the error, and "unexpected symbol" for `f(` or `{` with
 * nothing readable after them (Lua reads an expression there). Undefined when not applicable.
 */
function closingContext(src: string, index: number, line: number, closer: string, near: string): string | undefined {
  const scan = scanTo(src, index);
  if (scan === undefined) return undefined;
  const { stack, last } = scan;
  // `return` then something that cannot start a value: lua5.4 was reading the values
  if (last?.type === TOKEN_KEYWORD && last.value === "return" && !/^('(end|else|elseif|until)'|<eof>)$/.test(near)) {
    return `unexpected symbol near ${near}`;
  }
  const top = stack[stack.length - 1];
  if (top === undefined || CLOSES[top.what] !== closer) return undefined;
  // `f(`, `{` or `{ a,` then a token that cannot start an expression: lua5.4 was reading one
  const lastPunct = last !== undefined && last.type === TOKEN_PUNCT ? String(last.value) : "";
  if ((closer === ")" && !top.params && lastPunct === "(") || (closer === "}" && (lastPunct === "{" || lastPunct === "," || lastPunct === ";"))) {
    return `unexpected symbol near ${near}`;
  }
  if (top.params || top.line === line) return undefined; // a parameter list, or the same line: plain
  return `'${closer}' expected (to close '${top.what}' at line ${top.line}) near ${near}`;
}
