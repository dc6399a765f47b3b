// Rewrites a Rust regex (regex-lite dialect) into the RE2 syntax re2js parses, where they differ.
//
// Handled: the x (verbose) flag, which RE2 lacks (whitespace and # comments are dropped and the
// flag removed); \s / \S including \v as in Rust; \u007F, \u{7F}, \U0000007F, \U{7F} escapes;
// an escaped whitespace character. Rust-only constructs RE2 would read differently (\<, \>,
// \b{start}, nested classes) are rejected instead of being matched with another meaning.
// Everything else passes through unchanged for re2js to accept or reject.

export class PatternError extends Error {}

const SPACE = "\\t\\n\\v\\f\\r ";
const NOT_SPACE_RANGES = "\\x00-\\x08\\x0E-\\x1F\\x21-\\x{10FFFF}";
const BOUNDARY_NAMES = new Set(["start", "end", "start-half", "end-half"]);

function isSpace(c: string): boolean {
  return /^\s$/u.test(c);
}

function hexEscape(c: string): string {
  return `\\x{${c.codePointAt(0)!.toString(16).toUpperCase()}}`;
}

class Translator {
  private i = 0;
  private out: string[] = [];
  /** the x flag in force, and its value at each open group */
  private x = false;
  private stack: boolean[] = [];

  private readonly p: string;

  constructor(p: string) {
    this.p = p;
  }

  run(): string {
    const p = this.p;
    while (this.i < p.length) {
      const c = p[this.i];
      if (this.x && this.skipSpace()) continue;
      if (c === "\\") this.escape(false);
      else if (c === "[") this.charClass();
      else if (c === "(") this.group();
      else if (c === "{") this.counted();
      else if (c === ")") {
        this.x = this.stack.pop() ?? this.x;
        this.out.push(")");
        this.i++;
      } else {
        this.out.push(c);
        this.i++;
      }
    }
    return this.out.join("");
  }

  /** In verbose mode: skips one whitespace character or one # comment. */
  private skipSpace(): boolean {
    const c = this.p[this.i];
    if (c === "#") {
      const nl = this.p.indexOf("\n", this.i);
      this.i = nl < 0 ? this.p.length : nl + 1;
      return true;
    }
    if (isSpace(c)) {
      this.i++;
      return true;
    }
    return false;
  }

  private group(): void {
    const m = /^\(\?([A-Za-z-]*)([:)])/.exec(this.p.slice(this.i, this.i + 64));
    if (!m) {
      // plain, named ((?P<n>, (?<n>) and look-around groups: RE2 judges them
      this.stack.push(this.x);
      this.out.push("(");
      this.i++;
      return;
    }
    const [all, flags, end] = m;
    this.i += all.length;
    // (?flags) changes the rest of the enclosing group; (?flags:...) opens a group of its own
    if (end === ":") this.stack.push(this.x);
    const [on, off = ""] = flags.split("-", 2);
    if (on.includes("x")) this.x = true;
    if (off.includes("x")) this.x = false;
    if (!flags.includes("x")) {
      this.out.push(all);
      return;
    }
    const on2 = on.replace(/x/g, "");
    const off2 = off.replace(/x/g, "");
    const kept = on2 + (off2 ? "-" + off2 : "");
    if (kept !== "") this.out.push(`(?${kept}${end}`);
    else if (end === ":") this.out.push("(?:");
  }

  /**
   * A counted repetition. Rust rejects a `{` that does not start one, where RE2 would read it
   * as a literal; `{,n}` means `{0,n}`.
   */
  private counted(): void {
    const close = this.p.indexOf("}", this.i);
    let inner = close < 0 ? "" : this.p.slice(this.i + 1, close);
    if (this.x) inner = inner.replace(/\s/gu, "");
    if (!/^\d*(,\d*)?$/.test(inner) || /^,?$/.test(inner)) throw new PatternError("invalid counted repetition");
    this.out.push(`{${inner.startsWith(",") ? "0" : ""}${inner}}`);
    this.i = close + 1;
  }

  /** A backslash escape; `inClass` selects the class forms of \s and \S. */
  private escape(inClass: boolean): void {
    const p = this.p;
    const c = p[this.i + 1];
    if (c === undefined) {
      this.out.push("\\");
      this.i++;
      return;
    }
    this.i += 2;
    if (c === "s") this.out.push(inClass ? SPACE : `[${SPACE}]`);
    else if (c === "S") this.out.push(inClass ? NOT_SPACE_RANGES : `[^${SPACE}]`);
    else if (c === "u" || c === "U") this.unicodeEscape(c);
    else if (c >= "0" && c <= "9") throw new PatternError("backreferences and octal escapes are not supported");
    else if (!inClass && (c === "<" || c === ">")) {
      throw new PatternError(`word boundary assertion \\${c} is not supported`);
    } else if (!inClass && c === "b" && p[this.i] === "{") {
      const close = p.indexOf("}", this.i);
      const name = close < 0 ? "" : p.slice(this.i + 1, close);
      if (BOUNDARY_NAMES.has(name)) throw new PatternError(`word boundary assertion \\b{${name}} is not supported`);
      this.out.push("\\b");
    } else if (isSpace(c)) this.out.push(hexEscape(c));
    else if ((c === "p" || c === "P" || c === "x") && p[this.i] === "{") {
      // \p{Greek}, \x{10FFFF}: the braces belong to the escape
      const close = p.indexOf("}", this.i);
      const end = close < 0 ? p.length : close + 1;
      this.out.push("\\" + c + p.slice(this.i, end));
      this.i = end;
    } else this.out.push("\\" + c);
  }

  private unicodeEscape(c: string): void {
    const p = this.p;
    let m: RegExpExecArray | null;
    if ((m = /^\{([0-9A-Fa-f]{1,8})\}/.exec(p.slice(this.i, this.i + 10)))) {
      this.out.push(`\\x{${m[1]}}`);
      this.i += m[0].length;
      return;
    }
    const n = c === "u" ? 4 : 8;
    const hex = p.slice(this.i, this.i + n);
    if (hex.length === n && /^[0-9A-Fa-f]+$/.test(hex)) {
      this.out.push(`\\x{${hex}}`);
      this.i += n;
      return;
    }
    throw new PatternError(`invalid escape sequence \\${c}`);
  }

  private charClass(): void {
    const p = this.p;
    this.out.push("[");
    this.i++;
    if (p[this.i] === "^") {
      this.out.push("^");
      this.i++;
    }
    let first = true;
    while (this.i < p.length) {
      if (this.x && this.skipSpace()) continue;
      const c = p[this.i];
      if (c === "]" && !first) {
        this.out.push("]");
        this.i++;
        return;
      }
      first = false;
      if (c === "\\") this.escape(true);
      else if (c === "[") {
        const m = /^\[:\^?[a-z]+:\]/.exec(p.slice(this.i, this.i + 16));
        if (!m) throw new PatternError("nested character classes are not supported");
        this.out.push(m[0]);
        this.i += m[0].length;
      } else {
        this.out.push(c);
        this.i++;
      }
    }
    // unclosed: RE2 reports it
  }
}

/** The RE2 spelling of a Rust regex (a JS string). Throws PatternError for unsupported syntax. */
export function toRe2Syntax(pattern: string): string {
  if (!/[\\[{x]/.test(pattern)) return pattern;
  return new Translator(pattern).run();
}
