// Strict JSON (RFC 8259) text → Lua values, working on the Lua byte string directly (§0.6).
// Error texts and positions follow serde_json: "expected value at line 1 column 1".
import { mkfloat, mkint } from "../runtime/number.ts";
import { LuaTable } from "../runtime/table.ts";
import { fromJs } from "../runtime/value.ts";
import { fail } from "./interop.ts";

/** serde_json's default recursion limit. */
const MAX_DEPTH = 128;
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

class Parser {
  s: string;
  i = 0;
  depth = 0;
  who: string;
  constructor(s: string, who: string) {
    this.s = s;
    this.who = who;
  }

  /** Raises `msg at line L column C`, where `at` is the number of bytes consumed. */
  err(msg: string, at: number): never {
    const s = this.s;
    let line = 1, start = 0;
    for (let k = s.indexOf("\n"); k !== -1 && k < at; k = s.indexOf("\n", k + 1)) {
      line++;
      start = k + 1;
    }
    return fail(`${this.who}: ${msg} at line ${line} column ${at - start}`);
  }

  /** An error about the byte at i (not yet consumed), as serde_json's peek_error. */
  peekErr(msg: string, i = this.i): never {
    return this.err(msg, Math.min(i + 1, this.s.length));
  }

  ws(): number {
    const s = this.s;
    let i = this.i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.i = i;
    return s.charCodeAt(i);
  }

  value(): unknown {
    const c = this.ws();
    switch (c) {
      case 0x22: // "
        this.i++;
        return this.string();
      case 0x7b: // {
        return this.object();
      case 0x5b: // [
        return this.array();
      case 0x74: // t
        return this.ident("true", true);
      case 0x66: // f
        return this.ident("false", false);
      case 0x6e: // n
        return this.ident("null", undefined);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        if (Number.isNaN(c)) return this.peekErr("EOF while parsing a value");
        return this.peekErr("expected value");
    }
  }

  ident(word: string, v: unknown): unknown {
    const s = this.s;
    for (let k = 0; k < word.length; k++) {
      const c = s.charCodeAt(this.i);
      if (Number.isNaN(c)) this.err("EOF while parsing a value", this.i);
      this.i++;
      if (c !== word.charCodeAt(k)) this.err("expected ident", this.i);
    }
    return v;
  }

  number(): unknown {
    const s = this.s;
    const start = this.i;
    let i = start;
    let isFloat = false;
    if (s.charCodeAt(i) === 0x2d) i++;
    const digits = (): number => {
      const from = i;
      while (s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
      return i - from;
    };
    const first = s.charCodeAt(i);
    if (!(first >= 0x30 && first <= 0x39)) this.peekErr(Number.isNaN(first) ? "EOF while parsing a value" : "invalid number", i);
    if (first === 0x30) {
      i++;
      const c = s.charCodeAt(i);
      if (c >= 0x30 && c <= 0x39) this.peekErr("invalid number", i);
    } else {
      digits();
    }
    if (s.charCodeAt(i) === 0x2e) {
      i++;
      isFloat = true;
      if (digits() === 0) this.peekErr(Number.isNaN(s.charCodeAt(i)) ? "EOF while parsing a value" : "invalid number", i);
    }
    const e = s.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      isFloat = true;
      const sign = s.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (digits() === 0) this.peekErr(Number.isNaN(s.charCodeAt(i)) ? "EOF while parsing a value" : "invalid number", i);
    }
    this.i = i;
    const text = s.slice(start, i);
    if (!isFloat) {
      if (text.length < 16) return text === "-0" ? mkfloat(-0) : Number(text);
      const b = BigInt(text);
      if (b >= I64_MIN && b <= I64_MAX) return mkint(b);
    }
    const x = Number(text);
    if (!Number.isFinite(x)) this.err("number out of range", i);
    return mkfloat(x);
  }

