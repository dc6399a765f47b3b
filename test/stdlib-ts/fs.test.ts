// fs builtins through compiled Lua: return shapes, OS error texts, byte-exact files, glob, readdir.
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runLua } from "../helpers/run-lua.ts";
import { scratchDirs } from "../helpers/scratch.ts";

function lua(src: string): string {
  const r = runLua(src, "t.lua");
  if (r.error !== undefined) return r.stdout + "ERROR: " + r.error;
  return r.stdout;
}

/** A Lua string literal for a (UTF-8/ASCII) JS string. */
function s(v: string): string {
  return '"' + v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n") + '"';
}

const fresh = scratchDirs("assay-fs-test");

describe("fs.read / fs.write", () => {
  it("writes exactly the content and reads it back; write returns nothing", () => {
    const p = join(fresh(), "w.txt");
    assert.equal(lua(`print(select('#', fs.write(${s(p)}, "hello from assay"))) print(fs.read(${s(p)}))`), "0\nhello from assay\n");
    assert.equal(readFileSync(p, "utf8"), "hello from assay");
  });
  it("creates missing parent directories", () => {
    const p = join(fresh(), "a/b/c/deep.txt");
    assert.equal(lua(`fs.write(${s(p)}, "deep") print(fs.read(${s(p)}))`), "deep\n");
  });
  it("overwrites an existing file", () => {
    const p = join(fresh(), "o.txt");
    writeFileSync(p, "original content");
    assert.equal(lua(`fs.write(${s(p)}, "replaced") print(fs.read(${s(p)}))`), "replaced\n");
  });
  it("round-trips every byte value unchanged (Lua → disk → Lua)", () => {
    const p = join(fresh(), "bin.dat");
    const out = lua(`
      local t = {} for i = 0, 255 do t[#t + 1] = string.char(i) end
      local data = table.concat(t):rep(3)
      fs.write(${s(p)}, data)
      local back = fs.read(${s(p)})
      print(#back, back == data)`);
    assert.equal(out, "768\ttrue\n");
    const bytes = readFileSync(p);
    assert.equal(bytes.length, 768);
    for (let i = 0; i < 768; i++) assert.equal(bytes[i], i % 256);
  });
  it("reads a binary file written by JS byte for byte", () => {
    const p = join(fresh(), "raw.bin");
    writeFileSync(p, Buffer.from([0xff, 0x00, 0xc3, 0x28, 0x80, 0x0a]));
    assert.equal(lua(`print(fs.read(${s(p)}):byte(1, -1))`), "255\t0\t195\t40\t128\t10\n");
  });
  it("numbers are accepted as content", () => {
    const p = join(fresh(), "n.txt");
    assert.equal(lua(`fs.write(${s(p)}, 42) print(fs.read(${s(p)}))`), "42\n");
  });
  it("raises the spec's messages, with Rust-quoted paths and OS error texts, without a position", () => {
    assert.equal(lua(`print(pcall(fs.read, "/nonexistent/file.txt"))`),
      'false\tfs.read: failed to read "/nonexistent/file.txt": No such file or directory (os error 2)\n');
    assert.equal(lua(`print(select(2, pcall(function() fs.read("/nonexistent/x") end)))`),
      'fs.read: failed to read "/nonexistent/x": No such file or directory (os error 2)\n');
    assert.equal(lua(`print(pcall(fs.read, '/nonexistent/a"b\\n\\t\\\\c'))`),
      'false\tfs.read: failed to read "/nonexistent/a\\"b\\n\\t\\\\c": No such file or directory (os error 2)\n');
    const d = fresh();
    assert.equal(lua(`print(pcall(fs.read, ${s(d)}))`), `false\tfs.read: failed to read "${d}": Is a directory (os error 21)\n`);
    assert.match(lua(`print(pcall(fs.write, "/proc/0/nonexistent", "data"))`), /^false\tfs\.write: failed to (create directories for|write) "\/proc\/0\/nonexistent": /);
    const f = join(fresh(), "file");
    writeFileSync(f, "x");
    assert.equal(lua(`print(pcall(fs.write, ${s(f + "/sub/x.txt")}, "d"))`),
      `false\tfs.write: failed to create directories for "${f}/sub/x.txt": Not a directory (os error 20)\n`);
  });
  it("wrong argument types name the function and argument", () => {
    assert.equal(lua(`print(pcall(fs.read, {}))`), "false\tbad argument #1 to 'fs.read' (string expected, got table)\n");
    assert.equal(lua(`print(pcall(fs.read))`), "false\tbad argument #1 to 'fs.read' (string expected, got no value)\n");
    assert.equal(lua(`print(pcall(fs.write, "/tmp/x", nil))`), "false\tbad argument #2 to 'fs.write' (string expected, got nil)\n");
  });
});

