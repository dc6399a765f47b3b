// Parsing: luaparse (5.3 grammar) plus a pre-pass for Lua 5.4 local attributes, with syntax
// errors reworded as lua5.4 prints them ("chunk:line: message near 'token'").
import luaparse from "luaparse";
import type { Chunk } from "luaparse";
import { Deferred, breakBefore, deferredBefore, deferredError, duplicateLabelBefore, gotoError, lineAt } from "./deferred-errors.ts";
import { TOKEN_EOF, TOKEN_IDENT, TOKEN_KEYWORD, TOKEN_PUNCT, type Token, lexer } from "./lex.ts";
import { LuaSyntaxError } from "./syntax-error.ts";
import { LEXICAL, emptyArgumentError, lastTokenEnd, touchingNumeralError, wordedError } from "./syntax-wording.ts";

export { LuaSyntaxError };

export type Attribute = "const" | "close";

export interface Parsed {
  ast: Chunk;
  /** names assigned by an assignment statement anywhere in the chunk */
  assignedNames: Set<string>;
  /** local attributes by the source offset of the attributed name */
  attributes: Map<number, Attribute>;
}

/**
 * Finds `local name <attrib>` lists, records each attribute and blanks `<attrib>` with spaces
 * so luaparse (which has no 5.4 attributes) accepts the source and offsets stay the same.
 */
function stripAttributes(src: string, chunk: string): { src: string; attributes: Map<number, Attribute> } {
  const attributes = new Map<number, Attribute>();
  if (!/<\s*(const|close|[A-Za-z_]\w*)\s*>/.test(src) && !/\blocal\s+[A-Za-z_]\w*(\s*(<[^>\n]*>)?\s*,\s*[A-Za-z_]\w*)*\s*</.test(src)) return { src, attributes };
  const tokens: Token[] = [];
  try {
    const lx = lexer(src);
    for (let t = lx.lex(); t.type !== TOKEN_EOF; t = lx.lex()) tokens.push(t);
  } catch {
    // a lexical error: strip the attributes before it; the real parse reports the error
  }
  const chars = src.split("");
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== TOKEN_KEYWORD || t.value !== "local") continue;
    // a `local` where an expression is wanted (`while local x`) is the parser's error to report
    if (!atStatementStart(tokens[i - 1])) continue;
    let j = i + 1;
    if (tokens[j]?.type === TOKEN_KEYWORD && tokens[j].value === "function") continue;
    while (tokens[j]?.type === TOKEN_IDENT) {
      const name = tokens[j];
      j++;
      if (tokens[j]?.type === TOKEN_PUNCT && tokens[j].value === "<" && tokens[j + 1]?.type !== TOKEN_IDENT) {
        // `local w < 2`: an attribute's name is wanted after '<'
        const next = tokens[j + 1];
        const near = next === undefined ? "<eof>" : `'${src.slice(next.range[0], next.range[1])}'`;
        throw new LuaSyntaxError(chunk, next?.line ?? tokens[j].line, `<name> expected near ${near}`);
      }
      if (tokens[j]?.type === TOKEN_PUNCT && tokens[j].value === "<" && tokens[j + 1]?.type === TOKEN_IDENT &&
          !(tokens[j + 2]?.type === TOKEN_PUNCT && tokens[j + 2].value === ">")) {
        // lua5.4 wants the '>' before it looks at the name (`<const>= 1` lexes as `<const >=`)
        const next = tokens[j + 2];
        const near = next === undefined ? "<eof>" : `'${src.slice(next.range[0], next.range[1])}'`;
        throw new LuaSyntaxError(chunk, next?.line ?? tokens[j + 1].line, `'>' expected near ${near}`);
      }
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

/** Whether a statement can begin after token `prev` (nothing before it wants an expression). */
function atStatementStart(prev: Token | undefined): boolean {
  if (prev === undefined) return true;
  if (prev.type === TOKEN_KEYWORD) return ["do", "then", "else", "end", "repeat", "break", "nil", "true", "false"].includes(String(prev.value));
  if (prev.type === TOKEN_PUNCT) return [";", "::", ")", "]", "}", "..."].includes(String(prev.value));
  return true; // a name, number or string ends the previous statement
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
      if (e instanceof LuaSyntaxError && e.offset !== undefined) {
        const label = duplicateLabelBefore(src, chunk, e.offset);
        if (label !== undefined) throw label;
        if (deferred.length > 0) throw deferredBefore(source, src, chunk, deferred, e.offset) ?? e;
      }
      if (!(e instanceof Deferred)) throw e;
      deferred.push(e);
      src = src.slice(0, e.offset) + ";" + " ".repeat(e.length - 1) + src.slice(e.offset + e.length);
    }
  }
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
    const numeral = touchingNumeralError(src, chunk);
    if (numeral !== undefined) throw numeral;
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
    // luaparse lexes one token ahead of lua5.4: a syntax error at the token before a lexically
    // bad one is what lua5.4 reports. Parse the source cut before the bad token to find it.
    if (LEXICAL.test(bare)) {
      const cut = lastTokenEnd(src);
      if (cut !== undefined && cut < src.length) {
        try {
          parseClean(src.slice(0, cut), chunk, attributes);
        } catch (e2) {
          if (e2 instanceof LuaSyntaxError && e2.offset !== undefined && e2.offset < cut) throw e2;
        }
      }
    }
    throw wordedError(src, chunk, err as Error & { line: number; index?: number });
  }
}
