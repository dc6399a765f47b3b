// json.parse / json.encode through compiled Lua: spec §3, §0.5, §0.6, the reference's tests,
// and the extensions (json.null, json.object, json.array, cycle errors).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { luaString, luaText } from "../helpers/run-lua.ts";


const lua = luaText;

const q = luaString;

describe("json.encode (§3, §0.5)", () => {
  it("writes compact JSON with sorted keys", () => {
    assert.equal(lua(`print(json.encode({name="assay", version=1, b={z=1, a=2}}))`), `{"b":{"a":2,"z":1},"name":"assay","version":1}\n`);
    assert.equal(lua(`print(json.encode({["b"]=1, ["a"]=2, ["B"]=3, ["é"]=4, ["aa"]=5}))`), `{"B":3,"a":2,"aa":5,"b":1,"é":4}\n`);
  });
  it("nil, booleans, integers, floats, strings", () => {
    assert.equal(lua(`print(json.encode(nil), json.encode(), json.encode(true), json.encode(false), json.encode(42), json.encode(1.5), json.encode("s"))`),
      "null\tnull\ttrue\tfalse\t42\t1.5\t\"s\"\n");
    assert.equal(lua(`print(json.encode(math.maxinteger), json.encode(math.mininteger), json.encode(-7))`), "9223372036854775807\t-9223372036854775808\t-7\n");
  });
  it("floats keep a fractional part and use the shortest form, with exponents at the extremes", () => {
    assert.equal(lua(`print(json.encode({1.0, 3.14, 1e21, 1e-7, 100.0, 1e16, 1e15, 0.0001, 1e-5, 1e-6, -0.0, 2^53, 1/3, 1.5e300, -2.5e-10}))`),
      "[1.0,3.14,1e21,1e-7,100.0,1e16,1000000000000000.0,0.0001,0.00001,1e-6,-0.0,9007199254740992.0,0.3333333333333333,1.5e300,-2.5e-10]\n");
  });
  it("refuses NaN and infinities", () => {
    assert.equal(lua(`print(pcall(json.encode, 0/0)) print(pcall(json.encode, {x=1/0})) print(pcall(json.encode, {-1/0}))`),
      "false\tjson.encode: cannot encode NaN as JSON number\nfalse\tjson.encode: cannot encode inf as JSON number\nfalse\tjson.encode: cannot encode -inf as JSON number\n");
  });
  it("empty tables are arrays: {} → [], {a={}} → {\"a\":[]}", () => {
    assert.equal(lua(`print(json.encode({}), json.encode({a={}}), json.encode({{}, {{}}}))`), `[]\t{"a":[]}\t[[],[[]]]\n`);
  });
  it("dense 1..n tables are arrays; mixed and sparse tables are objects", () => {
    assert.equal(lua(`print(json.encode({1, 2, 3}), json.encode({1, 2, x=3}), json.encode({1, nil, 3}), json.encode({[2]="b"}))`),
      `[1,2,3]\t{"1":1,"2":2,"x":3}\t{"1":1,"3":3}\t{"2":"b"}\n`);
    assert.equal(lua(`local t = {} t[3]="c" t[1]="a" t[2]="b" print(json.encode(t))`), `["a","b","c"]\n`);
  });
  it("integer keys become decimal text, float keys plain decimal text, other keys raise", () => {
    assert.equal(lua(`print(json.encode({[5]="x"}), json.encode({[1.5]="y", [-3]="z"}), json.encode({[1e-7]=1}))`), `{"5":"x"}\t{"-3":"z","1.5":"y"}\t{"0.0000001":1}\n`);
    assert.equal(lua(`print(pcall(json.encode, {[true]=1})) print(pcall(json.encode, {[{}]=1}))`),
      "false\tjson.encode: unsupported table key type: boolean\nfalse\tjson.encode: unsupported table key type: table\n");
  });
  it("refuses functions, userdata and threads", () => {
    assert.equal(lua(`print(pcall(json.encode, print)) print(pcall(json.encode, {f=io.stdout})) print(pcall(json.encode, {coroutine.create(print)}))`),
      "false\tjson.encode: unsupported Lua type for JSON: function\nfalse\tjson.encode: unsupported Lua type for JSON: userdata\nfalse\tjson.encode: unsupported Lua type for JSON: thread\n");
  });
  it("escapes strings JSON-style: \\\" \\\\ \\n \\t \\r \\b \\f, other controls as \\u00XX; / and non-ASCII raw", () => {
    assert.equal(lua(`print(json.encode("a\\"b\\\\c\\nd\\te\\rf\\bg\\fh\\1i\\31j/k\\127é😀"))`), `"a\\"b\\\\c\\nd\\te\\rf\\bg\\fh\\u0001i\\u001fj/k\x7fé😀"\n`);
  });
  it("ignores a second argument (no pretty printing)", () => {
    assert.equal(lua(`print(json.encode({a=1, b={1}}, {pretty=true}), json.encode({a=1}, true))`), `{"a":1,"b":[1]}\t{"a":1}\n`);
  });
  it("refuses invalid UTF-8 strings, naming the builtin", () => {
    assert.match(lua(`print(pcall(json.encode, "ok\\255"))`), /^false\tjson\.encode: invalid UTF-8/);
    assert.match(lua(`print(pcall(json.encode, {["\\200"]=1}))`), /^false\tjson\.encode: invalid UTF-8/);
  });
  it("refuses reference cycles but allows shared tables", () => {
    assert.equal(lua(`local t = {} t.self = t print(pcall(json.encode, t))`), "false\tjson.encode: cannot encode a table that contains itself (reference cycle)\n");
    assert.equal(lua(`local s = {1} print(json.encode({a=s, b=s, c={s}}))`), `{"a":[1],"b":[1],"c":[[1]]}\n`);
  });
  it("ignores metatables except __jsontype", () => {
    assert.equal(lua(`local t = setmetatable({}, {__index=function() return 1 end}) print(json.encode(t))`), "[]\n");
  });
  it("is a function of the json table; there is no json.decode", () => {
    assert.equal(lua(`print(type(json.parse), type(json.encode), json.decode)`), "function\tfunction\tnil\n");
  });
});

