// Lua tokens from luaparse's lexer (run without parsing), for the passes that look at tokens:
// local attributes and lua5.4's wording of syntax errors.
import luaparse from "luaparse";

export const TOKEN_EOF = 1, TOKEN_STRING = 2, TOKEN_KEYWORD = 4, TOKEN_IDENT = 8, TOKEN_NUMBER = 16, TOKEN_PUNCT = 32;
export interface Token {
  type: number;
  value: unknown;
  range: [number, number];
  line: number;
}
/** Whether a token can end an expression (a name, a literal, `...`, `end`, or a closing bracket). */
export function endsExpression(t: Token | undefined): boolean {
  if (t === undefined) return false;
  if (t.type === TOKEN_PUNCT) return t.value === ")" || t.value === "}" || t.value === "]";
  if (t.type === TOKEN_KEYWORD) return t.value === "end";
  return true; // names, strings, numbers, booleans, nil, `...`
}

/** A lexer over src: call lex() until a token of type TOKEN_EOF (it throws on a lexical error). */
export function lexer(src: string): { lex(): Token } {
  return luaparse.parse(src, { wait: true, luaVersion: "5.3" } as luaparse.Options) as unknown as { lex(): Token };
}

/** The tokens that start before `index`; a lexical error ends them (the tokens before it stay). */
export function tokensBefore(src: string, index: number): Token[] {
  const tokens: Token[] = [];
  try {
    const lx = lexer(src);
    for (let t = lx.lex(); t.type !== TOKEN_EOF && t.range[0] < index; t = lx.lex()) tokens.push(t);
  } catch {
    // a lexical error: the tokens before it
  }
  return tokens;
}
