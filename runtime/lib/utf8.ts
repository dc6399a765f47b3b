// The utf8 library (lutf8lib.c) over byte strings (one char per byte), with 5.4.4's messages.
import { rterror } from "../error.ts";
import { type LuaInt, toBig } from "../number.ts";
import { LuaTable } from "../table.ts";
import { EMPTY } from "../value.ts";
import { argError, checkInt, checkString } from "./args.ts";
import { checkString as checkIterString } from "./libargs.ts";
import { makeLib, registerBuiltins } from "./register.ts";

const MAXUNICODE = 0x10ffff;
const MAXUTF = 0x7fffffff;
const LIMITS = [Infinity, 0x80, 0x800, 0x10000, 0x200000, 0x4000000];

function iscont(s: string, i: number): boolean {
  return (s.charCodeAt(i) & 0xc0) === 0x80; // (NaN past the end reads as 0, like C's '\0')
}

/** Integer argument i (default def when absent) as a JS number, clamped like a position. */
function optPos(args: unknown[], i: number, fname: string, def: number): number {
  if (args[i - 1] === undefined) return def;
  const v = checkInt(args, i, fname);
  if (typeof v === "number") return v;
  return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

/** u_posrelat: negative positions count back from the end (too far back gives 0). */
function posrelat(pos: number, len: number): number {
  if (pos >= 0) return pos;
  if (-pos > len) return 0;
  return len + pos + 1;
}

/**
 * utf8_decode at byte i: [code, index after the sequence], or undefined when invalid.
 * strict also rejects surrogates and values above 10FFFF.
 */
function decode(s: string, i: number, strict: boolean): [number, number] | undefined {
  let c = s.charCodeAt(i) || 0;
  let res: number;
  let count = 0;
  if (c < 0x80) res = c;
  else {
    res = 0;
    for (; c & 0x40; c <<= 1) {
      const cc = s.charCodeAt(i + ++count) || 0;
      if ((cc & 0xc0) !== 0x80) return undefined;
      res = res * 64 + (cc & 0x3f);
    }
    if (count > 5) return undefined;
    res += (c & 0x7f) * 2 ** (count * 5);
    if (res > MAXUTF || res < LIMITS[count]) return undefined;
  }
  if (strict && (res > MAXUNICODE || (res >= 0xd800 && res <= 0xdfff))) return undefined;
  return [res, i + count + 1];
}

/** luaO_utf8esc: the UTF-8 bytes of x (x <= 7FFFFFFF), as a byte string. */
export function utf8Encode(x: number): string {
  if (x < 0x80) return String.fromCharCode(x);
  const bytes: number[] = [];
  let mfb = 0x3f; // largest value that fits in the first byte
  do {
    bytes.push(0x80 | (x & 0x3f));
    x = Math.floor(x / 64);
    mfb >>= 1;
  } while (x > mfb);
  bytes.push(((~mfb << 1) | x) & 0xff);
  return String.fromCharCode(...bytes.reverse());
}

function charArg(args: unknown[], i: number): string {
  const code = checkInt(args, i, "char");
  if (typeof code !== "number" || code < 0 || code > MAXUTF) argError(i, "char", "value out of range");
  return utf8Encode(code);
}

function char(...args: unknown[]): unknown {
  if (args.length === 1) return charArg(args, 1);
  let out = "";
  for (let i = 1; i <= args.length; i++) out += charArg(args, i);
  return out;
}

function len(...args: unknown[]): unknown {
  const s = checkString(args, 1, "len");
  const n = s.length;
  let posi = posrelat(optPos(args, 2, "len", 1), n);
  let posj = posrelat(optPos(args, 3, "len", -1), n);
  const lax = args[3] !== undefined && args[3] !== false;
  if (!(1 <= posi && --posi <= n)) argError(2, "len", "initial position out of bounds");
  if (!(--posj < n)) argError(3, "len", "final position out of bounds");
  let count = 0;
  while (posi <= posj) {
    const d = decode(s, posi, !lax);
    if (d === undefined) return [undefined, posi + 1];
    posi = d[1];
    count++;
  }
  return count;
}

function codepoint(...args: unknown[]): unknown {
  const s = checkString(args, 1, "codepoint");
  const n = s.length;
  const posi = posrelat(optPos(args, 2, "codepoint", 1), n);
  const pose = posrelat(optPos(args, 3, "codepoint", posi), n);
  const lax = args[3] !== undefined && args[3] !== false;
  if (!(posi >= 1)) argError(2, "codepoint", "out of bounds");
  if (!(pose <= n)) argError(3, "codepoint", "out of bounds");
  if (posi > pose) return EMPTY;
  if (pose - posi >= 2147483647) return rterror("string slice too long");
  const out: number[] = [];
  for (let i = posi - 1; i < pose;) {
    const d = decode(s, i, !lax);
    if (d === undefined) return rterror("invalid UTF-8 code");
    out.push(d[0]);
    i = d[1];
  }
  return out.length === 1 ? out[0] : out;
}

function offset(...args: unknown[]): unknown {
  const s = checkString(args, 1, "offset");
  const len = s.length;
  const nArg: LuaInt = checkInt(args, 2, "offset");
  // a count beyond the safe range can never be satisfied by a real string
  let n = typeof nArg === "number" ? nArg : toBig(nArg) > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  let posi = posrelat(optPos(args, 3, "offset", n >= 0 ? 1 : len + 1), len);
  if (!(1 <= posi && --posi <= len)) argError(3, "offset", "position out of bounds");
  if (n === 0) {
    while (posi > 0 && iscont(s, posi)) posi--; // start of the current sequence
  } else {
    if (iscont(s, posi)) return rterror("initial position is a continuation byte");
    if (n < 0) {
      while (n < 0 && posi > 0) {
        do posi--; while (posi > 0 && iscont(s, posi));
        n++;
      }
    } else {
      n--; // do not move for the first character
      while (n > 0 && posi < len) {
        do posi++; while (iscont(s, posi));
        n--;
      }
    }
  }
  return n === 0 ? posi + 1 : undefined;
}

/** The codes() iterator step: skips continuation bytes after the previous position. */
function iterAux(s: string, pos: unknown, strict: boolean): unknown {
  const len = s.length;
  let n = typeof pos === "number" ? pos : typeof pos === "bigint" ? Number(pos) : 0;
  if (n < 0) return EMPTY; // (as an unsigned value it would be past the end)
  if (n < len) while (iscont(s, n)) n++;
  if (n >= len) return EMPTY;
  const d = decode(s, n, strict);
  if (d === undefined) return rterror("invalid UTF-8 code");
  return [n + 1, d[0]];
}

function iterStrict(...args: unknown[]): unknown {
  return iterAux(checkIterString(args, 1, "for iterator"), args[1], true);
}

function iterLax(...args: unknown[]): unknown {
  return iterAux(checkIterString(args, 1, "for iterator"), args[1], false);
}

function codes(...args: unknown[]): unknown {
  const lax = args[1] !== undefined && args[1] !== false;
  checkString(args, 1, "codes");
  return [lax ? iterLax : iterStrict, args[0], 0];
}

export function openUtf8(G: LuaTable): void {
  const fns: Record<string, Function> = { char, codes, codepoint, len, offset };
  // named "utf8.len" etc.: unique builtin frame names, and what Lua's tracebacks show
  for (const [k, f] of Object.entries(fns)) Object.defineProperty(f, "name", { value: "utf8." + k });
  const lib = makeLib(fns);
  lib.set("charpattern", "[\x00-\x7F\xC2-\xFD][\x80-\xBF]*");
  registerBuiltins(iterStrict, iterLax);
  G.set("utf8", lib);
}
