// lua5.4's wording of syntax errors, from luaparse's: the rules that rewrite luaparse's message
// (found by re-lexing the source up to the error), numerals read as lua5.4's lexer reads them,
// and the constructs luaparse accepts but lua5.4 refuses.
import { TOKEN_EOF, TOKEN_IDENT, TOKEN_KEYWORD, TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_STRING, type Token, endsExpression, lexer, tokensBefore } from "./lex.ts";
import { escapeError } from "./escape-errors.ts";
import { nextToken } from "./next-token.ts";
import { LuaSyntaxError } from "./syntax-error.ts";

/** luaparse's wording → lua5.4's wording. */
function reword(msg: string, line: number): string {
  return msg
    .replace(/^<expression> expected/, "unexpected symbol")
    .replace(/^unexpected (?:symbol|keyword|identifier|string|number|boolean|nil|undefined|vararg) '(.*)' near .*$/s, "unexpected symbol near '$1'")
    .replace(/^no loop to break near .*$/, `break outside loop at line ${line}`)
    .replace(/^(no visible label '.*' for <goto>)$/, `$1 at line ${line}`)
    .replace(/^(<goto .*>) (jumps into the scope of local '.*')$/, `$1 at line ${line} $2`)
    .replace(/near '<eof>'$/, "near <eof>");
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
  /** for `(`: its index among the tokens read */
  at?: number;
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
    const lx = lexer(src);
    for (let t = lx.lex(); t.type !== TOKEN_EOF && t.range[0] < index; t = lx.lex()) {
      const v = t.type === TOKEN_KEYWORD || t.type === TOKEN_PUNCT ? String(t.value) : "";
      const top = stack[stack.length - 1];
      if (v === "function") {
        stack.push({ what: "function", line: t.line, params: false });
        awaitingParams = true;
      } else if (v === "(") {
        stack.push({ what: "(", line: t.line, params: awaitingParams, at: tokens.length });
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
export function emptyArgumentError(src: string, chunk: string, index: number): LuaSyntaxError | undefined {
  if (!/(\(|\breturn)\s*(--[^\n]*\s*)*,/.test(src)) return undefined;
  try {
    const lx = lexer(src);
    let prev: Token | undefined;
    for (let t = lx.lex(); t.type !== TOKEN_EOF && t.range[0] <= index; t = lx.lex()) {
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

/** The index of the bracket closing the one at tokens[open]. */
function closingOf(tokens: Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const v = tokens[k].type === TOKEN_PUNCT ? String(tokens[k].value) : "";
    if (v === "(" || v === "[" || v === "{") depth++;
    else if ((v === ")" || v === "]" || v === "}") && --depth === 0) return k;
  }
  return -1;
}

const STATEMENT_KEYWORDS = new Set(["local", "do", "then", "else", "elseif", "end", "return", "repeat", "until", "while", "for", "if", "in", "break", "goto"]);

/** Whether an `=` of the same statement (outside brackets) comes before tokens[i]. */
function afterEquals(tokens: Token[], i: number): boolean {
  let depth = 0;
  for (let j = i; j >= 0; j--) {
    const t = tokens[j];
    // a name right after a complete expression starts a new statement
    if (depth === 0 && tokens[j + 1]?.type === TOKEN_IDENT && j + 1 <= i && endsExpression(t)) return false;
    // local, do, then, return, …: the statement's start (not `and`, `or`, `not`, `nil`, `true`, …)
    if (t.type === TOKEN_KEYWORD && depth === 0 && STATEMENT_KEYWORDS.has(String(t.value))) return false;
    if (t.type !== TOKEN_PUNCT) continue;
    const v = String(t.value);
    if (v in OPEN_OF) depth++;
    else if (v === "(" || v === "[" || v === "{") {
      if (depth === 0) return false; // inside brackets: an argument or field list
      depth--;
    } else if (depth === 0 && (v === "=" || v === ";")) return v === "=";
  }
  return false;
}

/** Whether tokens[i] is the `)` closing a function's parameter list (`function f.g:h(a, b)`). */
function closesParameters(tokens: Token[], i: number): boolean {
  if (tokens[i]?.type !== TOKEN_PUNCT || tokens[i].value !== ")") return false;
  let j = i - 1;
  while (j >= 0 && !(tokens[j].type === TOKEN_PUNCT && tokens[j].value === "(")) {
    const t = tokens[j];
    // a parameter list holds only names, commas and `...`
    if (!(t.type === TOKEN_IDENT || t.value === "," || t.value === "...")) return false;
    j--;
  }
  j--; // before the `(`: the function's name (a.b:c) or the keyword itself
  while (j >= 1 && tokens[j].type === TOKEN_IDENT && tokens[j - 1].type === TOKEN_PUNCT && (tokens[j - 1].value === "." || tokens[j - 1].value === ":")) j -= 2;
  if (j >= 0 && tokens[j].type === TOKEN_IDENT) j--;
  return j >= 0 && tokens[j].type === TOKEN_KEYWORD && tokens[j].value === "function";
}

/**
 * A parenthesized expression (not a call) as a whole statement right before `index` — `(a) end`:
 * lua5.4 reads an expression statement, finds neither a call nor an assignment, and says
 * "syntax error" at the next token.
 */
function parenthesizedStatement(src: string, index: number): boolean {
  const scan = scanTo(src, index);
  if (scan === undefined || scan.tokens.length === 0) return false;
  const tokens = scan.tokens;
  const last = tokens.length - 1;
  if (tokens[last].type !== TOKEN_PUNCT || tokens[last].value !== ")") return false;
  const start = suffixedStart(tokens, last);
  if (tokens[start]?.type !== TOKEN_PUNCT || tokens[start].value !== "(" || !startsStatement(tokens, start)) return false;
  // the last `)` must close the `(` at the start: `(f)(x)` is a call
  let depth = 0;
  for (let k = start; k <= last; k++) {
    const t = tokens[k];
    if (t.type !== TOKEN_PUNCT) continue;
    if (t.value === "(" || t.value === "[" || t.value === "{") depth++;
    else if (t.value === ")" || t.value === "]" || t.value === "}") {
      if (--depth === 0) return k === last;
    }
  }
  return false;
}

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
      // `(…)` or `{…}` after something that ends a prefix expression is a call's arguments
      // (not after a number, nil or `end`, nor after a function's parameter list); `[…]` an index
      // (nor after a string that is not itself a call's argument: `.. ':' (x)`)
      if (v !== "]" && (!endsPrefixAt(tokens, j - 1) || closesParameters(tokens, j - 1))) return j;
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

/** Whether a token can end a prefix expression (something callable): a name, a string or table argument, `)` or `]`. */
function endsPrefix(t: Token | undefined): boolean {
  if (t === undefined) return false;
  if (t.type === TOKEN_PUNCT) return t.value === ")" || t.value === "]" || t.value === "}";
  return t.type === TOKEN_IDENT || t.type === TOKEN_STRING;
}

/**
 * Whether tokens[i] ends a prefix expression, one that call arguments may follow: a name, `)`,
 * `]`, or a string or table constructor that is itself a call's argument (`f'x'`, `f{…}`); a
 * string or table literal as a value is not one.
 */
function endsPrefixAt(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined) return false;
  if (t.type === TOKEN_STRING) return endsPrefixAt(tokens, i - 1);
  // `goto name`: a label's name, not an expression
  if (t.type === TOKEN_IDENT && tokens[i - 1]?.type === TOKEN_KEYWORD && tokens[i - 1].value === "goto") return false;
  if (t.type === TOKEN_PUNCT && t.value === "}") {
    let depth = 0;
    for (let j = i; j >= 0; j--) {
      const v = tokens[j].type === TOKEN_PUNCT ? String(tokens[j].value) : "";
      if (v === ")" || v === "]" || v === "}") depth++;
      else if ((v === "(" || v === "[" || v === "{") && --depth === 0) return endsPrefixAt(tokens, j - 1);
    }
    return false;
  }
  return endsPrefix(t);
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
  const lastAt = scan.tokens.length - 1;
  const last = scan.tokens[lastAt];
  // the statement so far ends with a call: `f(…)`, or `f'…'` / `f{…}`
  const call = (last?.type === TOKEN_PUNCT && last.value === ")") ||
    ((last?.type === TOKEN_STRING || (last?.type === TOKEN_PUNCT && last.value === "}")) && endsPrefixAt(scan.tokens, lastAt));
  if (!call) return undefined;
  let start = suffixedStart(scan.tokens, lastAt);
  // `local name (x)`: the local statement ends at its name; the parenthesis starts a statement
  const prev = scan.tokens[start - 1];
  if (scan.tokens[start]?.type === TOKEN_IDENT && prev?.type === TOKEN_KEYWORD && prev.value === "local") start++;
  const before = scan.tokens[start - 1];
  // `a, f() x` (a list of targets), but not `x = a, f() x` (the values after `=`)
  const inTargets = before?.type === TOKEN_PUNCT && before.value === "," && !afterEquals(scan.tokens, start - 1);
  const statement = startsStatement(scan.tokens, start);
  // `(f)` as a statement: an expression that is neither a call nor an assignment (the
  // parenthesis that opens it closes last; `(f)(x)` is a call)
  const parenthesized = statement && scan.tokens[start]?.type === TOKEN_PUNCT && scan.tokens[start].value === "(" &&
    closingOf(scan.tokens, start) === lastAt;
  return inTargets || parenthesized || (/^'[,=]'$/.test(near) && statement) ? `syntax error near ${near}` : undefined;
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
  // back over the numeral's characters; a '.' after another '.' is the `..` operator
  while (start > 0 && (/[0-9A-Za-z_]/.test(src[start - 1]) || (src[start - 1] === "." && src[start - 2] !== ".") ||
    (/[+-]/.test(src[start - 1]) && /[eEpP]/.test(src[start - 2] ?? "")))) start--; // (an exponent's sign)
  while (start < index && !/[0-9.]/.test(src[start])) start++; // the numeral starts at a digit or '.'
  // luaparse may stop in front of the numeral (`t[s]1e+ 1`): then it is the next one
  if (start >= index || !/[0-9.]/.test(src[start] ?? "")) {
    const ahead = /[0-9.]/.exec(src.slice(index));
    if (ahead !== null) start = index + ahead.index;
  }
  return { line, text: greedyNumeral(src, start) };
}

/**
 * lua5.4 reads a numeral greedily (digits, hex digits, '.', exponents with a sign) and calls the
 * whole run malformed if it is not a number ("3..4", "12abc", "1.2.3"), where luaparse reads a
 * shorter numeral and fails later. The first such numeral before `index`, as lua5.4's error.
 */
function malformedNumeral(src: string, index: number): { line: number; text: string } | undefined {
  let lx: { lex(): Token };
  try {
    lx = lexer(src);
  } catch {
    return undefined;
  }
  try {
    for (let t = lx.lex(); t.type !== TOKEN_EOF && t.range[0] <= index; t = lx.lex()) {
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

/** A digit run touching a letter, not inside a name (cheap test before the lexer pass below). */
const TOUCHING = /(?<![A-Za-z0-9_.])[0-9][0-9a-fA-FxX.]*[A-Za-z_]|(?<![A-Za-z0-9_])\.[0-9][0-9a-fA-F.]*[A-Za-z_]/;

/**
 * A numeral touching a letter (`1do`, `3x`, `2.5an`) that luaparse split into a number and a
 * name, so the source parsed: lua5.4's lexer reads the whole run and calls it malformed.
 */
export function touchingNumeralError(src: string, chunk: string): LuaSyntaxError | undefined {
  if (!TOUCHING.test(src)) return undefined;
  const m = malformedNumeral(src, src.length);
  return m === undefined ? undefined : new LuaSyntaxError(chunk, m.line, `malformed number near '${m.text}'`);
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
  // a call's arguments: lua5.4 gives the line where the called expression starts
  let openLine = top.line;
  if (top.what === "(" && !top.params && top.at !== undefined && top.at > 0 && endsPrefixAt(scan.tokens, top.at - 1) &&
      !closesParameters(scan.tokens, top.at - 1)) {
    openLine = scan.tokens[suffixedStart(scan.tokens, top.at - 1)]?.line ?? openLine;
  }
  if (top.params || openLine === line) return undefined; // a parameter list, or the same line: plain
  return `'${closer}' expected (to close '${top.what}' at line ${openLine}) near ${near}`;
}

/**
 * What lua5.4 expects at an invalid character right after a complete expression: the closer of
 * the innermost open bracket (with "to close … at line N" when that opened on another line), or
 * after `return` and its values the end of the enclosing block; undefined otherwise.
 */
function expectedBeforeInvalid(src: string, index: number, line: number, near: string): string | undefined {
  const tokens = tokensBefore(src, index); // (up to the invalid character)
  if (!endsExpression(tokens[tokens.length - 1])) return undefined;
  let depth = 0;
  for (let j = tokens.length - 1; j >= 0; j--) {
    const t = tokens[j];
    if (t.type === TOKEN_KEYWORD && depth === 0) {
      if (t.value !== "return") {
        if (["function", "do", "then", "else", "repeat", "local"].includes(String(t.value))) return undefined;
        continue;
      }
      // `return values !`: the block ends here
      const blocks: { what: string; line: number; looped?: boolean }[] = [];
      for (const b of tokens.slice(0, j)) {
        const v = b.type === TOKEN_KEYWORD ? String(b.value) : "";
        const top = blocks[blocks.length - 1];
        if (v === "do" && top !== undefined && (top.what === "while" || top.what === "for") && !top.looped) top.looped = true;
        else if (["function", "if", "while", "for", "do", "repeat"].includes(v)) blocks.push({ what: v, line: b.line });
        else if (v === "end" || v === "until") blocks.pop();
      }
      const top = blocks[blocks.length - 1];
      if (top === undefined) return `<eof> expected near ${near}`;
      const closer = top.what === "repeat" ? "until" : "end";
      return top.line === line ? `'${closer}' expected near ${near}` : `'${closer}' expected (to close '${top.what}' at line ${top.line}) near ${near}`;
    }
    if (t.type !== TOKEN_PUNCT) continue;
    const v = String(t.value);
    if (v === ")" || v === "]" || v === "}") depth++;
    else if (v === "(" || v === "[" || v === "{") {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (v === "[") return `']' expected near ${near}`;
      const closer = v === "(" ? ")" : "}";
      // a call's parenthesis is placed where the called expression starts
      const openLine = v === "(" && endsPrefixAt(tokens, j - 1) && !closesParameters(tokens, j - 1)
        ? tokens[suffixedStart(tokens, j - 1)]?.line ?? t.line : t.line;
      return openLine === line ? `'${closer}' expected near ${near}` : `'${closer}' expected (to close '${v}' at line ${openLine}) near ${near}`;
    }
  }
  return undefined;
}

/** luaparse's messages for lexical errors (an invalid character is one: `unexpected symbol '!'`). */
export const LEXICAL = /^(unfinished (long )?(string|comment)|malformed number|invalid escape sequence|hexadecimal digit expected|decimal escape too large|UTF-8 value too large|missing '[{}]'|unexpected symbol '[^']*' near)/;

/** Where the last token before a lexical error ends (undefined when the whole source lexes). */
export function lastTokenEnd(src: string): number | undefined {
  let end = 0;
  try {
    const lx = lexer(src);
    for (let t = lx.lex(); t.type !== TOKEN_EOF; t = lx.lex()) end = t.range[1];
  } catch {
    return end;
  }
  return undefined;
}

/**
 * luaparse's error as lua5.4 words it: the message rewritten by the rules above, at the line
 * lua5.4 gives (`err` is luaparse's, with its 1-based line and the offset where it stopped).
 */
export function wordedError(src: string, chunk: string, err: Error & { line: number; index?: number }): LuaSyntaxError {
  const bare = err.message.replace(/^\[\d+:\d+\] /, "");
  if (/^'\[' expected near /.test(bare)) {
    // luaparse's long-bracket error: `[=` not followed by `[` is lua5.4's invalid delimiter
    const delim = /\[(=+)(?![=[])/g;
    delim.lastIndex = Math.min(err.index ?? 0, src.length);
    const m = delim.exec(src);
    if (m !== null) return new LuaSyntaxError(chunk, src.slice(0, m.index).split("\n").length, `invalid long string delimiter near '[${m[1]}'`);
  }
  let text = reword(bare, err.line);
  // lexical errors: lua5.4 shows the token read so far (from the opening quote), or <eof>
  // (a string cut by a newline shows its text; luaparse's index is then just past the newline)
  if (/^unfinished string near /.test(text) && (err.index ?? 0) >= src.length && !/[\r\n]/.test(src[(err.index ?? 0) - 1] ?? "")) {
    text = "unfinished string near <eof>";
  } else if (/^(invalid escape sequence|hexadecimal digit expected|decimal escape too large|UTF-8 value too large|missing '[{}]')/.test(text)) {
    // the string token starts after the last token that lexed
    const bad = escapeError(src, nextToken(src, lastTokenEnd(src) ?? 0).offset);
    if (bad !== undefined) text = `${bad.message} near '${bad.near}'`;
  }
  // an invalid character (`!`) is a token to lua5.4's parser: after a complete expression inside
  // brackets, the closer was expected there
  if (/^unexpected symbol '([!@$`?\\]|[^\x00-\x7f])' near/.test(bare) && err.index !== undefined) { // a character no Lua token has
    const near = /^unexpected symbol near (.*)$/s.exec(text)?.[1] ?? "";
    text = expectedBeforeInvalid(src, err.index, err.line, near) ?? text;
  }
  const expected = /^'?(<eof>|end)'? expected near (.*)$/s.exec(text);
  if (expected && err.index !== undefined && parenthesizedStatement(src, err.index)) text = `syntax error near ${expected[2]}`;
  const closer = /^'(end|\)|\}|until)' expected near (.*)$/s.exec(text);
  if (closer && err.index !== undefined) text = closingContext(src, err.index, err.line, closer[1], closer[2]) ?? text;
  const unexpected = /^unexpected symbol near (.*)$/s.exec(text);
  if (unexpected && err.index !== undefined) {
    text = parenthesizedStatement(src, err.index) ? `syntax error near ${unexpected[1]}` : atChunkEnd(src, err.index, unexpected[1]) ?? text;
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
  if (numeral !== undefined) return new LuaSyntaxError(chunk, numeral.line, `malformed number near '${numeral.text}'`);
  return emptyArgumentError(src, chunk, err.index ?? src.length) ?? new LuaSyntaxError(chunk, err.line, text, err.index);
}