describe("fs.exists / fs.mkdir / fs.remove", () => {
  it("exists follows symlinks and never raises", () => {
    const d = fresh();
    writeFileSync(join(d, "f"), "x");
    symlinkSync(join(d, "f"), join(d, "good"));
    symlinkSync(join(d, "missing"), join(d, "dangling"));
    assert.equal(lua(`print(fs.exists(${s(d)}), fs.exists(${s(d + "/f")}), fs.exists(${s(d + "/good")}), fs.exists(${s(d + "/dangling")}), fs.exists("/nonexistent/path"))`),
      "true\ttrue\ttrue\tfalse\tfalse\n");
    assert.equal(lua(`print(fs.exists("package.json"))`), "true\n");
  });
  it("mkdir is mkdir -p; an existing directory is fine; a file in the way raises", () => {
    const d = fresh();
    assert.equal(lua(`fs.mkdir(${s(d + "/x/y/z")}) fs.mkdir(${s(d + "/x/y/z")}) print(fs.exists(${s(d + "/x/y/z")}), fs.stat(${s(d + "/x/y/z")}).is_dir)`), "true\ttrue\n");
    writeFileSync(join(d, "file"), "");
    assert.equal(lua(`print(pcall(fs.mkdir, ${s(d + "/file")}))`), `false\tfs.mkdir: failed to create "${d}/file": File exists (os error 17)\n`);
  });
  it("remove deletes files and whole directory trees; missing paths raise", () => {
    const d = fresh();
    mkdirSync(join(d, "tree/sub"), { recursive: true });
    writeFileSync(join(d, "tree/sub/f.txt"), "x");
    writeFileSync(join(d, "g.txt"), "x");
    assert.equal(lua(`print(select('#', fs.remove(${s(d + "/tree")}))) fs.remove(${s(d + "/g.txt")}) print(fs.exists(${s(d + "/tree")}), fs.exists(${s(d + "/g.txt")}))`), "0\nfalse\tfalse\n");
    assert.equal(lua(`print(pcall(fs.remove, "/nonexistent/file.txt"))`),
      'false\tfs.remove: failed to remove "/nonexistent/file.txt": No such file or directory (os error 2)\n');
  });
  it("remove unlinks a symlink to a directory without touching the target", () => {
    const d = fresh();
    mkdirSync(join(d, "target"));
    writeFileSync(join(d, "target/keep.txt"), "k");
    symlinkSync(join(d, "target"), join(d, "link"));
    assert.equal(lua(`fs.remove(${s(d + "/link")}) print(fs.exists(${s(d + "/link")}), fs.exists(${s(d + "/target/keep.txt")}))`), "false\ttrue\n");
  });
});

describe("fs.list / fs.stat", () => {
  it("list gives immediate children as {name, type} without . and ..", () => {
    const d = fresh();
    writeFileSync(join(d, "a.txt"), "a");
    writeFileSync(join(d, "b.txt"), "b");
    mkdirSync(join(d, "subdir"));
    writeFileSync(join(d, "subdir/inner.txt"), "i");
    symlinkSync(join(d, "subdir"), join(d, "ln"));
    const out = lua(`
      local l = fs.list(${s(d)})
      local got = {}
      for _, e in ipairs(l) do got[#got + 1] = e.name .. "=" .. e.type end
      table.sort(got)
      print(#l, table.concat(got, " "))`);
    assert.equal(out, "4\ta.txt=file b.txt=file ln=symlink subdir=directory\n");
    assert.equal(lua(`print(pcall(fs.list, "/nonexistent/dir"))`),
      'false\tfs.list: failed to list "/nonexistent/dir": No such file or directory (os error 2)\n');
    assert.equal(lua(`print(#fs.list(${s(fresh())}))`), "0\n");
  });
  it("stat reports size, kind and float times", () => {
    const d = fresh();
    writeFileSync(join(d, "f.txt"), "hello stat");
    const out = lua(`
      local st = fs.stat(${s(d + "/f.txt")})
      print(st.size, math.type(st.size), st.is_file, st.is_dir, st.is_symlink, math.type(st.modified))
      print(math.abs(st.modified - time()) < 60)
      local ds = fs.stat(${s(d)})
      print(ds.is_dir, ds.is_file)
      print(fs.stat("stdlib-ts").is_dir)`);
    assert.equal(out, "10\tinteger\ttrue\tfalse\tfalse\tfloat\ntrue\ntrue\tfalse\ntrue\n");
    const mtime = statSync(join(d, "f.txt")).mtimeMs / 1000;
    const got = Number(lua(`print(string.format("%.6f", fs.stat(${s(d + "/f.txt")}).modified))`));
    assert.ok(Math.abs(got - mtime) < 0.001);
  });
  it("stat follows symlinks but reports is_symlink; missing and dangling paths raise", () => {
    const d = fresh();
    writeFileSync(join(d, "f"), "12345");
    symlinkSync(join(d, "f"), join(d, "l"));
    symlinkSync(join(d, "nothing"), join(d, "dangling"));
    assert.equal(lua(`local st = fs.stat(${s(d + "/l")}) print(st.size, st.is_file, st.is_symlink)`), "5\ttrue\ttrue\n");
    assert.equal(lua(`print(pcall(fs.stat, "/nonexistent/file"))`),
      'false\tfs.stat: failed to stat "/nonexistent/file": No such file or directory (os error 2)\n');
    assert.equal(lua(`print(pcall(fs.stat, ${s(d + "/dangling")}))`),
      `false\tfs.stat: failed to stat "${d}/dangling": No such file or directory (os error 2)\n`);
  });
});

