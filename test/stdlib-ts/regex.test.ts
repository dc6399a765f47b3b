// regex.match / find / find_all / replace through compiled Lua: Rust-regex syntax and semantics.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runLua } from "../helpers/run-lua.ts";

/** Runs UTF-8 Lua source; returns stdout decoded as UTF-8 plus any uncaught error. */
function lua(src: string): string {
  const r = runLua(Buffer.from(src, "utf8").toString("latin1"), "t.lua");
  return Buffer.from(r.stdout + (r.error === undefined ? "" : "ERROR: " + r.error), "latin1").toString("utf8");
}

/** Prints find_all's matches joined by "|" with their count. */
const ALL = `local function all(t, p) local r = regex.find_all(t, p) print(#r, table.concat(r, "|")) end`;

describe("regex (reference behaviours)", () => {
  it("match, find, find_all, replace as the original's tests assert", () => {
    assert.equal(
      lua(`print(regex.match("hello world", "^hello"), regex.match("hello world", "^world"))
           local r = regex.find("2026-02-10", "^(\\\\d{4})-(\\\\d{2})-(\\\\d{2})$")
           print(r.match, r.groups[1], r.groups[2], r.groups[3], #r.groups)
           print(regex.find("hello", "^\\\\d+$"))
           local a = regex.find_all("foo123bar456baz", "\\\\d+") print(#a, a[1], a[2])
           print(regex.replace("hello world", "world", "lua"))
           print(regex.replace("aaa bbb aaa", "aaa", "ccc"))
           print(regex.replace("John Smith", "(\\\\w+) (\\\\w+)", "$2, $1"))
           print(pcall(regex.match, "test", "["))
           print(regex.replace("foo bar", "foo", "baz"), regex.match("assay v0.5.0", "v\\\\d+\\\\.\\\\d+\\\\.\\\\d+"))
           print(regex.find("version 0.5.0 release", "(\\\\d+\\\\.\\\\d+\\\\.\\\\d+)").groups[1])`),
      "true\tfalse\n2026-02-10\t2026\t02\t10\t3\nnil\n2\t123\t456\nhello lua\nccc bbb ccc\nSmith, John\n" +
        "false\tregex.match: invalid pattern: error parsing regexp: missing closing ]: `[`\nbaz bar\ttrue\n0.5.0\n",
    );
  });
});

