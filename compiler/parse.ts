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

const TOKEN_EOF = 1, TOKEN_KEYWORD = 4, TOKEN_IDENT = 8, TOKEN_PUNCT = 32;

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
  let tokens: Token[];
  try {
    const lexer = luaparse.parse(src, { wait: true, luaVersion: "5.3" } as luaparse.Options) as unknown as { lex(): Token };
    tokens = [];
    for (let t = lexer.lex(); t.type !== TOKEN_EOF; t = lexer.lex()) tokens.push(t);
  } catch {
    return { src, attributes }; // let the real parse report the lexical error
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
    return { ast, attributes, assignedNames };
  } catch (e) {
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
    if (/^unfinished string near /.test(text) && (err.index ?? 0) >= src.replace(/\s+$/, "").length) {
      text = "unfinished string near <eof>";
    } else if (/^invalid escape sequence near /.test(text) && err.index !== undefined) {
      const start = src.lastIndexOf(src[err.index] === '"' || src[err.index] === "'" ? src[err.index] : '"', err.index);
      const m = /^(["'])(?:[^"'\\\n]|\\[abfnrtv\\"'\n]|\\x[0-9a-fA-F]{2}|\\z\s*|\\\d{1,3}|\\u\{[0-9a-fA-F]+\})*\\./.exec(src.slice(start));
      if (m) text = `invalid escape sequence near '${m[0]}'`;
    }
    const closer = /^'(end|\)|\}|until)' expected near (.*)$/s.exec(text);
    if (closer && err.index !== undefined) text = closingContext(src, err.index, err.line, closer[1], closer[2]) ?? text;
    const unexpected = /^unexpected symbol near (.*)$/s.exec(text);
    if (unexpected && err.index !== undefined) text = afterTopReturn(src, err.index, unexpected[1]) ?? text;
    throw new LuaSyntaxError(chunk, err.line, text);
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
function scanTo(src: string, index: number): { stack: Opener[]; last: Token | undefined; topReturn: boolean } | undefined {
  const stack: Opener[] = [];
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
    }
  } catch {
    return undefined;
  }
  return { stack, last, topReturn };
}

/** Whether a token can end an expression (a name, a literal, `...`, `end`, or a closing bracket). */
function endsExpression(t: Token | undefined): boolean {
  if (t === undefined) return false;
  if (t.type === TOKEN_PUNCT) return t.value === ")" || t.value === "}" || t.value === "]";
  if (t.type === TOKEN_KEYWORD) return t.value === "end";
  return true; // names, strings, numbers, booleans, nil, `...`
}

/**
 * After the main chunk's `return` and a complete value list only <eof> may follow: lua5.4 says
 * "<eof> expected" there (while still reading a value it says "unexpected symbol").
 */
function afterTopReturn(src: string, index: number, near: string): string | undefined {
  const scan = scanTo(src, index);
  if (scan === undefined || scan.stack.length !== 0 || !scan.topReturn || !endsExpression(scan.last)) return undefined;
  return `<eof> expected near ${near}`;
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
