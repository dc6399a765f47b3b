// assert builtins through compiled Lua: the assertion table's messages and Lua's assert via __call.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runLua } from "../helpers/run-lua.ts";
import { toJs } from "../../runtime/value.ts";

function lua(src: string): string {
  const r = runLua(src, "t.lua");
  if (r.error !== undefined) return r.stdout + "ERROR: " + r.error;
  return r.stdout;
}

/** The error message of a failing call (decoded from UTF-8), or "ok". */
function err(call: string): string {
  return toJs(lua(`local ok, e = pcall(function() ${call} end) print(ok and "ok" or e)`)).replace(/\n$/, "");
}

describe("assert.eq / assert.ne", () => {
  it("passes for equal values", () => {
    assert.equal(err(`assert.eq(42, 42) assert.eq(nil, nil) assert.eq(true, true) assert.eq("a", "a") assert.eq(42, 42.0) assert.eq(0.1 + 0.2, 0.3)`), "ok");
    assert.equal(err(`assert.eq(1 + 1, 2, "math works")`), "ok");
  });
  it("fails with quoted values and the message, without a position", () => {
    assert.equal(err(`assert.eq(1, 2, "numbers differ")`), 'assert.eq failed: "1" != "2" - numbers differ');
    assert.equal(err(`assert.eq(1, 2)`), 'assert.eq failed: "1" != "2"');
    assert.equal(err(`assert.eq("a\\n\\"b\\\\", 1.5)`), 'assert.eq failed: "a\\n\\"b\\\\" != "1.5"');
    assert.equal(err(`assert.eq(42.0, nil)`), 'assert.eq failed: "42" != "nil"');
    assert.equal(err(`assert.eq(1e20, true)`), 'assert.eq failed: "100000000000000000000" != "true"');
    assert.equal(err(`assert.eq(0/0, -math.huge)`), 'assert.eq failed: "NaN" != "-inf"');
    assert.equal(err(`assert.eq(print, {})`), 'assert.eq failed: "<function>" != "<table>"');
    assert.equal(err(`assert.eq(math.maxinteger, 1)`), 'assert.eq failed: "9223372036854775807" != "1"');
    assert.equal(err(`assert.eq("\\t\\0\\u{200B}\\u{e9}'", "")`), 'assert.eq failed: "\\t\\0\\u{200b}é\'" != ""');
  });
  it("tables, functions and numeric strings are never equal", () => {
    assert.equal(err(`local t = {} assert.eq(t, t)`), 'assert.eq failed: "<table>" != "<table>"');
    assert.equal(err(`assert.eq("1", 1)`), 'assert.eq failed: "1" != "1"');
    assert.equal(err(`assert.eq(math.huge, math.huge)`), 'assert.eq failed: "inf" != "inf"');
    assert.equal(err(`assert.eq(1, 1 + 1e-15)`), 'assert.eq failed: "1" != "1.000000000000001"');
  });
  it("any message argument is converted with tostring, even an explicit nil", () => {
    assert.equal(err(`assert.eq(1, 2, nil)`), 'assert.eq failed: "1" != "2" - nil');
    assert.equal(err(`assert.eq(1, 2, 7)`), 'assert.eq failed: "1" != "2" - 7');
    assert.equal(err(`assert.eq(1, 2, setmetatable({}, {__tostring = function() return "custom" end}))`), 'assert.eq failed: "1" != "2" - custom');
  });
  it("ne is the opposite", () => {
    assert.equal(err(`assert.ne(1, 2) assert.ne("x", nil) local t = {} assert.ne(t, t)`), "ok");
    assert.equal(err(`assert.ne(1, 1.0, "same")`), 'assert.ne failed: "1" == "1" - same');
    assert.equal(err(`assert.ne(nil, nil)`), 'assert.ne failed: "nil" == "nil"');
  });
});

describe("assert.gt / assert.lt", () => {
  it("compare numbers and print them in the shortest plain form", () => {
    assert.equal(err(`assert.gt(10, 5) assert.lt(5, 10) assert.gt(1.5, 1) assert.lt(-1, 0.5)`), "ok");
    assert.equal(err(`assert.gt(5, 10)`), "assert.gt failed: 5 is not > 10");
    assert.equal(err(`assert.lt(10, 5, "m")`), "assert.lt failed: 10 is not < 5 - m");
    assert.equal(err(`assert.gt(5.0, 5)`), "assert.gt failed: 5 is not > 5");
    assert.equal(err(`assert.lt(1e-7, 1e-8)`), "assert.lt failed: 0.0000001 is not < 0.00000001");
    assert.equal(err(`assert.gt(0/0, 1)`), "assert.gt failed: NaN is not > 1");
  });
  it("reject non-numbers, numeric strings included", () => {
    assert.equal(err(`assert.gt("10", 5)`), "assert.gt: both arguments must be numbers");
    assert.equal(err(`assert.lt(1, nil, "m")`), "assert.lt: both arguments must be numbers");
  });
});

