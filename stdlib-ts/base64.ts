// base64.encode / base64.decode (builtins spec §6): standard alphabet, padded, strict decoding
// with the Rust base64 crate's error texts. Works on bytes (the reference required UTF-8 text).
import type { LuaTable } from "../runtime/table.ts";
import { makeLib } from "../runtime/lib/register.ts";
import { argString, fail } from "./interop.ts";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

function base64_encode(...args: unknown[]): unknown {
  return Buffer.from(argString(args, 1, "base64.encode"), "latin1").toString("base64");
}

/** Why `s` is not canonical padded standard base64, or undefined when it is. */
function invalid(s: string): string | undefined {
  const n = s.length;
  let pad = 0;
  while (pad < n && s.charCodeAt(n - 1 - pad) === 0x3d) pad++; // trailing '='
  const body = n - pad;
  for (let i = 0; i < body; i++) {
    const c = s.charCodeAt(i);
    if (c > 255 || VALUE[c] < 0) return `Invalid symbol ${c}, offset ${i}.`;
  }
  if (body % 4 === 1) return `Invalid input length: ${body}`;
  if (pad > 2 || (pad > 0 && n % 4 !== 0) || (pad === 0 && body % 4 !== 0)) return "Invalid padding";
  const rem = body % 4;
  if (rem !== 0) {
    // the last symbol must not carry bits beyond the final byte
    const last = s.charCodeAt(body - 1);
    const mask = rem === 2 ? 0x0f : 0x03;
    if ((VALUE[last] & mask) !== 0) return `Invalid last symbol ${last}, offset ${body - 1}.`;
  }
  return undefined;
}

function base64_decode(...args: unknown[]): unknown {
  const s = argString(args, 1, "base64.decode");
  const why = invalid(s);
  if (why !== undefined) fail(`base64.decode: ${why}`);
  return Buffer.from(s, "base64").toString("latin1");
}

export function open(G: LuaTable): void {
  G.set("base64", makeLib({ encode: base64_encode, decode: base64_decode }));
}