describe("regex.match and regex.find", () => {
  it("searches unanchored; the argument order is (text, pattern)", () => {
    assert.equal(lua(`print(regex.match("say hello", "hello"), regex.match("hello", "say hello"))`), "true\tfalse\n");
  });
  it("find: the first match; a group that did not take part leaves a hole; named groups by number", () => {
    assert.equal(
      lua(`local r = regex.find("xyz xyz", "(a)|(y)(?P<tail>z)")
           print(r.match, r.groups[1], r.groups[2], r.groups[3], r.groups.tail, #r.match)
           r = regex.find("ab", "a(x)?b") print(r.match, next(r.groups))
           r = regex.find("abc", "b") print(r.match, next(r.groups))
           r = regex.find("abc", "(?<first>a)(?:b)(c)") print(r.groups[1], r.groups[2], r.groups.first)`),
      "yz\tnil\ty\tz\tnil\t2\nab\tnil\nb\tnil\na\tc\tnil\n",
    );
  });
  it("an empty match is a match", () => {
    assert.equal(lua(`local r = regex.find("abc", "x*") print(r.match == "", regex.match("", "^$"))`), "true\ttrue\n");
  });
  it("supports Rust syntax: (?i) (?m) (?s) (?U), \\A \\z, POSIX classes, \\p{Greek}, \\x{..} and \\u{..}", () => {
    assert.equal(
      lua(`print(regex.match("HeLLo", "(?i)^hello$"), regex.match("a\\nb", "^b$"), regex.match("a\\nb", "(?m)^b$"))
           print(regex.match("a\\nb", "a.b"), regex.match("a\\nb", "(?s)a.b"), regex.find("aaa", "(?U)a+").match)
           print(regex.match("x\\n", "x$"), regex.match("x\\n", "x\\\\z"), regex.match("a\\nb", "(?m)\\\\Ab"))
           print(regex.match("abc", "^[[:alpha:]]+$"), regex.match("ab1", "^[[:^digit:]]+$"))
           print(regex.match("αβγ", "^\\\\p{Greek}+$"), regex.match("abc", "\\\\p{Greek}"))
           print(regex.match("Ω", "^\\\\x{3A9}$"), regex.match("Ω", "^\\\\u{3a9}$"), regex.match("Ω", "^\\\\u03A9$"), regex.match("Ω", "^\\\\U000003A9$"))`),
      "true\tfalse\ttrue\nfalse\ttrue\ta\nfalse\tfalse\tfalse\ntrue\tfalse\ntrue\tfalse\ntrue\ttrue\ttrue\ttrue\n",
    );
  });
  it("\\d, \\w, \\s and \\b are ASCII classes as in the original; \\s includes \\v", () => {
    assert.equal(
      lua(`print(regex.match("٣", "\\\\d"), regex.match("é", "\\\\w"), regex.match("\\u{2000}", "\\\\s"), regex.match("δ", "\\\\b"))
           print(regex.match("\\v", "^\\\\s$"), regex.match("\\v", "^[\\\\s]$"), regex.match("\\v", "^\\\\S$"), regex.match("\\v", "^[x\\\\S]$"))
           print(regex.match("é", "^[\\\\S]$"), regex.match(" ", "^[^\\\\S]$"))`),
      "false\tfalse\tfalse\tfalse\ntrue\ttrue\tfalse\tfalse\ntrue\ttrue\n",
    );
  });
  it("supports the x (verbose) flag: whitespace and # comments ignored, \\  a literal space", () => {
    assert.equal(
      lua(`print(regex.find("1973-01-05", [[(?x)
             (?P<y>\\d{4}) # the year
             -
             (?P<m>\\d{2}) # the month
           ]]).match)
           print(regex.match("a b", "(?x) a \\\\  b"), regex.match("ab", "(?x) a b"), regex.match("a b", "(?x)a(?-x: )b"))
           print(regex.match("a b", "(?x: a b )"), regex.match("ab ", "(?x: a b ) "), regex.match("a b", "(?x:a)( )b"))
           print(regex.match("a#b", "a#b"), regex.match("a", "(?ix) A # comment"))`),
      "1973-01\ntrue\ttrue\ttrue\nfalse\ttrue\ttrue\ntrue\ttrue\n",
    );
  });
  it("'.' and classes match whole UTF-8 characters", () => {
    assert.equal(
      lua(`print(regex.find("☃x", "^.").match, #regex.find("日本語", "^..").match, regex.find("añb", "[ñ]").match)`),
      "☃\t6\tñ\n",
    );
  });
  it("runs in linear time: (a+)+$ on a long input", () => {
    const t0 = Date.now();
    assert.equal(lua(`local s = string.rep("a", 200000) .. "b" print(regex.match(s, "(a+)+$"), regex.find(s, "(a|aa)+$"))`), "false\tnil\n");
    assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms`);
  });
});

describe("regex.find_all", () => {
  it("returns all non-overlapping matches, {} when none", () => {
    assert.equal(
      lua(`${ALL} all("a1b22c333", "\\\\d+") all("abc", "\\\\d") all("aaaa", "aa") all("a1b2", "([a-z])(\\\\d)")`),
      "3\t1|22|333\n0\t\n2\taa|aa\n2\ta1|b2\n",
    );
  });
  it("handles empty matches as Rust does: none right after a match, never inside a character", () => {
    assert.equal(
      lua(`${ALL} all("baaab", "a*") all("abc", "") all("é☃", "") all("", "") all("aXbX", "X*")`),
      "3\t|aaa|\n4\t|||\n3\t||\n1\t\n3\t|X|X\n",
    );
  });
  it("keeps anchors and word boundaries relative to the whole text", () => {
    assert.equal(lua(`${ALL} all("aaa", "^a") all("one two", "\\\\b\\\\w") all("a\\nb\\nc", "(?m)^\\\\w$")`), "1\ta\n2\to|t\n3\ta|b|c\n");
  });
  it("returns UTF-8 substrings", () => {
    assert.equal(lua(`${ALL} all("héllo wörld ☃", "[^ ]+") all("日本語テキスト", "\\\\p{Han}+")`), "3\théllo|wörld|☃\n1\t日本語\n");
  });
});

describe("regex.replace", () => {
  it("replaces all matches and returns the text unchanged when nothing matches", () => {
    assert.equal(lua(`print(regex.replace("a-b-c", "-", "+"), regex.replace("abc", "x", "y"), regex.replace("", "^", "S"))`), "a+b+c\tabc\tS\n");
  });
  it("expands $1, $name, ${1}, ${name}, $0 and $$ as Rust's interpolation does", () => {
    assert.equal(
      lua(`local t, p = "1973-01-05", "(?P<y>\\\\d{4})-(?P<m>\\\\d{2})-(?P<d>\\\\d{2})"
           print(regex.replace(t, p, "$m/$d/$y"))
           print(regex.replace(t, p, "\${d}.\${m}.\${y} [$0] $$ $$y"))
           print(regex.replace(t, p, "$1x|\${1}x|$y_|\${y}_|$9|\${nope}|$"))
           print(regex.replace(t, p, "$ {y} \${y"))
           print(regex.replace("ab", "(a)(x)?", "[$2]"))`),
      "01/05/1973\n05.01.1973 [1973-01-05] $ $y\n|1973x||1973_|||$\n$ {y} ${y\n[]b\n",
    );
  });
  it("inserts empty-match replacements between characters, not inside them", () => {
    assert.equal(lua(`print(regex.replace("ab", "", "-"), regex.replace("é☃", "", "-"), regex.replace("baaab", "a*", "-"))`), "-a-b-\t-é-☃-\t-b-b-\n");
  });
  it("works on non-ASCII text, patterns and replacements", () => {
    assert.equal(
      lua(`print(regex.replace("naïve café", "(?P<w>\\\\p{L}+)", "«$w»"), regex.replace("ÀÉÎ", "É", "é"))`),
      "«naïve» «café»\tÀéÎ\n",
    );
  });
});

describe("regex errors and argument conversion", () => {
  it("names the function in invalid-pattern errors", () => {
    for (const fn of ["match", "find", "find_all"]) {
      assert.match(lua(`print(pcall(regex.${fn}, "x", "(a"))`), new RegExp(`^false\\tregex\\.${fn}: invalid pattern: .*missing closing \\)`));
    }
    assert.match(lua(`print(pcall(regex.replace, "x", "a{2", "y"))`), /^false\tregex\.replace: invalid pattern: /);
    assert.equal(lua(`print(pcall(regex.match, "x", "(x)\\\\1"))`), "false\tregex.match: invalid pattern: backreferences and octal escapes are not supported\n");
    assert.match(lua(`print(pcall(regex.match, "\\n", "[\\\\012]"))`), /^false\tregex\.match: invalid pattern: backreferences/);
    assert.match(lua(`print(pcall(regex.match, "x", "(?=x)"))`), /^false\tregex\.match: invalid pattern: /);
    assert.match(lua(`print(pcall(regex.match, "x", "\\\\u12"))`), /^false\tregex\.match: invalid pattern: /);
    assert.match(lua(`print(pcall(regex.match, "x", "a{1001}"))`), /^false\tregex\.match: invalid pattern: .*repeat count/);
  });
  it("reads counted repetitions as Rust does: a stray { is an error, {,n} is {0,n}", () => {
    for (const bad of ["a{", "a{x}", "{", "a{}", "a{ 2}", "a{,}"]) {
      assert.equal(lua(`print(pcall(regex.match, "a{", "${bad}"))`), "false\tregex.match: invalid pattern: invalid counted repetition\n", bad);
    }
    assert.equal(lua(`print(regex.find("aaaa", "a{,3}").match, regex.find("aaaa", "a{2}").match, regex.find("aaaa", "a{1,}").match)`), "aaa\taa\taaaa\n");
    assert.equal(lua(`print(regex.find("a{2}", "a\\\\{2\\\\}").match, regex.find("a{", "[{]").match, regex.find("aa", "(?x)a{ 2 }").match)`), "a{2}\t{\taa\n");
  });
  it("rejects Rust syntax that RE2 would read with another meaning", () => {
    assert.equal(lua(`print(pcall(regex.match, "a b", "\\\\<b"))`), "false\tregex.match: invalid pattern: word boundary assertion \\< is not supported\n");
    assert.equal(lua(`print(pcall(regex.match, "a b", "a\\\\b{end}"))`), "false\tregex.match: invalid pattern: word boundary assertion \\b{end} is not supported\n");
    assert.equal(lua(`print(pcall(regex.match, "a", "[a[b]]"))`), "false\tregex.match: invalid pattern: nested character classes are not supported\n");
  });
  it("raises without a position when called from Lua code", () => {
    assert.equal(lua(`regex.find("x", "[")`), "ERROR: regex.find: invalid pattern: error parsing regexp: missing closing ]: `[`");
  });
  it("converts numbers to strings and rejects other types and invalid UTF-8", () => {
    assert.equal(lua(`print(regex.match(12345, "^\\\\d+$"), regex.replace(3.5, "\\\\.", ","), regex.find_all(2^10, "\\\\.0")[1])`), "true\t3,5\t.0\n");
    assert.match(lua(`print(pcall(regex.match, nil, "a"))`), /^false\tbad argument #1 to 'regex\.match' \(string expected, got nil\)/);
    assert.match(lua(`print(pcall(regex.find, "a", {}))`), /^false\tbad argument #2 to 'regex\.find' \(string expected, got table\)/);
    assert.match(lua(`print(pcall(regex.replace, "a", "a"))`), /^false\tbad argument #3 to 'regex\.replace' \(string expected, got no value\)/);
    assert.match(lua(`print(pcall(regex.match, "\\xff", "a"))`), /^false\tbad argument #1 to 'regex\.match' \(invalid UTF-8 string\)/);
    assert.match(lua(`print(pcall(regex.replace, "a", "a", "\\xc3"))`), /^false\tbad argument #3 .*invalid UTF-8/);
  });
});
