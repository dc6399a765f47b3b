// template.render_string / render through compiled Lua: MiniJinja semantics, Lua→JSON variables.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runLua } from "../helpers/run-lua.ts";

/** Runs UTF-8 Lua source; returns stdout decoded as UTF-8 plus any uncaught error. */
function lua(src: string): string {
  const r = runLua(Buffer.from(src, "utf8").toString("latin1"), "t.lua");
  return Buffer.from(r.stdout + (r.error === undefined ? "" : "ERROR: " + r.error), "latin1").toString("utf8");
}

/** io.write(template.render_string(tmpl, vars)) */
function rs(tmpl: string, vars = "{}"): string {
  return lua(`io.write(template.render_string([==[${tmpl}]==], ${vars}))`);
}

const dir = mkdtempSync(join(tmpdir(), "assay-template-"));

describe("template (reference behaviours)", () => {
  it("renders as the original's tests assert", () => {
    assert.equal(rs("Hello {{ name }}!", `{name = "World"}`), "Hello World!");
    assert.equal(rs("{% for item in items %}{{ item }},{% endfor %}", `{items = {"a", "b", "c"}}`), "a,b,c,");
    assert.equal(rs("{% if active %}yes{% else %}no{% endif %}", `{active = true}`), "yes");
    assert.equal(rs("{% if active %}yes{% else %}no{% endif %}", `{active = false}`), "no");
    assert.equal(rs("{{ user.name }} is {{ user.age }}", `{user = {name = "Alice", age = 30}}`), "Alice is 30");
    assert.equal(rs("{{ name | upper }} has {{ items | length }} items", `{name = "alice", items = {1, 2, 3}}`), "ALICE has 3 items");
    assert.equal(rs("static content", "{}"), "static content");
    assert.equal(rs("static content", "nil"), "static content");
    assert.equal(lua(`io.write(template.render_string("static content"))`), "static content");
    assert.equal(rs("Hello {{ name }}!", "{}"), "Hello !");
    assert.equal(rs("{% for item in items %}{{ item.name }}:{{ item.price }};{% endfor %}", `{items = {{name = "A", price = 10}, {name = "B", price = 20}}}`), "A:10;B:20;");
    assert.match(lua(`print(pcall(template.render_string, "{% invalid %}", {}))`), /^false\ttemplate\.render_string: /);
    assert.match(lua(`print(pcall(template.render, "/nonexistent/template.html", {}))`), /^false\ttemplate\.render: /);
  });
  it("renders a file", () => {
    const f = join(dir, "page.html");
    writeFileSync(f, "<h1>{{ title }}</h1>\n");
    assert.equal(lua(`io.write(template.render("${f}", {title = "Home"}))`), "<h1>Home</h1>");
    assert.equal(lua(`io.write(template.render("${f}"))`), "<h1></h1>");
  });
});

