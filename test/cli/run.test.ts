// The CLI as users run it (bin/assay, the built bundle): run, exec, errors, exit codes, cache.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { after, describe, it } from "node:test";

const assay = join(import.meta.dirname, "..", "..", "bin", "assay");
const dir = mkdtempSync(join(tmpdir(), "assay-cli-"));
const cache = join(dir, "cache");
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(assay, args, {
    cwd: dir, input, encoding: "utf8", env: { ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: "1" },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function script(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

describe("assay run / exec", () => {
  it("runs a script with arguments in the arg table", () => {
    const f = script("args.lua", "#!/usr/bin/env assay\nprint(#arg, arg[0], arg[1], arg[2], ...)\n");
    const r = run(["run", f, "a", "b"]);
    assert.equal(r.stdout, "2\targs.lua\ta\tb\ta\tb\n");
    assert.equal(r.code, 0);
  });
  it("the bare form runs .lua files", () => {
    const f = script("bare.lua", "print('bare')");
    assert.equal(run([f]).stdout, "bare\n");
  });
  it("exec -e runs inline code with chunk name <eval>", () => {
    const r = run(["exec", "-e", "print(1 + 1) error('boom')"]);
    assert.equal(r.stdout, "2\n");
    assert.equal(r.code, 1);
    assert.match(r.stderr, /ERROR <eval>:1: boom\nstack traceback:\n\t\[C\]: in function 'error'\n\t<eval>:1: in main chunk/);
  });
  it("tracebacks name library builtins as lua5.4 does (string.rep, tostring), not by their JS names", () => {
    const r = run(["exec", "-e", "local ok = pcall(tostring)\nstring.rep('x', 1e10)"]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /stack traceback:\n\t\[C\]: in function 'string\.rep'\n\t<eval>:2: in main chunk/);
    const r2 = run(["exec", "-e", "print(tostring())"]);
    assert.match(r2.stderr, /\[C\]: in function 'tostring'\n/);
  });
  it("a syntax error prints file:line: message and exits 1", () => {
    const f = script("bad.lua", "local x = 1\nif x then\n");
    const r = run(["run", f]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bad\.lua:3: 'end' expected \(to close 'if' at line 2\) near <eof>/);
    assert.doesNotMatch(r.stderr, /at .*\.(ts|js|mjs):\d+/);
  });
  it("a runtime error shows a Lua traceback with Lua lines, no JS frames", () => {
    const f = script("tb.lua", "local function inner(t)\n  return t.x.y\nend\nlocal function outer() return inner({}) end\nouter()\n");
    const r = run(["run", f]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /tb\.lua:2: attempt to index a nil value \(field 'x'\)/);
    assert.match(r.stderr, /tb\.lua:2: in function 'inner'/);
    assert.match(r.stderr, /tb\.lua:5: in main chunk/);
    assert.doesNotMatch(r.stderr, /node:internal|\.mjs:\d+/);
  });
  it("the traceback of an uncaught error is whole after errors that pcall caught cheaply", () => {
    // pcall skips capturing stacks (runtime/error.ts traces); a yield inside a pcall must not
    // leave that switched off for the main thread
    const f = script("tb2.lua", [
      "local function f() return pcall(error, 'caught') end", "f()",
      "local co = coroutine.wrap(function() pcall(function() coroutine.yield() end) end)", "co()",
      "local function g() error('uncaught') end", "local function h() g() end", "h()", ""].join("\n"));
    const r = run(["run", f]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /tb2\.lua:5: uncaught\nstack traceback:\n\t\[C\]: in function 'error'\n\ttb2\.lua:5: in function 'g'\n\ttb2\.lua:6: in function 'h'\n\ttb2\.lua:7: in main chunk\n/);
  });
  it("unsupported extensions and missing files are errors", () => {
    assert.match(run(["run", "x.txt"]).stderr, /unsupported file extension "txt"/);
    const r = run(["run", "missing.lua"]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /error: reading missing\.lua: No such file or directory/);
  });
  it("compiled chunks are cached and a cached run gives the same result", () => {
    const f = script("cached.lua", "print(('x'):rep(3))");
    assert.equal(run(["run", f]).stdout, "xxx\n");
    const files = readdirSync(join(cache, "assay")).filter((n) => n.endsWith(".js"));
    assert.ok(files.length >= 1);
    assert.equal(run(["run", f]).stdout, "xxx\n");
  });
  it("required modules share the cache; V8 code caches are made once and a bad one is replaced", () => {
    const own = join(dir, "cache-modules");
    const go = () => spawnSync(assay, ["run", "usemod.lua"], { cwd: dir, encoding: "utf8", env: { ...process.env, XDG_CACHE_HOME: own } });
    script("cachedmod.lua", "local M = {}\nfunction M.twice(x) return 2 * x end\nreturn M\n");
    script("usemod.lua", "local m = require('cachedmod')\nprint(m.twice(21))\n");
    assert.equal(go().stdout, "42\n");
    const listed = () => readdirSync(join(own, "assay")).filter((n) => !n.endsWith(".tmp")).sort();
    const first = listed();
    assert.equal(first.filter((n) => n.endsWith(".js")).length, 2, "the script and the module");
    assert.equal(first.filter((n) => n.endsWith(".v8")).length, 2, "a code cache for each");
    for (const n of first.filter((x) => x.endsWith(".v8"))) writeFileSync(join(own, "assay", n), "not a code cache");
    assert.equal(go().stdout, "42\n");
    assert.deepEqual(listed(), first);
    for (const n of first.filter((x) => x.endsWith(".v8"))) assert.notEqual(readFileSync(join(own, "assay", n), "latin1"), "not a code cache");
    // an edited module is compiled again
    script("cachedmod.lua", "local M = {}\nfunction M.twice(x) return 3 * x end\nreturn M\n");
    assert.equal(go().stdout, "63\n");
    assert.equal(listed().filter((n) => n.endsWith(".js")).length, 3);
  });
  it("the CLI bundle's own V8 code cache is written once, reused, and replaced when bad", () => {
    const own = join(dir, "cache-boot");
    const env = { ...process.env, XDG_CACHE_HOME: own, ASSAY_BOOT_CACHE: "", NODE_COMPILE_CACHE: "" };
    const f = script("boot.lua", "print(select('#', 1, 2, 3))");
    const go = () => spawnSync(assay, ["run", f], { cwd: dir, encoding: "utf8", env });
    const caches = () => readdirSync(join(own, "assay", "v8")).filter((n) => n.startsWith("bundle-") && n.endsWith(".v8"));
    assert.equal(go().stdout, "3\n");
    assert.equal(caches().length, 1);
    const file = join(own, "assay", "v8", caches()[0]);
    const made = statSync(file).mtimeMs;
    assert.equal(go().stdout, "3\n");
    assert.equal(statSync(file).mtimeMs, made, "an accepted cache is not rewritten");
    writeFileSync(file, "not a code cache");
    assert.equal(go().stdout, "3\n");
    assert.notEqual(readFileSync(file, "latin1"), "not a code cache");
    // a cache left by an earlier build of the bundle is removed when a new one is written
    const stale = join(own, "assay", "v8", "bundle-1-2-v0.v8");
    writeFileSync(stale, "old");
    rmSync(file);
    assert.equal(go().stdout, "3\n");
    assert.deepEqual(caches(), [basename(file)]);
  });
  it("the cache stays bounded: a write past 1000 chunks drops the oldest", () => {
    const own = join(dir, "cache-full");
    mkdirSync(join(own, "assay"), { recursive: true });
    const old = new Date(Date.now() - 86_400_000);
    for (let i = 0; i < 1005; i++) {
      const f = join(own, "assay", `stale${i}.js`);
      writeFileSync(f, "");
      utimesSync(f, old, old);
    }
    const f = script("fresh.lua", "print('fresh')");
    const r = spawnSync(assay, ["run", f], { cwd: dir, encoding: "utf8", env: { ...process.env, XDG_CACHE_HOME: own } });
    assert.equal(r.stdout, "fresh\n");
    const left = readdirSync(join(own, "assay")).filter((n) => n.endsWith(".js"));
    assert.equal(left.length, 800);
    assert.ok(left.some((n) => !n.startsWith("stale")), "the new chunk is kept");
  });
  it("a read-only cache directory only costs speed", () => {
    const f = script("ro.lua", "print('ok')");
    const r = spawnSync(assay, ["run", f], { cwd: dir, encoding: "utf8", env: { ...process.env, XDG_CACHE_HOME: "/proc/nonexistent" } });
    assert.equal(r.stdout, "ok\n");
    assert.equal(r.status, 0);
  });
  it("deep recursion works (200 000 levels) and infinite recursion is a Lua error", () => {
    const f = script("deep.lua", "local function d(n) if n == 0 then return 0 end return 1 + d(n - 1) end\nprint(d(200000))\nlocal function inf() return 1 + inf() end\nprint(pcall(inf))\n");
    const r = run(["run", f]);
    assert.equal(r.stdout, "200000\nfalse\tdeep.lua:3: stack overflow\n");
  });
  it("--version and --help", () => {
    assert.match(run(["--version"]).stdout, /^assay \d+\.\d+\.\d+\n$/);
    assert.match(run(["--help"]).stdout, /run .*\n.*build/s);
  });
});
