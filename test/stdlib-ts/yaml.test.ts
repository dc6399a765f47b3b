// yaml.parse / yaml.encode through compiled Lua: spec §4 (via §0.5/§0.6), the reference's
// tests, alias-bomb limits, and UTF-8 round trips.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { luaString, luaText } from "../helpers/run-lua.ts";


const lua = luaText;

const q = luaString;

/** `yaml.parse(text)` then prints `tostring(v) .. ":" .. math.type-or-type(v)` for each field. */
function fields(text: string, keys: string[]): string {
  return lua(`local t = yaml.parse(${q(text)})
    for _, k in ipairs({${keys.map(q).join(",")}}) do
      local v = t[k] io.write(k, "=", tostring(v), ":", math.type(v) or type(v), " ")
    end print()`);
}

describe("yaml.parse (§4)", () => {
  it("parses mappings, sequences and nested mappings (reference tests)", () => {
    assert.equal(lua(`local t = yaml.parse("name: assay\\nversion: 1\\n") print(t.name, t.version, math.type(t.version))`), "assay\t1\tinteger\n");
    assert.equal(lua(`local t = yaml.parse("- one\\n- two\\n- three\\n") print(#t, t[1], t[3])`), "3\tone\tthree\n");
    assert.equal(lua(`local t = yaml.parse("server:\\n  host: localhost\\n  port: 8080\\n") print(t.server.host, t.server.port)`), "localhost\t8080\n");
    assert.equal(lua(`local t = yaml.parse("enabled: true\\ndisabled: false\\nempty: null\\n") print(t.enabled, t.disabled, t.empty)`), "true\tfalse\tnil\n");
  });
  it("booleans: true/True/TRUE/false/False/FALSE; yes/no/on/off stay strings", () => {
    assert.equal(fields("a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE\ng: yes\nh: no\ni: on\nj: off\nk: y\n", ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"]),
      "a=true:boolean b=true:boolean c=true:boolean d=false:boolean e=false:boolean f=false:boolean g=yes:string h=no:string i=on:string j=off:string k=y:string \n");
  });
  it("null, Null, NULL, ~ and empty values are nil", () => {
    assert.equal(lua(`local t = yaml.parse("a: null\\nb: Null\\nc: NULL\\nd: ~\\ne:\\nf: 1\\n") local n = 0 for k in pairs(t) do n = n + 1 end print(n, t.f)`), "1\t1\n");
    assert.equal(lua(`local t = yaml.parse("- 1\\n- ~\\n- 3\\n") print(t[1], t[2], t[3])`), "1\tnil\t3\n");
  });
  it("integers (decimal, 0x, 0o, signed) are integers; leading-zero digits stay strings", () => {
    assert.equal(fields("a: 42\nb: -7\nc: 0x1F\nd: 0o17\ne: +12\nf: 9223372036854775807\ng: 0123\nh: 0\n", ["a", "b", "c", "d", "e", "f", "g", "h"]),
      "a=42:integer b=-7:integer c=31:integer d=15:integer e=12:integer f=9223372036854775807:integer g=0123:string h=0:integer \n");
    assert.equal(fields("big: 9223372036854775808\n", ["big"]), "big=9.2233720368548e+18:float \n");
  });
  it("floats are floats (1.0 stays a float); .nan and .inf become nil", () => {
    assert.equal(fields("a: 1.0\nb: 3.14\nc: 1e3\nd: -2.5\ne: .5\nf: .inf\ng: -.inf\nh: .nan\ni: 1e400\n", ["a", "b", "c", "d", "e", "f", "g", "h", "i"]),
      "a=1.0:float b=3.14:float c=1000.0:float d=-2.5:float e=0.5:float f=nil:nil g=nil:nil h=nil:nil i=1e400:string \n");
  });
  it("quoted scalars are always strings", () => {
    assert.equal(fields(`a: "true"\nb: '123'\nc: "null"\nd: '1.5'\ne: ""\n`, ["a", "b", "c", "d", "e"]), "a=true:string b=123:string c=null:string d=1.5:string e=:string \n");
  });
  it("block scalars keep newlines", () => {
    assert.equal(lua(`local t = yaml.parse("text: |\\n  line one\\n  line two\\n") print(t.text:find("line one") ~= nil, t.text:find("line two") ~= nil, t.text == "line one\\nline two\\n")`), "true\ttrue\ttrue\n");
    assert.equal(lua(`local t = yaml.parse("t: >\\n  a\\n  b\\n") print(t.t == "a b\\n")`), "true\n");
  });
  it("sequences become 1-based tables, nulls leave holes; flow style works", () => {
    assert.equal(lua(`local t = yaml.parse("xs: [1, null, 3]\\nm: {a: 1, b: [x, y]}\\n") print(t.xs[1], t.xs[2], t.xs[3], t.m.a, t.m.b[2])`), "1\tnil\t3\t1\ty\n");
  });
  it("non-string keys become their text; duplicate keys: the last wins", () => {
    assert.equal(lua(`local t = yaml.parse("200: ok\\n1.5: f\\ntrue: b\\n") print(t["200"], t["1.5"], t["true"], t[200])`), "ok\tf\tb\tnil\n");
    assert.equal(lua(`print(yaml.parse("a: 1\\na: 2\\n").a)`), "2\n");
    assert.match(lua(`print(pcall(yaml.parse, "? [a, b]\\n: c\\n"))`), /^false\tyaml\.parse: mapping keys must be scalars/);
  });
  it("empty input is nil; multi-document input raises", () => {
    assert.equal(lua(`print(yaml.parse(""), yaml.parse("---\\n"), yaml.parse("# just a comment\\n"))`), "nil\tnil\tnil\n");
    assert.equal(lua(`print(pcall(yaml.parse, "a: 1\\n---\\nb: 2\\n"))`), "false\tyaml.parse: deserializing from YAML containing more than one document is not supported\n");
  });
  it("invalid YAML raises yaml.parse: <message> with line and column", () => {
    assert.equal(lua(`print(pcall(yaml.parse, ":\\n  :\\n  - ]["))`), "false\tyaml.parse: bad indentation of a mapping entry at line 3 column 5\n");
    assert.match(lua(`print(pcall(yaml.parse, "a: [1, 2\\n"))`), /^false\tyaml\.parse: .* at line \d+ column \d+\n$/);
    assert.match(lua(`print(pcall(yaml.parse, "a: \\"x\\n"))`), /^false\tyaml\.parse: /);
  });
  it("aliases expand to independent copies; recursive aliases and alias bombs are refused", () => {
    assert.equal(lua(`local t = yaml.parse("base: &b {x: 1}\\nuse: *b\\n") t.use.x = 2 print(t.base.x, t.use.x)`), "1\t2\n");
    assert.equal(lua(`print(pcall(yaml.parse, "a: &a [*a]\\n"))`), "false\tyaml.parse: recursive alias\n");
    const bomb = ["a: &a [x,x,x,x,x,x,x,x,x]"];
    const names = "bcdefghi".split("");
    names.forEach((n, i) => bomb.push(`${n}: &${n} [${Array(9).fill("*" + (i === 0 ? "a" : names[i - 1])).join(",")}]`));
    assert.match(lua(`print(pcall(yaml.parse, ${q(bomb.join("\n") + "\n")}))`), /^false\tyaml\.parse: repetition limit exceeded/);
  });
  it("keeps UTF-8 text and refuses invalid UTF-8 input", () => {
    assert.equal(lua(`local t = yaml.parse("name: héllo ✓\\nclé: välue\\n") print(t.name, t["clé"], #t.name)`), "héllo ✓\tvälue\t10\n");
    assert.match(lua(`print(pcall(yaml.parse, "a: \\255\\n"))`), /^false\tyaml\.parse: invalid UTF-8/);
  });
  it("bounds nesting", () => {
    assert.match(lua(`print(pcall(yaml.parse, string.rep("[", 200) .. string.rep("]", 200)))`), /^false\tyaml\.parse: /);
  });
});

describe("yaml.encode (§4)", () => {
  it("writes block style with sorted keys, a final newline and no ---", () => {
    assert.equal(lua(`io.write(yaml.encode({name="assay", version=1}))`), "name: assay\nversion: 1\n");
    assert.equal(lua(`io.write(yaml.encode({b={z=1, a={1, 2}}, a="x"}))`), "a: x\nb:\n  a:\n  - 1\n  - 2\n  z: 1\n");
    assert.equal(lua(`io.write(yaml.encode({{a=1, b=2}, {c={1, 2}}}))`), "- a: 1\n  b: 2\n- c:\n  - 1\n  - 2\n");
  });
  it("single-quotes strings that would re-parse as another type", () => {
    assert.equal(lua(`io.write(yaml.encode({a="true", b="yes", c="on", d="123", e="1.5", f="null", g="~", h="", i="0x10", j="plain text"}))`),
      "a: 'true'\nb: 'yes'\nc: 'on'\nd: '123'\ne: '1.5'\nf: 'null'\ng: '~'\nh: ''\ni: '0x10'\nj: plain text\n");
  });
  it("writes strings with newlines in literal block style", () => {
    assert.equal(lua(`io.write(yaml.encode({s="line one\\nline two\\n"}))`), "s: |\n  line one\n  line two\n");
    assert.equal(lua(`local s = "a\\nb" print(yaml.parse(yaml.encode({s=s})).s == s)`), "true\n");
  });
  it("floats keep .0; {} → []; nil → null; scalars at the top level", () => {
    assert.equal(lua(`io.write(yaml.encode({f=1.0, g=2.5, h=1e21, i=-0.0}))`), "f: 1.0\ng: 2.5\nh: 1e21\ni: -0.0\n");
    assert.equal(lua(`io.write(yaml.encode({}), yaml.encode(nil), yaml.encode({a={}}), yaml.encode("hi"), yaml.encode(5), yaml.encode(true))`), "[]\nnull\na: []\nhi\n5\ntrue\n");
    assert.equal(lua(`io.write(yaml.encode({a=json.object(), b=json.null}))`), "a: {}\nb: null\n");
  });
  it("round-trips (reference tests)", () => {
    assert.equal(lua(`
      local t = yaml.parse(yaml.encode(yaml.parse("greeting: hello\\ncount: 42\\n"))) print(t.greeting, t.count, math.type(t.count))
      local u = yaml.parse(yaml.encode({name="test", count=10, active=true})) print(u.name, u.count, u.active)
      local s = yaml.encode({key="value", num=42}) print(s:find("key") ~= nil, yaml.parse(s).key, yaml.parse(s).num)
      local e = yaml.encode({name="assay", version=1}) print(e:find("name") ~= nil, e:find("assay") ~= nil)`),
    "hello\t42\tinteger\ntest\t10\ttrue\ntrue\tvalue\t42\ntrue\ttrue\n");
  });
  it("round-trips non-ASCII, awkward strings and nested data", () => {
    assert.equal(lua(`
      local v = {s="héllo ✓", t=" lead", u="a: b", w="- x", x="#c", y="\\1ctl", z="tab\\there", n={1, 2.5, {k="v"}}, q="'quoted' \\"d\\""}
      local back = yaml.parse(yaml.encode(v))
      print(json.encode(back) == json.encode(v))`), "true\n");
  });
  it("raises yaml.encode: <message> for values outside the JSON model", () => {
    assert.equal(lua(`print(pcall(yaml.encode, 0/0)) print(pcall(yaml.encode, {f=print})) print(pcall(yaml.encode, {[true]=1}))`),
      "false\tyaml.encode: cannot encode NaN as JSON number\nfalse\tyaml.encode: unsupported Lua type for JSON: function\nfalse\tyaml.encode: unsupported table key type: boolean\n");
    assert.match(lua(`print(pcall(yaml.encode, "\\255"))`), /^false\tyaml\.encode: invalid UTF-8/);
    assert.match(lua(`local t = {} t[1] = t print(pcall(yaml.encode, t))`), /^false\tyaml\.encode: cannot encode a table that contains itself/);
  });
});
