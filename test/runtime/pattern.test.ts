// Unit tests: the pattern matcher through string.find / match / gsub, and its classes,
// against lua5.4's results. A row is [function, arguments, results joined by spaces or "!error"].
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LuaError } from "../../runtime/error.ts";
import { numberToString } from "../../runtime/number.ts";
import { results } from "../../runtime/value.ts";
import { matchClass } from "../../runtime/lib/lstrlib/pattern.ts";
import { str_find, str_gsub, str_match } from "../../runtime/lib/lstrlib/search.ts";

const FNS: Record<string, (...args: unknown[]) => unknown> = { find: str_find, match: str_match, gsub: str_gsub };

const ROWS: [string, unknown[], string][] = [
  ["find", ["hello world", "o w"], "5 7"],
  ["find", ["hello", "l+"], "3 4"],
  ["find", ["hello", "xyz"], "nil"],
  ["find", ["a.b", "."], "1 1"],
  ["find", ["a.b", "%."], "2 2"],
  ["find", ["key = val", "(%w+)%s*=%s*(%w+)"], "1 9 key val"],
  ["find", ["abc", "()b()"], "2 2 2 3"],
  ["find", ["abc", "^b"], "nil"],
  ["find", ["abc", "c$"], "3 3"],
  ["find", ["a$b", "$b"], "2 3"],
  ["find", ["hello", "l", -2], "4 4"],
  ["find", ["", ""], "1 0"],
  ["find", ["abc", "", 10], "nil"],
  ["match", ["hello", "(h)(e)"], "h e"],
  ["match", ["  x  ", "^%s*(.-)%s*$"], "x"],
  ["match", ["<a><b>", "<(.*)>"], "a><b"],
  ["match", ["<a><b>", "<(.-)>"], "a"],
  ["match", ["aaab", "a-b"], "aaab"],
  ["match", ["b", "a?b"], "b"],
  ["match", ["x1y22", "%d+"], "1"],
  ["match", ["f(a(b)c)", "%b()"], "(a(b)c)"],
  ["match", ["THE fox", "%f[%a]%a+"], "THE"],
  ["match", ["abcabc", "(abc)%1"], "abc"],
  ["match", ["a]b", "[]]"], "]"],
  ["match", ["a-b", "[a-]+"], "a-"],
  ["match", ["^x", "[%^x]+"], "^x"],
  ["match", ["Zz9_", "[%w_]+"], "Zz9_"],
  ["match", ["tab\there", "%s"], "\t"],
  ["match", ["abc", "%u"], "nil"],
  ["match", ["ABC", "%U*"], ""],
  ["match", ["0x1F", "%x+$"], "1F"],
  ["match", ["hello", ".-$"], "hello"],
  ["match", ["a.b.c", "^(.-)%."], "a"],
  ["match", ["a.b.c", "^(.*)%."], "a.b"],
  ["match", ["a", "(%1)"], "!invalid capture index %1"],
  ["match", ["a", "(a"], "!unfinished capture"],
  ["match", ["a", "a)"], "!invalid pattern capture"],
  ["match", ["a", "%"], "!malformed pattern (ends with '%')"],
  ["match", ["a", "[a"], "!malformed pattern (missing ']')"],
  ["match", ["a", "%b"], "!malformed pattern (missing arguments to '%b')"],
  ["match", ["a", "%fa"], "!missing '[' after '%f' in pattern"],
  ["match", ["a", "%0"], "!invalid capture index %0"],
  ["gsub", ["hello world", "o", 0], "hell0 w0rld 2"],
  ["gsub", ["hello", "", "-"], "-h-e-l-l-o- 6"],
  ["gsub", ["abc", "%w", "%0%0"], "aabbcc 3"],
  ["gsub", ["a b", "(%w)", "<%1>"], "<a> <b> 2"],
  ["gsub", ["hello", "^h", "H"], "Hello 1"],
  ["gsub", ["abc", ".-", "-"], "-a-b-c- 4"],
  ["gsub", ["x=1 y=2", "(%w)=(%d)", "%2=%1"], "1=x 2=y 2"],
  ["gsub", ["a.b", "%.", "%%"], "a%b 1"],
  ["gsub", ["abc", "b", "%2"], "!invalid capture index %2"],
  ["gsub", ["abc", "b", "%"], "!invalid use of '%' in replacement string"],
  ["gsub", ["aaa", "a", "b", 2], "bba 2"],
]

function run(fn: string, args: unknown[]): string {
  try {
    return results(FNS[fn](...args))
      .map((v) => (v === undefined ? "nil" : typeof v === "string" ? v : numberToString(v as number)))
      .join(" ");
  } catch (e) {
    if (!(e instanceof LuaError)) throw e;
    return "!" + String(e.value).replace(/^.*?:\d+: /, "");
  }
}

describe("pattern matching", () => {
  for (const [fn, args, expected] of ROWS) {
    it(`${fn}(${args.map((a) => JSON.stringify(a)).join(", ")})`, () => assert.equal(run(fn, args), expected));
  }
});

describe("character classes (C locale)", () => {
  // [class letter, number of bytes 0..255 in it] as lua5.4 counts them
  const COUNTS: [string, number][] = [
    ["a", 52], ["c", 33], ["d", 10], ["g", 94], ["l", 26], ["p", 32], ["s", 6], ["u", 26], ["w", 62], ["x", 22],
    ["A", 204], ["D", 246], ["S", 250], ["W", 194],
  ];
  for (const [cl, n] of COUNTS) {
    it(`%${cl} holds ${n} bytes`, () => {
      let count = 0;
      for (let c = 0; c < 256; c++) if (matchClass(c, cl.charCodeAt(0))) count++;
      assert.equal(count, n);
    });
  }
  it("non-class letters match themselves", () => {
    assert.equal(matchClass(46, 46), true);
    assert.equal(matchClass(98, 98), true);
    assert.equal(matchClass(0xe9, 0x61), false);
  });
});