describe("json.parse (§3, §0.6)", () => {
  it("parses objects and arrays (reference tests)", () => {
    assert.equal(lua(`local t = json.parse('{"name":"assay","version":1}') print(t.name, t.version, math.type(t.version))`), "assay\t1\tinteger\n");
    assert.equal(lua(`local a = json.parse('[1,2,3]') print(#a, a[1], a[3])`), "3\t1\t3\n");
    assert.equal(lua(`local d = json.parse('{"k":"v"}') print(d.k)`), "v\n");
  });
  it("round-trips parse → encode → parse", () => {
    assert.equal(lua(`
      local t = json.parse('{"name":"assay","version":1}')
      local s = json.encode(t)
      print(s:find('"name"') ~= nil, json.parse(s).name)
      local u = json.parse(json.encode({name="assay", version="0.5.0"}))
      print(u.name, u.version)`), "true\tassay\nassay\t0.5.0\n");
  });
  it("accepts any top-level value", () => {
    assert.equal(lua(`print(json.parse("42"), json.parse("null"), json.parse('"s"'), json.parse("true"), json.parse(" 1.5 "), json.parse("[]") ~= nil)`), "42\tnil\ts\ttrue\t1.5\ttrue\n");
  });
  it("null becomes nil: absent object members, holes in arrays", () => {
    assert.equal(lua(`local t = json.parse('{"a":null,"b":1}') print(t.a, t.b, next(t)) local a = json.parse('[1,null,3]') print(a[1], a[2], a[3])`), "nil\t1\tb\t1\n1\tnil\t3\n");
  });
  it("integers that fit i64 are integers; fractions, exponents and larger numbers are floats", () => {
    assert.equal(lua(`
      local t = json.parse('[1, -5, 1.0, 1e2, 2.5, 9223372036854775807, -9223372036854775808, 9223372036854775808, 12345678901234567890, -0, 1E-2]')
      for i = 1, 11 do io.write(tostring(t[i]), ":", math.type(t[i]), " ") end print()`),
    "1:integer -5:integer 1.0:float 100.0:float 2.5:float 9223372036854775807:integer -9223372036854775808:integer 9.2233720368548e+18:float 1.2345678901235e+19:float -0.0:float 0.01:float \n");
    assert.equal(lua(`print(json.parse("9007199254740993") == 9007199254740993, json.parse("9007199254740993"))`), "true\t9007199254740993\n");
  });
  it("duplicate keys: the last wins", () => {
    assert.equal(lua(`local t = json.parse('{"a":1,"a":2}') print(t.a) print(json.parse('{"a":1,"a":null}').a)`), "2\nnil\n");
  });
  it("decodes escapes and keeps UTF-8 bytes: héllo round-trips unchanged", () => {
    assert.equal(lua(`local s = json.parse('"\\\\u00e9\\\\ud83d\\\\ude00\\\\n\\\\t\\\\"\\\\\\\\\\\\/\\\\b\\\\f\\\\r"') print(#s, s == "é😀\\n\\t\\"\\\\/\\b\\f\\r")`), "14\ttrue\n");
    assert.equal(lua(`local s = "héllo wörld ✓" print(json.parse(json.encode(s)) == s, json.encode(s), #json.encode(s))`), `true\t"héllo wörld ✓"\t${Buffer.byteLength('"héllo wörld ✓"')}\n`);
    assert.equal(lua(`local t = json.parse('{"clé":"välue"}') print(t["clé"])`), "välue\n");
  });
  it("is strict: no comments, trailing commas, NaN, single quotes or leading zeros", () => {
    const bad = ["[1,]", `{"a":1,}`, "// c\n1", "NaN", "'x'", "01", "+1", "1.", ".5", "[1 2]", `{"a" 1}`, "{1:2}", "Infinity"];
    for (const b of bad) assert.match(lua(`print(pcall(json.parse, ${q(b)}))`), /^false\tjson\.parse: /, b);
  });
  it("reports errors with serde_json's wording and positions", () => {
    const cases: [string, string][] = [
      ["", "EOF while parsing a value at line 1 column 0"],
      ["x", "expected value at line 1 column 1"],
      ["[1,]", "trailing comma at line 1 column 4"],
      [`{"a":1,}`, "trailing comma at line 1 column 8"],
      ["[1 2]", "expected `,` or `]` at line 1 column 4"],
      [`{"a" 1}`, "expected `:` at line 1 column 6"],
      ["{1:2}", "key must be a string at line 1 column 2"],
      [`"abc`, "EOF while parsing a string at line 1 column 4"],
      ["[", "EOF while parsing a list at line 1 column 1"],
      ["{", "EOF while parsing an object at line 1 column 1"],
      ["01", "invalid number at line 1 column 2"],
      ["1e400", "number out of range at line 1 column 5"],
      ["nul", "EOF while parsing a value at line 1 column 3"],
      ["nulx", "expected ident at line 1 column 4"],
      ["1 2", "trailing characters at line 1 column 3"],
      [`"\\x"`, "invalid escape at line 1 column 3"],
      ["\"a\u0001\"", "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3"],
      ["{\n  \"a\": 1,\n  \"b\" 2\n}", "expected `:` at line 3 column 7"],
    ];
    for (const [src, msg] of cases) {
      assert.equal(lua(`print(pcall(json.parse, ${q(src)}))`), `false\tjson.parse: ${msg}\n`, src);
    }
  });
  it("bounds nesting like serde_json (128 levels)", () => {
    assert.equal(lua(`print(pcall(json.parse, string.rep("[", 128) .. string.rep("]", 128)))`).startsWith("true\ttable"), true);
    assert.equal(lua(`print(pcall(json.parse, string.rep("[", 129) .. string.rep("]", 129)))`), "false\tjson.parse: recursion limit exceeded at line 1 column 129\n");
  });
  it("refuses invalid UTF-8 input and non-string arguments", () => {
    assert.match(lua(`print(pcall(json.parse, '"\\255"'))`), /^false\tjson\.parse: invalid UTF-8 in input \(byte 2\)/);
    assert.equal(lua(`print(pcall(json.parse, {})) print(pcall(json.parse)) print(json.parse(42))`),
      "false\tjson.parse: bad argument #1 (string expected, got table)\nfalse\tjson.parse: bad argument #1 (string expected, got no value)\n42\n");
  });
  it("raises builtin errors without a chunk:line: prefix", () => {
    assert.equal(lua(`json.parse("x")`), "ERROR: json.parse: expected value at line 1 column 1");
  });
});

