// Lua string literals from their raw source text (bytes as chars) to the byte string value.
// (luaparse's own decoding is not used: with it, a literal "end" is mistaken for the keyword.)

/** UTF-8 bytes (as chars) of a code point up to 2^31, as Lua's \u{…} allows. */
export function utf8(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(cp);
  const bytes: number[] = [];
  let limit = 0x3f;
  let c = cp;
  do {
    bytes.unshift(0x80 | (c & 0x3f));
    c = Math.floor(c / 64);
    limit >>= 1;
  } while (c > limit);
  bytes.unshift(((~limit << 1) & 0xff) | c);
  return String.fromCharCode(...bytes);
}

/** The one-character escapes and what they stand for. */
export const SIMPLE: Record<string, string> = {
  a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\", '"': '"', "'": "'",
};

export function decodeLuaString(raw: string): string {
  if (raw.startsWith("[")) {
    const m = /^\[(=*)\[/.exec(raw)!;
    let body = raw.slice(m[0].length, raw.length - m[0].length);
    if (body.startsWith("\r\n") || body.startsWith("\n\r")) body = body.slice(2);
    else if (body.startsWith("\n") || body.startsWith("\r")) body = body.slice(1);
    return body.replace(/\r\n|\n\r|\r/g, "\n");
  }
  const s = raw.slice(1, -1);
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = s[++i];
    if (e in SIMPLE) out += SIMPLE[e];
    else if (e === "\n" || e === "\r") {
      out += "\n";
      const n = s[i + 1];
      if ((n === "\n" || n === "\r") && n !== e) i++;
    } else if (e === "x") {
      out += String.fromCharCode(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (e === "z") {
      while (i + 1 < s.length && /[ \f\n\r\t\v]/.test(s[i + 1])) i++;
    } else if (e >= "0" && e <= "9") {
      const m = /^[0-9]{1,3}/.exec(s.slice(i))!;
      out += String.fromCharCode(Number(m[0]));
      i += m[0].length - 1;
    } else if (e === "u") {
      const close = s.indexOf("}", i);
      out += utf8(parseInt(s.slice(i + 2, close), 16));
      i = close;
    } else {
      out += e; // luaparse has already rejected invalid escapes
    }
  }
  return out;
}
