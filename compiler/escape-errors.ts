// lua5.4's escape-sequence errors in short strings: its lexer shows the string read so far, with
// the escapes before the bad one already decoded and the bad one as far as it was read
// ("invalid escape sequence near '"Hell\ '"). This replays llex.c's read_string to rebuild that.
import { SIMPLE, utf8 } from "./lower/strings.ts";

const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && /^[0-9]$/.test(c);

/**
 * The error lua5.4 raises for the first bad escape of the short string opening at `start`:
 * its message and the buffer shown after "near" (cut at a NUL, as C prints it), or undefined
 * when the string has no bad escape before it ends.
 */
export function escapeError(src: string, start: number): { message: string; near: string } | undefined {
  const q = src[start];
  if (q !== '"' && q !== "'") return undefined;
  let buf = q;
  let i = start + 1;
  const fail = (message: string, read: string): { message: string; near: string } => {
    const near = buf + read;
    const nul = near.indexOf("\0");
    return { message, near: nul < 0 ? near : near.slice(0, nul) };
  };
  for (;;) {
    const c = src[i];
    if (c === undefined || c === q || c === "\n" || c === "\r") return undefined;
    if (c !== "\\") {
      buf += c;
      i++;
      continue;
    }
    const n = src[i + 1];
    if (n === undefined) return undefined;
    if (n in SIMPLE) {
      buf += SIMPLE[n];
      i += 2;
    } else if (n === "\n" || n === "\r") {
      buf += "\n";
      i += 2;
      if ((src[i] === "\n" || src[i] === "\r") && src[i] !== n) i++;
    } else if (n === "x") {
      const d1 = src[i + 2], d2 = src[i + 3];
      if (!isHex(d1)) return fail("hexadecimal digit expected", "\\x" + (d1 ?? ""));
      if (!isHex(d2)) return fail("hexadecimal digit expected", "\\x" + d1 + (d2 ?? ""));
      buf += String.fromCharCode(parseInt(d1 + d2, 16));
      i += 4;
    } else if (n === "z") {
      i += 2;
      while (i < src.length && /\s/.test(src[i])) i++;
    } else if (isDigit(n)) {
      let j = i + 1, digits = "";
      while (digits.length < 3 && isDigit(src[j])) digits += src[j++];
      if (Number(digits) > 255) return fail("decimal escape too large", "\\" + digits + (src[j] ?? ""));
      buf += String.fromCharCode(Number(digits));
      i = j;
    } else if (n === "u") {
      if (src[i + 2] !== "{") return fail("missing '{'", "\\u" + (src[i + 2] ?? ""));
      let j = i + 3, r = 0, read = "\\u{";
      if (!isHex(src[j])) return fail("hexadecimal digit expected", read + (src[j] ?? ""));
      while (isHex(src[j])) {
        if (r > 0x7fffffff >>> 4) return fail("UTF-8 value too large", read + src[j]);
        r = r * 16 + parseInt(src[j], 16);
        read += src[j++];
      }
      if (src[j] !== "}") return fail("missing '}'", read + (src[j] ?? ""));
      buf += utf8(r);
      i = j + 1;
    } else {
      return fail("invalid escape sequence", "\\" + n);
    }
  }
}