  /** After the opening quote: the string's bytes, escapes decoded (\u as UTF-8). */
  string(): string {
    const s = this.s;
    let i = this.i;
    let out = "";
    let from = i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        out += s.slice(from, i);
        this.i = i + 1;
        return out;
      }
      if (Number.isNaN(c)) this.err("EOF while parsing a string", i);
      if (c < 0x20) this.err("control character (\\u0000-\\u001F) found while parsing a string", i + 1);
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += s.slice(from, i);
      i++;
      const e = s.charCodeAt(i++);
      switch (e) {
        case 0x22: out += '"'; break;
        case 0x5c: out += "\\"; break;
        case 0x2f: out += "/"; break;
        case 0x62: out += "\b"; break;
        case 0x66: out += "\f"; break;
        case 0x6e: out += "\n"; break;
        case 0x72: out += "\r"; break;
        case 0x74: out += "\t"; break;
        case 0x75: { // u
          let cp = this.hex4(i);
          i += 4;
          if (cp >= 0xdc00 && cp <= 0xdfff) this.err("lone trailing surrogate in hex escape", i);
          if (cp >= 0xd800 && cp <= 0xdbff) {
            if (s.charCodeAt(i) !== 0x5c || s.charCodeAt(i + 1) !== 0x75) {
              this.err(Number.isNaN(s.charCodeAt(i)) ? "EOF while parsing a string" : "unexpected end of hex escape", i);
            }
            const lo = this.hex4(i + 2);
            i += 6;
            if (lo < 0xdc00 || lo > 0xdfff) this.err("lone leading surrogate in hex escape", i);
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          }
          out += fromJs(String.fromCodePoint(cp));
          break;
        }
        default:
          if (Number.isNaN(e)) this.err("EOF while parsing a string", i - 1);
          this.err("invalid escape", i);
      }
      from = i;
    }
  }

  hex4(i: number): number {
    const s = this.s;
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const c = s.charCodeAt(i + k);
      if (Number.isNaN(c)) this.err("EOF while parsing a string", i + k);
      const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
      if (d < 0) this.err("invalid escape", i + k + 1);
      v = v * 16 + d;
    }
    return v;
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) this.err("recursion limit exceeded", this.i + 1);
    this.i++;
  }

  array(): LuaTable {
    this.enter();
    const arr: unknown[] = [];
    const first = this.ws();
    if (Number.isNaN(first)) this.peekErr("EOF while parsing a list");
    if (first === 0x5d) {
      this.i++;
      this.depth--;
      return new LuaTable(arr);
    }
    for (;;) {
      arr.push(this.value());
      const c = this.ws();
      if (c === 0x2c) {
        this.i++;
        if (this.ws() === 0x5d) this.err("trailing comma", this.i + 1);
      } else if (c === 0x5d) {
        this.i++;
        this.depth--;
        return new LuaTable(arr);
      } else {
        this.peekErr(Number.isNaN(c) ? "EOF while parsing a list" : "expected `,` or `]`");
      }
    }
  }

  object(): LuaTable {
    this.enter();
    const t = new LuaTable();
    let c = this.ws();
    if (c === 0x7d) {
      this.i++;
      this.depth--;
      return t;
    }
    for (;;) {
      if (c !== 0x22) this.peekErr(Number.isNaN(c) ? "EOF while parsing an object" : "key must be a string");
      this.i++;
      const key = this.string();
      c = this.ws();
      if (c !== 0x3a) this.peekErr(Number.isNaN(c) ? "EOF while parsing an object" : "expected `:`");
      this.i++;
      t.set(key, this.value());
      c = this.ws();
      if (c === 0x2c) {
        this.i++;
        c = this.ws();
        if (c === 0x7d) this.err("trailing comma", this.i + 1);
      } else if (c === 0x7d) {
        this.i++;
        this.depth--;
        return t;
      } else {
        this.peekErr(Number.isNaN(c) ? "EOF while parsing an object" : "expected `,` or `}`");
      }
    }
  }
}

/** Parses JSON text held in a Lua byte string (already checked to be UTF-8). */
export function parseJson(s: string, who: string): unknown {
  const p = new Parser(s, who);
  const v = p.value();
  if (!Number.isNaN(p.ws())) p.peekErr("trailing characters");
  return v;
}
