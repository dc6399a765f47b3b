// crypto.jwt_sign: compact JWS (RS256/384/512, plus HS256/384/512 and ES256/384) signed
// synchronously with node:crypto, claims serialised as the original's serde_json does.
import type { KeyObject } from "node:crypto";
import { crypto } from "../runtime/node.ts";
import { isUtf8 } from "node:buffer";
import { LuaFloat, isNumber, numberToString } from "../runtime/number.ts";
import { LuaTable } from "../runtime/table.ts";
import { fromJs, toBytes, toJs } from "../runtime/value.ts";
import { type JData, fail, formatFloat, luaToData } from "./interop.ts";

const WHO = "crypto.jwt_sign";

interface Algorithm {
  hash: "sha256" | "sha384" | "sha512";
  kind: "rsa" | "hmac" | "ec";
  /** the EC curve an ES key must be on */
  curve?: string;
}

const ALGORITHMS: Record<string, Algorithm> = {
  RS256: { hash: "sha256", kind: "rsa" },
  RS384: { hash: "sha384", kind: "rsa" },
  RS512: { hash: "sha512", kind: "rsa" },
  HS256: { hash: "sha256", kind: "hmac" },
  HS384: { hash: "sha384", kind: "hmac" },
  HS512: { hash: "sha512", kind: "hmac" },
  ES256: { hash: "sha256", kind: "ec", curve: "prime256v1" },
  ES384: { hash: "sha384", kind: "ec", curve: "secp384r1" },
};

/** Compact JSON as serde_json writes it (keys already sorted by luaToData). */
export function jsonText(d: JData): string {
  if (d === null) return "null";
  switch (typeof d) {
    case "boolean":
      return d ? "true" : "false";
    case "bigint":
      return d.toString();
    case "number":
      return Number.isInteger(d) ? String(d) : formatFloat(d);
    case "string":
      return JSON.stringify(d);
  }
  if (d instanceof LuaFloat) return formatFloat(d.n);
  if (Array.isArray(d)) return `[${d.map(jsonText).join(",")}]`;
  const parts: string[] = [];
  for (const [k, v] of d) parts.push(`${JSON.stringify(k)}:${jsonText(v)}`);
  return `{${parts.join(",")}}`;
}

function b64url(b: Buffer | string): string {
  return (typeof b === "string" ? Buffer.from(b, "utf8") : b).toString("base64url");
}

/** The `kid` option as mlua reads it (a string or number; anything else is ignored). */
function kidOf(opts: LuaTable | undefined): string | undefined {
  const v = opts?.get("kid");
  if (isNumber(v)) return numberToString(v);
  if (typeof v !== "string") return undefined;
  const b = toBytes(v);
  return isUtf8(b) ? b.toString("utf8") : undefined;
}

function privateKey(pem: string, alg: Algorithm, name: string): KeyObject {
  let key: KeyObject;
  try {
    key = crypto().createPrivateKey({ key: toBytes(pem), format: "pem" });
  } catch {
    return fail(`${WHO}: invalid PEM key: InvalidKeyFormat`);
  }
  if (key.asymmetricKeyType !== alg.kind) {
    fail(`${WHO}: invalid PEM key: ${name} needs ${alg.kind === "rsa" ? "an RSA" : "an EC"} private key`);
  }
  if (alg.curve !== undefined && key.asymmetricKeyDetails?.namedCurve !== alg.curve) {
    fail(`${WHO}: invalid PEM key: ${name} needs an EC key on curve ${alg.curve === "prime256v1" ? "P-256" : "P-384"}`);
  }
  return key;
}

function signature(input: string, pem: string, alg: Algorithm, name: string): Buffer {
  if (alg.kind === "hmac") return crypto().createHmac(alg.hash, toBytes(pem)).update(input).digest();
  const key = privateKey(pem, alg, name);
  try {
    return alg.kind === "ec"
      ? crypto().sign(alg.hash, Buffer.from(input), { key, dsaEncoding: "ieee-p1363" })
      : crypto().sign(alg.hash, Buffer.from(input), key);
  } catch (e) {
    return fail(`${WHO}: encoding failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function crypto_jwt_sign(...args: unknown[]): unknown {
  const [claims, pem, algArg, opts] = args;
  if (!(claims instanceof LuaTable)) fail(`${WHO}: first argument must be a claims table`);
  if (typeof pem !== "string") fail(`${WHO}: second argument must be a PEM key string`);
  let name = "RS256";
  if (typeof algArg === "string") name = toJs(algArg).toUpperCase();
  else if (algArg !== undefined) fail(`${WHO}: third argument must be an algorithm string or nil`);
  const alg = Object.hasOwn(ALGORITHMS, name) ? ALGORITHMS[name] : undefined;
  if (alg === undefined) fail(`${WHO}: unsupported algorithm: ${fromJs(name)}`);
  if (opts !== undefined && !(opts instanceof LuaTable)) fail(`${WHO}: fourth argument must be an options table or nil`);
  const payload = jsonText(luaToData(claims, WHO));
  const kid = kidOf(opts);
  const header = `{"typ":"JWT","alg":"${name}"${kid === undefined ? "" : `,"kid":${JSON.stringify(kid)}`}}`;
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${b64url(signature(input, pem, alg, name))}`;
}