describe("assert.contains / assert.not_nil / assert.matches", () => {
  it("contains is a plain substring test on strings", () => {
    assert.equal(err(`assert.contains("hello world", "world") assert.contains("a.b", ".")`), "ok");
    assert.equal(err(`assert.contains("hello", "xyz")`), 'assert.contains failed: "hello" does not contain "xyz"');
    assert.equal(err(`assert.contains("a\\nb", "%", "m")`), 'assert.contains failed: "a\\nb" does not contain "%" - m');
    assert.equal(err(`assert.contains(1, "1")`), "assert.contains: first argument must be a string");
    assert.equal(err(`assert.contains("1", 1)`), "assert.contains: second argument must be a string");
  });
  it("not_nil passes for anything but nil, false included", () => {
    assert.equal(err(`assert.not_nil("something") assert.not_nil(false) assert.not_nil(0)`), "ok");
    assert.equal(err(`assert.not_nil(nil)`), "assert.not_nil failed: value is nil");
    assert.equal(err(`assert.not_nil(nil, "token missing")`), "assert.not_nil failed: value is nil - token missing");
    assert.equal(err(`assert.not_nil()`), "assert.not_nil failed: value is nil");
  });
  it("matches uses Lua patterns", () => {
    assert.equal(err(`assert.matches("v0.5.0", "^v%d+%.%d+") assert.matches("abc", "b")`), "ok");
    assert.equal(err(`assert.matches("abc", "^b", "m")`), 'assert.matches failed: "abc" does not match pattern "^b" - m');
    assert.equal(err(`assert.matches("abc", "%")`), "assert.matches: pattern error: malformed pattern (ends with '%')");
    assert.equal(err(`assert.matches(5, "5")`), "assert.matches: first argument must be a string");
    assert.equal(err(`assert.matches("5", 5)`), "assert.matches: second argument must be a pattern string");
  });
  it("the functions return nothing", () => {
    assert.equal(lua(`print(select('#', assert.eq(1, 1)), select('#', assert.not_nil(1)), select('#', assert.matches("a", "a")))`), "0\t0\t0\n");
  });
});

describe("assert as Lua's assert", () => {
  it("is a table that can still be called like lua5.4's assert", () => {
    assert.equal(lua(`print(type(assert)) print(assert(1, 2, 3)) print(assert("v")) print(select('#', assert(true, nil, nil)))`), "table\n1\t2\t3\nv\n3\n");
  });
  it("raises 'assertion failed!' or the message, with the caller's position as lua5.4 does", () => {
    assert.equal(lua(`print(pcall(function() assert(false) end))`), "false\tt.lua:1: assertion failed!\n");
    assert.equal(lua(`print(pcall(function()\n  assert(nil, "boom")\nend))`), "false\tt.lua:2: boom\n");
    assert.equal(lua(`print(pcall(assert, false, "direct"))`), "false\tdirect\n");
    assert.equal(lua(`print(pcall(assert, false))`), "false\tassertion failed!\n");
    assert.equal(lua(`local t = {} local ok, e = pcall(function() assert(false, t) end) print(ok, e == t)`), "false\ttrue\n");
    assert.equal(lua(`print(pcall(function() assert() end))`), "false\tt.lua:1: bad argument #1 to 'assert' (value expected)\n");
  });
  it("an uncaught failure ends the script with the message", () => {
    assert.equal(lua(`assert(1 == 2, "oops")`), "ERROR: t.lua:1: oops");
    assert.equal(lua(`assert.eq(1, 2, "should fail")`), 'ERROR: assert.eq failed: "1" != "2" - should fail');
  });
  it("holds exactly the spec's assertion functions", () => {
    assert.equal(lua(`local k = {} for n in pairs(assert) do k[#k + 1] = n end table.sort(k) print(table.concat(k, " "))`),
      "contains eq gt lt matches ne not_nil\n");
  });
});
