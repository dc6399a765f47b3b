// crypto.hash / hmac / random (node:crypto) and the crypto table; jwt_sign is in crypto-jwt.ts.
import { crypto } from "../runtime/node.ts";
import { numberToString } from "../runtime/number.ts";
import type { LuaTable } from "../runtime/table.ts";
import { makeLib } from "../runtime/lib/register.ts";
import { fromBytes, fromJs, toBytes, toJs } from "../runtime/value.ts";
import { fail } from "./interop.ts";
import { crypto_jwt_sign } from "./crypto-jwt.ts";

/** Lowercase names accepted by hash/hmac; node:crypto (OpenSSL) knows them by the same names. */
const ALGORITHMS = ["sha224", "sha256", "sha384", "sha512", "sha3-224", "sha3-256", "sha3-384", "sha3-512"];
const SUPPORTED = `(supported: ${ALGORITHMS.join(", ")})`;

/** The lowercased algorithm name of argument `i` (default sha256); `ord` words the type error. */
function algorithmArg(args: unknown[], i: number, fname: string, ord: string): string {
  const v = args[i - 1];
  if (v === undefined) return "sha256";
  if (typeof v !== "string") fail(`crypto.${fname}: ${ord} argument must be an algorithm string or nil`);
  return fromJs(toJs(v).toLowerCase());
}

function checkSupported(alg: string, fname: string): void {
  if (!ALGORITHMS.includes(alg)) fail(`crypto.${fname}: unsupported algorithm: ${alg} ${SUPPORTED}`);
}

function crypto_hash(...args: unknown[]): unknown {
  const input = args[0];
  if (typeof input !== "string") fail("crypto.hash: first argument must be a string");
  const alg = algorithmArg(args, 2, "hash", "second");
  checkSupported(alg, "hash");
  return crypto().createHash(alg).update(toBytes(input)).digest("hex");
}

function crypto_hmac(...args: unknown[]): unknown {
  const [key, data, , raw] = args;
  if (typeof key !== "string") fail("crypto.hmac: first argument must be a string (key)");
  if (typeof data !== "string") fail("crypto.hmac: second argument must be a string (data)");
  const alg = algorithmArg(args, 3, "hmac", "third");
  if (raw !== undefined && typeof raw !== "boolean") fail("crypto.hmac: fourth argument must be a boolean or nil");
  checkSupported(alg, "hmac");
  const mac = crypto().createHmac(alg, toBytes(key)).update(toBytes(data));
  return raw === true ? fromBytes(mac.digest()) : mac.digest("hex");
}

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
/** Largest length served; the original's 64 MiB Lua heap could not hold a longer string. */
const MAX_RANDOM = 64 * 1024 * 1024;

function crypto_random(...args: unknown[]): unknown {
  const v = args[0];
  let n = 32;
  if (typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v))) {
    if (v <= 0) fail(`crypto.random: length must be positive, got ${numberToString(v)}`);
    if (v > MAX_RANDOM) fail("not enough memory");
    n = Number(v);
  } else if (v !== undefined) {
    fail("crypto.random: first argument must be a positive integer or nil");
  }
  // uniform over 62 symbols: keep bytes below 248 (= 4 * 62), draw more until n are kept
  const out: string[] = [];
  while (out.length < n) {
    for (const b of crypto().randomBytes(Math.ceil((n - out.length) * 1.1) + 8)) {
      if (b < 248) out.push(ALPHANUMERIC[b % 62]);
      if (out.length === n) break;
    }
  }
  return out.join("");
}

export function open(G: LuaTable): void {
  G.set("crypto", makeLib({ jwt_sign: crypto_jwt_sign, hash: crypto_hash, hmac: crypto_hmac, random: crypto_random }));
}