describe("template.render_string", () => {
  it("prints integers as integers and floats as floats (Lua→JSON)", () => {
    assert.equal(rs("{{ a }} {{ b }} {{ c }} {{ d }} {{ e }}", `{a = 30, b = 9.5, c = 10.0, d = -0.0, e = math.maxinteger}`), "30 9.5 10.0 -0.0 9223372036854775807");
    assert.equal(rs("{{ p.x[1] }} {{ p.x[0] + 1 }} {{ p.y }} {{ p.x }}", `{p = {x = {1.0, 2}, y = "s"}}`), "2 2.0 s [1.0, 2]");
    assert.equal(rs("{{ a * 2 }} {{ a // 2 }} {{ f * 2 }} {{ big }}", `{a = 21, f = 1.5, big = 2^63}`), "42 10 3.0 9223372036854776000.0");
    assert.equal(rs("{{ p.big }} {{ p.one }}", `{p = {big = 2^63, one = 1.0}}`), "9223372036854776000.0 1.0");
    assert.equal(rs("{{ m|tojson }}", `{m = {b = 1.0, a = {}, c = {[5] = "x"}}}`), '{"a":[],"b":1.0,"c":{"5":"x"}}');
  });
  it("supports the usual Jinja features", () => {
    assert.equal(rs("{% set x = 2 %}{% macro twice(v) %}{{ v }}{{ v }}{% endmacro %}{{ twice(x) }}|{{ missing | default('d') }}|{{ l | join('-') }}"), "22|d|");
    assert.equal(rs("{{ l | join('-') }}|{{ l | first }}|{{ l | reverse | list }}|{{ s | lower }}|{{ s | title }}", `{l = {"a", "b"}, s = "hELLO wORLD"}`), 'a-b|a|["b", "a"]|hello world|Hello World');
    assert.equal(rs("{% for k, v in m | items %}{{ k }}={{ v }};{% endfor %}", `{m = {b = 2, a = 1, ["10"] = 3}}`), "10=3;a=1;b=2;");
    assert.equal(rs("{% for x in l %}{{ loop.index }}{% if not loop.last %},{% endif %}{% endfor %}", `{l = {"a", "b", "c"}}`), "1,2,3");
    assert.equal(rs("{{ 'yes' if n > 1 else 'no' }} {{ n is even }} {{ 7 % 3 }} {{ 'a' ~ 1 }}", `{n = 4}`), "yes true 1 a1");
  });
  it("does not autoescape, drops one trailing newline, keeps the rest", () => {
    assert.equal(rs("{{ h }}", `{h = "<b>&amp;</b>"}`), "<b>&amp;</b>");
    assert.equal(lua(`io.write(template.render_string("a\\n\\n", {}))`), "a\n");
    assert.equal(lua(`io.write(template.render_string("  a  ", {}))`), "  a  ");
  });
  it("works with UTF-8 text in templates and variables", () => {
    assert.equal(rs("¡{{ name }}! {{ name | upper }} {{ name | length }}", `{name = "zoë ☃"}`), "¡zoë ☃! ZOË ☃ 5");
    assert.equal(rs("{{ ['é', 'ü'] | join('·') }}"), "é·ü");
  });
  it("treats an array table as a context without names", () => {
    assert.equal(rs("[{{ x }}]", `{1, 2}`), "[]");
  });
  it("leaves variable names that cannot be set alone", () => {
    assert.equal(rs("{{ none }}|{{ f_1 }}", `{["none"] = 1.0, ["f-1"] = 2.0, f_1 = 3.0}`), "none|3.0");
  });
  it("keeps error line numbers when float variables are present", () => {
    assert.equal(lua(`print(pcall(template.render_string, "a\\n{{ x.y.z }}", {f = 1.0}))`), "false\ttemplate.render_string: undefined value (in <string>:2)\n");
  });
  it("raises render and syntax errors without the source listing", () => {
    assert.equal(lua(`print(pcall(template.render_string, "{% invalid %}", {}))`), "false\ttemplate.render_string: syntax error: unknown statement invalid (in <string>:1)\n");
    assert.equal(lua(`print(pcall(template.render_string, "{{ x.y }}", {}))`), "false\ttemplate.render_string: undefined value (in <string>:1)\n");
    assert.equal(lua(`print(pcall(template.render_string, "{{ a | nope }}", {}))`), "false\ttemplate.render_string: unknown filter: filter nope is unknown (in <string>:1)\n");
    assert.match(lua(`print(pcall(template.render_string, "{% include 'x.html' %}", {}))`), /^false\ttemplate\.render_string: template not found: /);
    assert.match(lua(`print(pcall(template.render_string, "{% extends 'x.html' %}", {}))`), /^false\ttemplate\.render_string: template not found: /);
    assert.match(lua(`print(pcall(template.render_string, "{% for x in l %}", {}))`), /^false\ttemplate\.render_string: syntax error: unexpected end of input/);
    assert.equal(lua(`template.render_string("{{ x.y }}", {})`), "ERROR: template.render_string: undefined value (in <string>:1)");
  });
  it("rejects bad arguments and unencodable variables", () => {
    assert.equal(lua(`print(pcall(template.render_string, "x", "vars"))`), "false\ttemplate.render_string: second argument must be a table or nil\n");
    assert.equal(lua(`print(pcall(template.render_string, "x", 1))`), "false\ttemplate.render_string: second argument must be a table or nil\n");
    assert.match(lua(`print(pcall(template.render_string, "x", {v = 0/0}))`), /^false\ttemplate\.render_string: cannot encode NaN as JSON number/);
    assert.match(lua(`print(pcall(template.render_string, "x", {v = 1/0}))`), /cannot encode inf as JSON number/);
    assert.match(lua(`print(pcall(template.render_string, "x", {f = print}))`), /unsupported Lua type for JSON: function/);
    assert.match(lua(`print(pcall(template.render_string, "x", {[true] = 1}))`), /unsupported table key type: boolean/);
    assert.match(lua(`print(pcall(template.render_string, nil, {}))`), /^false\ttemplate\.render_string: /);
    assert.match(lua(`print(pcall(template.render_string, "\\xff", {}))`), /^false\ttemplate\.render_string: .*UTF-8/);
    assert.equal(lua(`io.write(template.render_string(42))`), "42");
  });
});

