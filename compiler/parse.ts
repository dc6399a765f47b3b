// Parsing: luaparse (5.3 grammar) plus a pre-pass for Lua 5.4 local attributes, with syntax
// errors reworded as lua5.4 prints them ("chunk:line: message near 'token'").
import luaparse from "luaparse";
import type { Chunk } from "luaparse";

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
    .replace(/^unexpected (?:symbol|keyword|identifier|string|number) '(.*)' near '.*'$/s, "unexpected symbol near '$1'")
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
  const src = tameUnicodeEscapes(stripped.src).replace(/\b0([xX])\.(?=[0-9a-fA-F])/g, "0$10");
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
    let text = reword(err.message.replace(/^\[\d+:\d+\] /, ""), err.line);
    // lexical errors: lua5.4 shows the token read so far (from the opening quote), or <eof>
    if (/^unfinished string near /.test(text) && (err.index ?? 0) >= src.replace(/\s+$/, "").length) {
      text = "unfinished string near <eof>";
    } else if (/^invalid escape sequence near /.test(text) && err.index !== undefined) {
      const start = src.lastIndexOf(src[err.index] === '"' || src[err.index] === "'" ? src[err.index] : '"', err.index);
      const m = /^(["'])(?:[^"'\\\n]|\\[abfnrtv\\"'\n]|\\x[0-9a-fA-F]{2}|\\z\s*|\\\d{1,3}|\\u\{[0-9a-fA-F]+\})*\\./.exec(src.slice(start));
      if (m) text = `invalid escape sequence near '${m[0]}'`;
    }
    throw new LuaSyntaxError(chunk, err.line, text);
  }
}