describe("json extensions", () => {
  it("json.null encodes as null, also inside arrays and objects; parse still gives nil", () => {
    assert.equal(lua(`print(json.encode({a=json.null, b=1}), json.encode({1, json.null, 3}), json.encode(json.null), tostring(json.null), type(json.null))`),
      `{"a":null,"b":1}\t[1,null,3]\tnull\tjson.null\tuserdata\n`);
    assert.equal(lua(`print(json.parse("null"), json.parse("[null]")[1])`), "nil\tnil\n");
  });
  it("json.object() forces an object, json.array() an array with holes as null", () => {
    assert.equal(lua(`print(json.encode(json.object()), json.encode({a=json.object()}), json.encode(json.object({1, 2})), json.encode(json.array()), json.encode(json.array({1, nil, 3})))`),
      `{}\t{"a":{}}\t{"1":1,"2":2}\t[]\t[1,null,3]\n`);
    assert.equal(lua(`local t = {} print(json.object(t) == t, getmetatable(t).__jsontype)`), "true\tobject\n");
    assert.equal(lua(`print(pcall(json.encode, json.array({x=1})))`), "false\tjson.encode: table marked as array has a non-index key: x\n");
    assert.equal(lua(`print(pcall(json.object, setmetatable({}, {})))`), `false\tjson.object: the table already has a metatable (set __jsontype = "object" in it instead)\n`);
    assert.equal(lua(`print(json.encode(setmetatable({}, {__jsontype="object"})))`), "{}\n");
  });
});
