// base64.encode / base64.decode through compiled Lua: spec §6, the reference's tests, strict
// decoding errors, and binary round trips (an extension: the reference required UTF-8).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runLua } from "../helpers/run-lua.ts";
import { fromJs, toJs } from "../../runtime/value.ts";

function lua(src: string): string {
  const r = runLua(fromJs(src), "t.lua");
  const out = toJs(r.stdout);
  return r.error !== undefined ? out + "ERROR: " + toJs(r.error) : out;
}

describe("base64.encode (§6)", () => {
  it("uses the standard alphabet with padding (reference tests)", () => {
    assert.equal(lua(`print(base64.encode("hello world"))`), "aGVsbG8gd29ybGQ=\n");
    assert.equal(lua(`print(base64.encode("") == "", base64.encode("a"), base64.encode("ab"), base64.encode("abc"))`), "true\tYQ==\tYWI=\tYWJj\n");
    assert.equal(lua(`print(base64.encode("\\251\\255\\191"))`), "+/+/\n");
  });
  it("encodes UTF-8 text byte for byte, and numbers as their text", () => {
    assert.equal(lua(`print(base64.encode("héllo"), base64.encode(42))`), "aMOpbGxv\tNDI=\n");
  });
  it("rejects non-string arguments", () => {
    assert.equal(lua(`print(pcall(base64.encode, {})) print(pcall(base64.encode))`),
      "false\tbase64.encode: bad argument #1 (string expected, got table)\nfalse\tbase64.encode: bad argument #1 (string expected, got no value)\n");
  });
});

describe("base64.decode (§6)", () => {
  it("decodes standard padded base64 (reference tests)", () => {
    assert.equal(lua(`print(base64.decode("aGVsbG8gd29ybGQ="))`), "hello world\n");
    assert.equal(lua(`print(base64.decode("") == "")`), "true\n");
    assert.equal(lua(`local s = [[special chars: !@#$%^&*()_+-={}[]|;':",./<>?]] print(base64.decode(base64.encode(s)) == s)`), "true\n");
  });
  it("round-trips UTF-8 text and arbitrary bytes", () => {
    assert.equal(lua(`local s = "héllo wörld ✓" print(base64.decode(base64.encode(s)) == s)`), "true\n");
    assert.equal(lua(`local b = {} for i = 0, 255 do b[#b + 1] = string.char(i) end local s = table.concat(b)
      local e = base64.encode(s) print(#e, base64.decode(e) == s, base64.decode("/w==") == "\\255")`), "344\ttrue\ttrue\n");
  });
  it("is strict: padding required, no whitespace, no URL-safe alphabet, canonical trailing bits", () => {
    const cases: [string, string][] = [
      ["aGk", "Invalid padding"],
      ["YQ", "Invalid padding"],
      ["aGk==", "Invalid padding"],
      ["a", "Invalid input length: 1"],
      ["aG k", "Invalid symbol 32, offset 2."],
      ["aGk\\n", "Invalid symbol 10, offset 3."],
      ["aGk=\\n", "Invalid symbol 61, offset 3."],
      ["aGVsbG8-d29ybGQ_", "Invalid symbol 45, offset 7."],
      ["aGk=aGk=", "Invalid symbol 61, offset 3."],
      ["aGl=", "Invalid last symbol 108, offset 2."],
      ["YR==", "Invalid last symbol 82, offset 1."],
    ];
    for (const [input, why] of cases) {
      assert.equal(lua(`print(pcall(base64.decode, "${input}"))`), `false\tbase64.decode: ${why}\n`, input);
    }
  });
  it("rejects non-string arguments", () => {
    assert.equal(lua(`print(pcall(base64.decode, {}))`), "false\tbase64.decode: bad argument #1 (string expected, got table)\n");
  });
});