describe("template.render", () => {
  it("reads the file at path; read failures name the path with Rust quoting", () => {
    assert.equal(lua(`print(pcall(template.render, "/nonexistent/template.html", {}))`), 'false\ttemplate.render: failed to read "/nonexistent/template.html": No such file or directory (os error 2)\n');
    assert.equal(lua(`print(pcall(template.render, "${dir}", {}))`), `false\ttemplate.render: failed to read "${dir}": Is a directory (os error 21)\n`);
    assert.equal(lua(`print(pcall(template.render, "/no/\\"q\\"", {}))`), 'false\ttemplate.render: failed to read "/no/\\"q\\"": No such file or directory (os error 2)\n');
  });
  it("rejects files that are not UTF-8, bad vars (after reading), and template errors", () => {
    const bin = join(dir, "bin.txt");
    writeFileSync(bin, Buffer.from([0x61, 0xff, 0x62]));
    assert.equal(lua(`print(pcall(template.render, "${bin}", {}))`), `false\ttemplate.render: failed to read "${bin}": stream did not contain valid UTF-8\n`);
    const bad = join(dir, "bad.txt");
    writeFileSync(bad, "line\n{% if %}");
    assert.match(lua(`print(pcall(template.render, "${bad}", {}))`), /^false\ttemplate\.render: syntax error: .*\(in <string>:2\)\n$/);
    assert.equal(lua(`print(pcall(template.render, "${bad}", 5))`), "false\ttemplate.render: second argument must be a table or nil\n");
    assert.match(lua(`print(pcall(template.render, "/nonexistent", 5))`), /failed to read/);
  });
  it("renders UTF-8 files with loops and floats; .html files are not escaped", () => {
    const f = join(dir, "list.html");
    writeFileSync(f, "{% for p in items %}{{ p.name }} – {{ p.price }}\n{% endfor %}");
    assert.equal(lua(`io.write(template.render("${f}", {items = {{name = "<Tea>", price = 2.0}, {name = "Café", price = 3.25}}}))`), "<Tea> – 2.0\nCafé – 3.25\n");
  });
});

describe("lazy loading", () => {
  it("scripts that do not use template or regex never load minijinja-js or re2js", () => {
    const code = `
      import { createRequire } from "node:module";
      const { runLua } = await import(${JSON.stringify(new URL("../helpers/run-lua.ts", import.meta.url).href)});
      const r = runLua("print(crypto.hash('x'):len(), type(template), type(regex))", "t.lua");
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => /minijinja|re2js/.test(k));
      console.log(r.stdout.trim(), JSON.stringify(loaded));
      runLua("template.render_string('x') regex.match('a', 'a')", "t.lua");
      console.log(Object.keys(createRequire(import.meta.url).cache).filter((k) => /minijinja|re2js/.test(k)).length);`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" });
    assert.equal(r.stderr, "");
    assert.equal(r.stdout, "64\ttable\ttable []\n2\n");
  });
});
