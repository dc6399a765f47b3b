// crypto.hash / hmac / random / jwt_sign through compiled Lua, checked against node:crypto and jose.
import assert from "node:assert/strict";
import { createHash, createHmac, createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { runLua } from "../helpers/run-lua.ts";

/** Runs UTF-8 Lua source; returns stdout (as a byte string) plus any uncaught error. */
function luaBytes(src: string): string {
  const r = runLua(Buffer.from(src, "utf8").toString("latin1"), "t.lua");
  return r.stdout + (r.error === undefined ? "" : "ERROR: " + r.error);
}

/** Same, with stdout decoded as UTF-8. */
function lua(src: string): string {
  return Buffer.from(luaBytes(src), "latin1").toString("utf8");
}

const ALGS = ["sha224", "sha256", "sha384", "sha512", "sha3-224", "sha3-256", "sha3-384", "sha3-512"];
const SUPPORTED = "(supported: sha224, sha256, sha384, sha512, sha3-224, sha3-256, sha3-384, sha3-512)";
/** Every byte value once: binary input that is not UTF-8. */
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const ALL_BYTES_LUA = `(function() local t = {} for i = 0, 255 do t[#t + 1] = string.char(i) end return table.concat(t) end)()`;

describe("crypto.hash", () => {
  it("matches the reference vectors", () => {
    assert.equal(
      lua(`print(crypto.hash("hello")) print(crypto.hash("hello", "sha256")) print(crypto.hash("", "sha256"))
           print(crypto.hash("hello", "sha3-256")) local s = crypto.hash("hello", "sha512") print(#s, s:sub(1, 8))
           print(#crypto.hash("hello", "sha224"))`),
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\n" +
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\n" +
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n" +
        "3338be694f50c5f338814986cdf0686453a888b84f424d792af4b9202398f392\n" +
        "128\t9b71d224\n56\n",
    );
  });
  it("supports all eight algorithms, case-insensitively, as lowercase hex", () => {
    for (const alg of ALGS) {
      assert.equal(lua(`print(crypto.hash("hello", "${alg.toUpperCase()}"))`), createHash(alg).update("hello").digest("hex") + "\n");
    }
  });
  it("hashes binary data and UTF-8 text as bytes", () => {
    for (const alg of ["sha256", "sha3-512"]) {
      assert.equal(lua(`print(crypto.hash(${ALL_BYTES_LUA}, "${alg}"))`), createHash(alg).update(ALL_BYTES).digest("hex") + "\n");
    }
    assert.equal(lua(`print(crypto.hash("héllo ☃"))`), createHash("sha256").update("héllo ☃", "utf8").digest("hex") + "\n");
    assert.equal(lua(`print(crypto.hash(crypto.hmac("k", "d", nil, true)))`), createHash("sha256").update(createHmac("sha256", "k").update("d").digest()).digest("hex") + "\n");
  });
  it("rejects unknown algorithms and bad arguments", () => {
    assert.equal(lua(`print(pcall(crypto.hash, "hello", "md5"))`), `false\tcrypto.hash: unsupported algorithm: md5 ${SUPPORTED}\n`);
    assert.equal(lua(`print(pcall(crypto.hash, "hello", "SHA1"))`), `false\tcrypto.hash: unsupported algorithm: sha1 ${SUPPORTED}\n`);
    assert.equal(lua(`print(pcall(crypto.hash, 42))`), "false\tcrypto.hash: first argument must be a string\n");
    assert.equal(lua(`print(pcall(crypto.hash))`), "false\tcrypto.hash: first argument must be a string\n");
    assert.equal(lua(`print(pcall(crypto.hash, "x", 256))`), "false\tcrypto.hash: second argument must be an algorithm string or nil\n");
    assert.equal(lua(`print(crypto.hash("x", nil) == crypto.hash("x"))`), "true\n");
  });
  it("raises without a position prefix when called from Lua code", () => {
    assert.equal(lua(`crypto.hash({})`), "ERROR: crypto.hash: first argument must be a string");
  });
});

/** RFC 2104 by hand, to check node's SHA-3 HMAC block sizes (144/136/104/72). */
function manualHmac(alg: string, block: number, key: Buffer, data: Buffer): string {
  let k = key.length > block ? createHash(alg).update(key).digest() : key;
  k = Buffer.concat([k, Buffer.alloc(block - k.length)]);
  const pad = (b: number) => Buffer.from(k.map((x) => x ^ b));
  const inner = createHash(alg).update(Buffer.concat([pad(0x36), data])).digest();
  return createHash(alg).update(Buffer.concat([pad(0x5c), inner])).digest("hex");
}

describe("crypto.hmac", () => {
  it("matches the reference vectors", () => {
    assert.equal(
      lua(`print(crypto.hmac("Jefe", "what do ya want for nothing?", "sha256"))
           local s = crypto.hmac("Jefe", "what do ya want for nothing?", "sha512") print(s, #s)
           print(crypto.hmac("key", "data") == crypto.hmac("key", "data", "sha256"))
           print(crypto.hmac("key", ""))
           print(#crypto.hmac("Jefe", "what do ya want for nothing?", "sha256", true))`),
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843\n" +
        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737\t128\n" +
        "true\n5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0\n32\n",
    );
  });
  it("supports all eight algorithms with the RFC 2104 block sizes, long keys hashed first", () => {
    const blocks: Record<string, number> = { sha224: 64, sha256: 64, sha384: 128, sha512: 128, "sha3-224": 144, "sha3-256": 136, "sha3-384": 104, "sha3-512": 72 };
    for (const alg of ALGS) {
      for (const keyLen of [3, blocks[alg], blocks[alg] + 1, 300]) {
        const key = "k".repeat(keyLen);
        const want = manualHmac(alg, blocks[alg], Buffer.from(key), Buffer.from("data"));
        assert.equal(lua(`print(crypto.hmac(string.rep("k", ${keyLen}), "data", "${alg.toUpperCase()}"))`), want + "\n", `${alg} key ${keyLen}`);
      }
    }
  });
  it("returns raw digests as byte strings of the digest length", () => {
    const out = lua(`for _, a in ipairs({"sha224","sha256","sha384","sha512","sha3-224","sha3-256","sha3-384","sha3-512"}) do
                       io.write(#crypto.hmac("k", "d", a, true), " ") end print(#crypto.hmac("k", "d", "sha256", false))`);
    assert.equal(out, "28 32 48 64 28 32 48 64 64\n");
    const raw = luaBytes(`io.write(crypto.hmac("k", "d", "sha256", true))`);
    assert.deepEqual(Buffer.from(raw, "latin1"), createHmac("sha256", "k").update("d").digest());
  });
  it("accepts binary keys and data: chained raw HMACs as in AWS SigV4", () => {
    const out = luaBytes(`
      local k = crypto.hmac("AWS4" .. "secret", "20130524", "sha256", true)
      k = crypto.hmac(k, "us-east-1", "sha256", true)
      k = crypto.hmac(k, "s3", "sha256", true)
      k = crypto.hmac(k, "aws4_request", "sha256", true)
      print(#k, crypto.hmac(k, "string to sign"))
      print(crypto.hmac(${ALL_BYTES_LUA}, ${ALL_BYTES_LUA}, "sha384"))`);
    let k = createHmac("sha256", "AWS4secret").update("20130524").digest();
    for (const part of ["us-east-1", "s3", "aws4_request"]) k = createHmac("sha256", k).update(part).digest();
    const sig = createHmac("sha256", k).update("string to sign").digest("hex");
    const bin = createHmac("sha384", ALL_BYTES).update(ALL_BYTES).digest("hex");
    assert.equal(out, `32\t${sig}\n${bin}\n`);
  });
  it("rejects unknown algorithms and bad arguments", () => {
    assert.equal(lua(`print(pcall(crypto.hmac, "key", "data", "md5"))`), `false\tcrypto.hmac: unsupported algorithm: md5 ${SUPPORTED}\n`);
    assert.equal(lua(`print(pcall(crypto.hmac, 1, "data"))`), "false\tcrypto.hmac: first argument must be a string (key)\n");
    assert.equal(lua(`print(pcall(crypto.hmac, "key"))`), "false\tcrypto.hmac: second argument must be a string (data)\n");
    assert.equal(lua(`print(pcall(crypto.hmac, "key", "data", true))`), "false\tcrypto.hmac: third argument must be an algorithm string or nil\n");
    assert.equal(lua(`print(pcall(crypto.hmac, "key", "data", nil, 1))`), "false\tcrypto.hmac: fourth argument must be a boolean or nil\n");
    assert.equal(lua(`print(pcall(crypto.hmac, "key", "data", "md5", "yes"))`), "false\tcrypto.hmac: fourth argument must be a boolean or nil\n");
  });
});

describe("crypto.random", () => {
  it("gives alphanumeric strings of the requested length (default 32)", () => {
    const out = lua(`for _, s in ipairs({crypto.random(), crypto.random(64), crypto.random(1), crypto.random(16)}) do
                       print(#s, s:match("^[%a%d]+$") ~= nil) end
                     print(crypto.random(32) ~= crypto.random(32), crypto.random(nil):len())`);
    assert.equal(out, "32\ttrue\n64\ttrue\n1\ttrue\n16\ttrue\ntrue\t32\n");
  });
  it("draws from all 62 symbols", () => {
    const s = lua(`io.write(crypto.random(20000))`);
    assert.equal(new Set(s).size, 62);
  });
  it("rejects non-positive lengths and non-integers", () => {
    assert.equal(lua(`print(pcall(crypto.random, 0))`), "false\tcrypto.random: length must be positive, got 0\n");
    assert.equal(lua(`print(pcall(crypto.random, -1))`), "false\tcrypto.random: length must be positive, got -1\n");
    assert.equal(lua(`print(pcall(crypto.random, math.mininteger))`), "false\tcrypto.random: length must be positive, got -9223372036854775808\n");
    for (const bad of ["16.0", "2.5", '"16"', "{}", "true"]) {
      assert.equal(lua(`print(pcall(crypto.random, ${bad}))`), "false\tcrypto.random: first argument must be a positive integer or nil\n", bad);
    }
    assert.equal(lua(`print(pcall(crypto.random, math.maxinteger))`), "false\tnot enough memory\n");
  });
});

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const RSA_PKCS8 = rsa.privateKey.export({ type: "pkcs8", format: "pem" }) as string;
const RSA_PKCS1 = rsa.privateKey.export({ type: "pkcs1", format: "pem" }) as string;
const ec256 = generateKeyPairSync("ec", { namedCurve: "P-256" });
const ec384 = generateKeyPairSync("ec", { namedCurve: "P-384" });
const EC256_PEM = ec256.privateKey.export({ type: "pkcs8", format: "pem" }) as string;
const EC256_SEC1 = ec256.privateKey.export({ type: "sec1", format: "pem" }) as string;
const EC384_PEM = ec384.privateKey.export({ type: "pkcs8", format: "pem" }) as string;

function decodePart(part: string): string {
  return Buffer.from(part, "base64url").toString("utf8");
}

/** Splits a token and checks its RS/ES signature with node:crypto. */
function checkToken(token: string, hash: string, key: ReturnType<typeof createPublicKey>, ec = false): [string, string] {
  const parts = token.split(".");
  assert.equal(parts.length, 3);
  for (const p of parts) assert.match(p, /^[A-Za-z0-9_-]+$/, "base64url without padding");
  const ok = verify(hash, Buffer.from(`${parts[0]}.${parts[1]}`), ec ? { key, dsaEncoding: "ieee-p1363" } : key, Buffer.from(parts[2], "base64url"));
  assert.ok(ok, "signature verifies");
  return [decodePart(parts[0]), decodePart(parts[1])];
}

function sign(claims: string, pem: string, rest = ""): string {
  return lua(`io.write(crypto.jwt_sign(${claims}, [[${pem}]]${rest}))`);
}

describe("crypto.jwt_sign", () => {
  const CLAIMS = `{iss = "test-issuer", sub = "test-subject", aud = "test-audience", iat = 1700000000, exp = 1700003600}`;

  it("signs RS256 by default with a PKCS#8 key; header and sorted claims as the original", () => {
    const token = sign(CLAIMS, RSA_PKCS8);
    const [header, payload] = checkToken(token, "sha256", rsa.publicKey);
    assert.equal(header, '{"typ":"JWT","alg":"RS256"}');
    assert.equal(payload, '{"aud":"test-audience","exp":1700003600,"iat":1700000000,"iss":"test-issuer","sub":"test-subject"}');
  });
  it("verifies with jose (audience, issuer, subject)", async () => {
    const jose = createRequire(import.meta.url)("jose") as typeof import("jose");
    const token = sign(`{iss = "test-issuer", sub = "test-subject", aud = "test-audience", iat = math.floor(time()), exp = math.floor(time()) + 600}`, RSA_PKCS8);
    const { payload, protectedHeader } = await jose.jwtVerify(token, rsa.publicKey, { audience: "test-audience", algorithms: ["RS256"] });
    assert.equal(payload.iss, "test-issuer");
    assert.equal(payload.sub, "test-subject");
    assert.equal(protectedHeader.alg, "RS256");
    const es = sign(`{aud = "a"}`, EC384_PEM, `, "ES384", {kid = "e1"}`);
    const r = await jose.jwtVerify(es, ec384.publicKey, { audience: "a" });
    assert.equal(r.protectedHeader.kid, "e1");
  });
  it("accepts PKCS#1 keys, RS384/RS512 and lowercase names, and a kid", () => {
    for (const [alg, hash] of [["rs384", "sha384"], ["RS512", "sha512"], ["Rs256", "sha256"]]) {
      const token = sign(CLAIMS, RSA_PKCS1, `, "${alg}", {kid = "my-key-id-123"}`);
      const [header] = checkToken(token, hash, rsa.publicKey);
      assert.equal(header, `{"typ":"JWT","alg":"${alg.toUpperCase()}","kid":"my-key-id-123"}`);
    }
  });
  it("reads kid as mlua does: numbers converted, other types ignored, JSON-escaped", () => {
    const h = (opts: string) => checkToken(sign("{}", RSA_PKCS8, `, nil, ${opts}`), "sha256", rsa.publicKey)[0];
    assert.equal(h("{kid = 42}"), '{"typ":"JWT","alg":"RS256","kid":"42"}');
    assert.equal(h("{kid = true}"), '{"typ":"JWT","alg":"RS256"}');
    assert.equal(h("{}"), '{"typ":"JWT","alg":"RS256"}');
    assert.equal(h('{kid = "a\\"b/ü"}'), '{"typ":"JWT","alg":"RS256","kid":"a\\"b/ü"}');
  });
  it("serialises claims with the Lua→JSON rules: floats, nesting, empty table, UTF-8", () => {
    const p = (claims: string) => checkToken(sign(claims, RSA_PKCS8), "sha256", rsa.publicKey)[1];
    assert.equal(p(`{iat = 1712345678.25, exp = 10.0, n = -0.0, big = 1e21, small = 1e-7}`), '{"big":1e21,"exp":10.0,"iat":1712345678.25,"n":-0.0,"small":1e-7}');
    assert.equal(p(`{roles = {"a", "b"}, meta = {[5] = "x", ok = true}, name = "Zoë ☃"}`), '{"meta":{"5":"x","ok":true},"name":"Zoë ☃","roles":["a","b"]}');
    assert.equal(p(`{}`), "[]");
    assert.equal(p(`{s = "line\\n\\t\\"q\\" \\1"}`), '{"s":"line\\n\\t\\"q\\" \\u0001"}');
    // no claims are added automatically
    assert.equal(p(`{sub = "x"}`), '{"sub":"x"}');
  });
  it("signs HS256/384/512 with the key string as the secret (an extension)", () => {
    for (const [alg, hash] of [["HS256", "sha256"], ["hs384", "sha384"], ["HS512", "sha512"]]) {
      const token = lua(`io.write(crypto.jwt_sign({sub = "x"}, "s3cr\\0et", "${alg}"))`);
      const [h, c, s] = token.split(".");
      assert.equal(decodePart(h), `{"typ":"JWT","alg":"${alg.toUpperCase()}"}`);
      assert.equal(decodePart(c), '{"sub":"x"}');
      assert.equal(s, createHmac(hash, "s3cr\0et").update(`${h}.${c}`).digest("base64url"));
    }
  });
  it("signs ES256/ES384 with P-256/P-384 keys, signatures in JOSE (r||s) form (an extension)", () => {
    const t256 = sign(CLAIMS, EC256_PEM, `, "ES256"`);
    assert.equal(Buffer.from(t256.split(".")[2], "base64url").length, 64);
    assert.equal(checkToken(t256, "sha256", ec256.publicKey, true)[0], '{"typ":"JWT","alg":"ES256"}');
    checkToken(sign(CLAIMS, EC256_SEC1, `, "es256"`), "sha256", ec256.publicKey, true);
    const t384 = sign(CLAIMS, EC384_PEM, `, "ES384"`);
    assert.equal(Buffer.from(t384.split(".")[2], "base64url").length, 96);
    checkToken(t384, "sha384", ec384.publicKey, true);
  });
  it("raises the original's errors", () => {
    const err = (call: string) => lua(`print(select(2, pcall(crypto.jwt_sign, ${call})))`);
    assert.equal(err(`"x", "pem"`), "crypto.jwt_sign: first argument must be a claims table\n");
    assert.equal(err(`{}, 42`), "crypto.jwt_sign: second argument must be a PEM key string\n");
    assert.equal(err(`{}`), "crypto.jwt_sign: second argument must be a PEM key string\n");
    assert.equal(err(`{iss = "test"}, "not-a-valid-pem-key"`), "crypto.jwt_sign: invalid PEM key: InvalidKeyFormat\n");
    assert.equal(err(`{}, "k", "ps256"`), "crypto.jwt_sign: unsupported algorithm: PS256\n");
    assert.equal(err(`{}, "k", "none"`), "crypto.jwt_sign: unsupported algorithm: NONE\n");
    assert.equal(err(`{}, "k", 256`), "crypto.jwt_sign: third argument must be an algorithm string or nil\n");
    assert.equal(err(`{}, "k", nil, "kid"`), "crypto.jwt_sign: fourth argument must be an options table or nil\n");
    assert.match(err(`{x = 0/0}, "k"`), /^crypto\.jwt_sign: cannot encode NaN as JSON number\n$/);
    assert.match(err(`{f = print}, "k"`), /unsupported Lua type for JSON: function/);
    assert.match(err(`{}, [[${RSA_PKCS8}]], "ES256"`), /^crypto\.jwt_sign: invalid PEM key: /);
    assert.match(err(`{}, [[${EC384_PEM}]], "ES256"`), /^crypto\.jwt_sign: invalid PEM key: .*P-256/);
    assert.match(err(`{}, [[${EC256_PEM}]]`), /^crypto\.jwt_sign: invalid PEM key: /);
    const pub = rsa.publicKey.export({ type: "spki", format: "pem" }) as string;
    assert.match(err(`{}, [[${pub}]]`), /^crypto\.jwt_sign: invalid PEM key: /);
  });
});
