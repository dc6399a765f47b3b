// toml.parse / toml.encode through compiled Lua: spec §5, the reference's tests, datetimes,
// the pretty layout, errors and UTF-8 round trips.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { luaString, luaText } from "../helpers/run-lua.ts";


const lua = luaText;

const q = luaString;

describe("toml.parse (§5)", () => {
  it("parses tables and nested tables (reference tests)", () => {
    assert.equal(lua(`local t = toml.parse(${q('[package]\nname = "assay"\nversion = "0.1.0"\n')}) print(t.package.name, t.package.version)`), "assay\t0.1.0\n");
    assert.equal(lua(`local t = toml.parse(${q('[server]\nhost = "localhost"\nport = 8080\n\n[server.tls]\nenabled = true\n')})
      print(t.server.host, t.server.port, t.server.tls.enabled)`), "localhost\t8080\ttrue\n");
  });
  it("arrays are 1-based; integers stay integers, floats floats", () => {
    assert.equal(lua(`local t = toml.parse("values = [1, 2, 3]\\n") print(#t.values, t.values[1], t.values[3])`), "3\t1\t3\n");
    assert.equal(lua(`local t = toml.parse(${q('str = "hello"\nnum = 42\nbool = true\nfloat = 3.14\none = 1.0\nbig = 9223372036854775807\nneg = -9223372036854775808\nhex = 0xff\nexp = 1e3\n')})
      for _, k in ipairs({"str", "num", "bool", "float", "one", "big", "neg", "hex", "exp"}) do io.write(tostring(t[k]), ":", math.type(t[k]) or type(t[k]), " ") end print()
      print(t.float > 3.13 and t.float < 3.15)`),
    "hello:string 42:integer true:boolean 3.14:float 1.0:float 9223372036854775807:integer -9223372036854775808:integer 255:integer 1000.0:float \ntrue\n");
  });
  it("inf and nan stay floats", () => {
    assert.equal(lua(`local t = toml.parse("a = inf\\nb = -inf\\nc = nan\\n") print(t.a, t.b, t.c ~= t.c, math.type(t.a))`), "inf\t-inf\ttrue\tfloat\n");
  });
  it("arrays of tables and inline tables", () => {
    assert.equal(lua(`local t = toml.parse(${q('[[items]]\nn = 1\n[[items]]\nn = 2\n[items.sub]\nz = 1\n')}) print(#t.items, t.items[1].n, t.items[2].n, t.items[2].sub.z)`), "2\t1\t2\t1\n");
    assert.equal(lua(`local t = toml.parse('p = { x = 1, y = [true, "s"] }') print(t.p.x, t.p.y[1], t.p.y[2])`), "1\ttrue\ts\n");
  });
  it("datetimes become { [\"$__toml_private_datetime\"] = <RFC 3339 text> }", () => {
    assert.equal(lua(`local t = toml.parse(${q("a = 1979-05-27T07:32:00Z\nb = 1979-05-27 07:32:00-07:00\nc = 1979-05-27T07:32:00.5\nd = 1979-05-27\ne = 07:32:00\nf = 1979-05-27T07:32:00.120+01:30\n")})
      for _, k in ipairs({"a", "b", "c", "d", "e", "f"}) do io.write(t[k]["$__toml_private_datetime"], " ") end print()`),
    "1979-05-27T07:32:00Z 1979-05-27T07:32:00-07:00 1979-05-27T07:32:00.5 1979-05-27 07:32:00 1979-05-27T07:32:00.12+01:30 \n");
  });
  it("keeps UTF-8 text: keys and values", () => {
    assert.equal(lua(`local t = toml.parse(${q('"clé" = "välue ✓"\nesc = "\\u00e9"\n')}) print(t["clé"], t.esc, #t.esc)`), "välue ✓\té\t2\n");
  });
  it("raises toml.parse: <message> with line and column", () => {
    assert.equal(lua(`print(pcall(toml.parse, "= invalid"))`), "false\ttoml.parse: unexpected end of key at line 1 column 1\n");
    assert.match(lua(`print(pcall(toml.parse, "a = 1\\na = 2\\n"))`), /^false\ttoml\.parse: .* at line 2 column 1\n$/);
    assert.match(lua(`print(pcall(toml.parse, "a = \\"x\\n"))`), /^false\ttoml\.parse: .* at line 1 column \d+\n$/);
    assert.match(lua(`print(pcall(toml.parse, "a = \\255"))`), /^false\ttoml\.parse: invalid UTF-8/);
    assert.match(lua(`print(pcall(toml.parse, {}))`), /^false\ttoml\.parse: bad argument #1 \(string expected, got table\)/);
  });
});

describe("toml.encode (§5)", () => {
  it("writes plain key/values first (sorted), then [sub.tables]", () => {
    assert.equal(lua(`io.write(toml.encode({name="assay", version="0.1.0", server={host="h", port=80, tls={enabled=true}}, a=1}))`),
      'a = 1\nname = "assay"\nversion = "0.1.0"\n\n[server]\nhost = "h"\nport = 80\n\n[server.tls]\nenabled = true\n');
  });
  it("writes arrays one element per line with trailing commas", () => {
    assert.equal(lua(`io.write(toml.encode({values={1, 2, 3}, empty={}, mixed={"a", {1, 2}, json.object({k=1})}}))`),
      'empty = []\nmixed = [\n    "a",\n    [1, 2],\n    { k = 1 },\n]\nvalues = [\n    1,\n    2,\n    3,\n]\n');
  });
  it("arrays of tables become [[sections]]; parents with only sub-tables get no header", () => {
    assert.equal(lua(`io.write(toml.encode({items={{a=1}, {a=2, sub={z=1}}}, deep={x={y=1}}}))`),
      "[deep.x]\ny = 1\n\n[[items]]\na = 1\n\n[[items]]\na = 2\n\n[items.sub]\nz = 1\n");
  });
  it("floats keep .0, strings are escaped, awkward keys quoted", () => {
    assert.equal(lua(`io.write(toml.encode({f=1.0, g=2.5, h=1e21, s="q\\"b\\\\n\\nt\\1", ["a key"]=1, ["é"]="ü", e=json.object()}))`),
      '"a key" = 1\nf = 1.0\ng = 2.5\nh = 1000000000000000000000.0\ns = "q\\"b\\\\n\\nt\\u0001"\n"é" = "ü"\n\n[e]\n');
  });
  it("round-trips (reference tests)", () => {
    assert.equal(lua(`
      local t = toml.parse(toml.encode(toml.parse('greeting = "hello"\\ncount = 42\\n'))) print(t.greeting, t.count, math.type(t.count))
      local u = toml.parse(toml.encode({name="test", count=10, active=true})) print(u.name, u.count, u.active)
      local v = toml.parse(toml.encode({title="test", count=7})) print(v.title, v.count)
      local e = toml.encode({name="assay", version="0.1.0"}) print(e:find("name") ~= nil, e:find("assay") ~= nil)`),
    "hello\t42\tinteger\ntest\t10\ttrue\ntest\t7\ntrue\ttrue\n");
  });
  it("round-trips nested data and non-ASCII text", () => {
    assert.equal(lua(`
      local v = {s="héllo ✓", n={1, 2.5}, t={u={w="x", arr={{k=1}, {k=2}}}}, f=0.1, i=-3, b=false}
      print(json.encode(toml.parse(toml.encode(v))) == json.encode(v))`), "true\n");
  });
  it("the top level must be an object: {} and non-tables raise", () => {
    for (const v of ["{}", "'x'", "{1, 2}", "nil", "42"]) {
      assert.match(lua(`print(pcall(toml.encode, ${v}))`), /^false\ttoml\.encode: the top-level value must be a table with string keys/, v);
    }
    assert.equal(lua(`io.write(toml.encode(json.object()))`), "");
  });
  it("raises toml.encode: <message> for values TOML or the JSON model cannot hold", () => {
    assert.equal(lua(`print(pcall(toml.encode, {a=json.null})) print(pcall(toml.encode, {a=0/0})) print(pcall(toml.encode, {f=print}))`),
      "false\ttoml.encode: null values cannot be written as TOML (at a)\nfalse\ttoml.encode: cannot encode NaN as JSON number\nfalse\ttoml.encode: unsupported Lua type for JSON: function\n");
  });
});