describe("fs.copy / fs.rename / fs.chmod", () => {
  it("copy returns the byte count; both files exist afterwards", () => {
    const d = fresh();
    writeFileSync(join(d, "src"), "copy me");
    assert.equal(lua(`print(fs.copy(${s(d + "/src")}, ${s(d + "/dst")})) print(fs.read(${s(d + "/dst")}), fs.exists(${s(d + "/src")}))`), "7\ncopy me\ttrue\n");
  });
  it("copy raises for a missing source and for a directory", () => {
    const d = fresh();
    assert.equal(lua(`print(pcall(fs.copy, "/nonexistent/src", ${s(d + "/dst")}))`),
      `false\tfs.copy: failed to copy "/nonexistent/src" to "${d}/dst": No such file or directory (os error 2)\n`);
    assert.match(lua(`print(pcall(fs.copy, ${s(d)}, ${s(d + "/x")}))`), /^false\tfs\.copy: failed to copy .*: the source path is neither a regular file nor a symlink to a regular file\n$/);
  });
  it("rename moves a file; a missing source raises", () => {
    const d = fresh();
    writeFileSync(join(d, "a"), "moved");
    assert.equal(lua(`print(select('#', fs.rename(${s(d + "/a")}, ${s(d + "/b")}))) print(fs.exists(${s(d + "/a")}), fs.read(${s(d + "/b")}))`), "0\nfalse\tmoved\n");
    assert.equal(lua(`print(pcall(fs.rename, "/nonexistent/src", "/tmp/dst"))`),
      'false\tfs.rename: failed to rename "/nonexistent/src" to "/tmp/dst": No such file or directory (os error 2)\n');
  });
  it("chmod takes the mode as a decimal integer", () => {
    const d = fresh();
    const f = join(d, "m");
    writeFileSync(f, "");
    chmodSync(f, 0o600);
    assert.equal(lua(`print(select('#', fs.chmod(${s(f)}, 420)))`), "0\n");
    assert.equal(statSync(f).mode & 0o777, 0o644);
    lua(`fs.chmod(${s(f)}, 493)`);
    assert.equal(statSync(f).mode & 0o777, 0o755);
    assert.equal(lua(`print(pcall(fs.chmod, "/nonexistent/file", 420))`),
      'false\tfs.chmod: failed to chmod "/nonexistent/file": No such file or directory (os error 2)\n');
    assert.match(lua(`print(pcall(fs.chmod, ${s(f)}, "x"))`), /^false\tbad argument #2 to 'fs\.chmod'/);
  });
});

describe("fs.glob", () => {
  it("* and ** match like the shell; results are sorted; no match gives {}", () => {
    const d = fresh();
    for (const f of ["b.txt", "a.txt", "c.log", ".hidden.txt"]) writeFileSync(join(d, f), "");
    mkdirSync(join(d, "sub/deeper"), { recursive: true });
    writeFileSync(join(d, "sub/nested.txt"), "");
    writeFileSync(join(d, "sub/deeper/x.txt"), "");
    const out = lua(`
      local function show(p) local r = fs.glob(p) print(#r, table.concat(r, ",")) end
      show(${s(d + "/*.txt")})
      show(${s(d + "/*")})
      show(${s(d + "/**/*.txt")})
      show(${s(d + "/?.log")})
      show(${s(d + "/[ab].txt")})
      show(${s(d + "/[!ab].*")})
      show(${s(d + "/*/")})
      show(${s(d + "/sub/**")})
      show("/tmp/assay-nonexistent-pattern-*.xyz")`);
    assert.equal(out.replaceAll(d + "/", ""), [
      "3\t.hidden.txt,a.txt,b.txt",
      "5\t.hidden.txt,a.txt,b.txt,c.log,sub",
      "5\t.hidden.txt,a.txt,b.txt,sub/deeper/x.txt,sub/nested.txt",
      "1\tc.log",
      "2\ta.txt,b.txt",
      "1\tc.log",
      "1\tsub",
      "1\tsub/deeper",
      "0\t",
    ].join("\n") + "\n");
  });
  it("relative patterns are resolved against the current directory and returned relative", () => {
    assert.equal(lua(`print(table.concat(fs.glob("stdlib-ts/fs*.ts"), ","))`), "stdlib-ts/fs-glob.ts,stdlib-ts/fs.ts\n");
  });
  it("invalid patterns raise with the glob crate's wording", () => {
    assert.equal(lua(`print(pcall(fs.glob, "[invalid"))`),
      'false\tfs.glob: invalid pattern "[invalid": Pattern syntax error near position 0: invalid range pattern\n');
    assert.equal(lua(`print(pcall(fs.glob, "a/***"))`),
      'false\tfs.glob: invalid pattern "a/***": Pattern syntax error near position 4: wildcards are either regular `*` or recursive `**`\n');
    assert.equal(lua(`print(pcall(fs.glob, "a**/b"))`),
      'false\tfs.glob: invalid pattern "a**/b": Pattern syntax error near position 0: recursive wildcards must form a single path component\n');
  });
});

describe("fs.tempdir / fs.readdir", () => {
  it("tempdir creates a fresh writable directory named assay-<hex>-<n>; remove deletes it with its contents", () => {
    const out = lua(`
      local a, b = fs.tempdir(), fs.tempdir()
      print(a ~= b, fs.stat(a).is_dir)
      fs.write(a .. "/f.txt", "x")
      print(fs.read(a .. "/f.txt"))
      print(a:match("/assay%-%x+%-%d+$") ~= nil)
      fs.remove(a) fs.remove(b)
      print(fs.exists(a), fs.exists(b))
      print((a:sub(1, #${s(tmpdir())})))`);
    assert.equal(out, `true\ttrue\nx\ntrue\nfalse\tfalse\n${tmpdir()}\n`);
  });
  it("readdir walks recursively in pre-order with /-separated relative paths", () => {
    const d = fresh();
    writeFileSync(join(d, "a.txt"), "");
    mkdirSync(join(d, "sub"));
    writeFileSync(join(d, "sub/b.txt"), "");
    const out = lua(`for _, e in ipairs(fs.readdir(${s(d)})) do print(e.path, e.type) end`);
    assert.equal(out, "a.txt\tfile\nsub\tdirectory\nsub/b.txt\tfile\n");
  });
  it("readdir depth limits the descent; symlinked directories are not followed", () => {
    const d = fresh();
    mkdirSync(join(d, "a/b"), { recursive: true });
    writeFileSync(join(d, "a/b/deep.txt"), "");
    writeFileSync(join(d, "top.txt"), "");
    symlinkSync(join(d, "a"), join(d, "link"));
    const paths = (depth: string) => lua(`
      local r = {} for _, e in ipairs(fs.readdir(${s(d)}${depth})) do r[#r + 1] = e.path .. ":" .. e.type end
      table.sort(r) print(table.concat(r, " "))`);
    assert.equal(paths(", {depth = 1}"), "a:directory link:symlink top.txt:file\n");
    assert.equal(paths(", {depth = 2}"), "a/b:directory a:directory link:symlink top.txt:file\n");
    assert.equal(paths(""), "a/b/deep.txt:file a/b:directory a:directory link:symlink top.txt:file\n");
  });
  it("readdir errors: missing path argument, unreadable directory", () => {
    assert.equal(lua(`print(pcall(fs.readdir))`), "false\tfs.readdir: path required\n");
    assert.equal(lua(`print(pcall(fs.readdir, "/nonexistent/path"))`),
      'false\tfs.readdir: failed to read "/nonexistent/path": No such file or directory (os error 2)\n');
  });
});

describe("fs table", () => {
  it("has exactly the spec's functions", () => {
    assert.equal(lua(`local k = {} for n in pairs(fs) do k[#k + 1] = n end table.sort(k) print(table.concat(k, " "))`),
      "chmod copy exists glob list mkdir read readdir remove rename stat tempdir write\n");
  });
});
