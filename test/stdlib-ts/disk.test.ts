// disk builtins through compiled Lua: statvfs usage, age-based sweep, recursive dir_size.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runLua } from "../helpers/run-lua.ts";
import { scratchDirs } from "../helpers/scratch.ts";

function lua(src: string): string {
  const r = runLua(src, "t.lua");
  if (r.error !== undefined) return r.stdout + "ERROR: " + r.error;
  return r.stdout;
}

const fresh = scratchDirs("assay-disk-test");

describe("disk.usage", () => {
  it("gives integer total/free/used and a float percent", () => {
    const out = lua(`
      local u = disk.usage("/")
      print(u.total > 0, u.free > 0, u.used > 0, u.percent > 0 and u.percent < 100.1)
      print(math.type(u.total), math.type(u.free), math.type(u.used), math.type(u.percent))
      print(u.used == u.total - u.free, math.abs(u.percent - u.used / u.total * 100) < 1e-9)`);
    assert.equal(out, "true\ttrue\ttrue\ttrue\ninteger\tinteger\tinteger\tfloat\ntrue\ttrue\n");
  });
  it("raises for a missing path", () => {
    assert.equal(lua(`print(pcall(disk.usage, "/nonexistent/path/that/does/not/exist"))`),
      'false\tdisk.usage: failed to stat "/nonexistent/path/that/does/not/exist": No such file or directory (os error 2)\n');
  });
});

describe("disk.sweep", () => {
  it("removes entries older than the age (directories recursively) and counts them", () => {
    const d = fresh();
    writeFileSync(join(d, "a"), "1");
    mkdirSync(join(d, "sub"));
    writeFileSync(join(d, "sub/inner"), "2");
    assert.equal(lua(`sleep(0.1) print(disk.sweep(${JSON.stringify(d)}, 0))`), "2\n");
    assert.deepEqual(readdirSync(d), []);
  });
  it("keeps fresh entries", () => {
    const d = fresh();
    writeFileSync(join(d, "f"), "x");
    assert.equal(lua(`print(disk.sweep(${JSON.stringify(d)}, 999999), fs.exists(${JSON.stringify(d + "/f")}))`), "0\ttrue\n");
  });
  it("compares against each entry's own modification time", () => {
    const d = fresh();
    writeFileSync(join(d, "old"), "x");
    writeFileSync(join(d, "new"), "x");
    const past = new Date(Date.now() - 3600 * 1000);
    utimesSync(join(d, "old"), past, past);
    assert.equal(lua(`print(disk.sweep(${JSON.stringify(d)}, 60))`), "1\n");
    assert.deepEqual(readdirSync(d), ["new"]);
  });
  it("fs errors propagate (a dangling symlink makes fs.stat raise)", () => {
    const d = fresh();
    symlinkSync(join(d, "gone"), join(d, "dangling"));
    assert.equal(lua(`print(pcall(disk.sweep, ${JSON.stringify(d)}, 0))`),
      `false\tfs.stat: failed to stat "${d}/dangling": No such file or directory (os error 2)\n`);
    assert.match(lua(`print(pcall(disk.sweep, "/nonexistent/dir", 0))`), /^false\tfs\.list: failed to list "\/nonexistent\/dir": No such file or directory/);
  });
});

describe("disk.dir_size", () => {
  it("sums the sizes of regular files, recursively", () => {
    const d = fresh();
    writeFileSync(join(d, "hello"), "hello");
    writeFileSync(join(d, "world"), "world!");
    assert.equal(lua(`print(disk.dir_size(${JSON.stringify(d)}))`), "11\n");
    mkdirSync(join(d, "sub/deeper"), { recursive: true });
    writeFileSync(join(d, "sub/deeper/x"), "1234");
    symlinkSync(join(d, "hello"), join(d, "link"));
    assert.equal(lua(`local n = disk.dir_size(${JSON.stringify(d)}) print(n, math.type(n))`), "15\tinteger\n");
  });
  it("is 0 for an empty directory and raises for a missing one", () => {
    assert.equal(lua(`print(disk.dir_size(${JSON.stringify(fresh())}))`), "0\n");
    assert.match(lua(`print(pcall(disk.dir_size, "/nonexistent/dir"))`), /^false\tfs\.readdir: failed to read "\/nonexistent\/dir"/);
  });
});
