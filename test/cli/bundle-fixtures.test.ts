// The differential corpus's coroutine and error fixtures through the built CLI (bin/assay and
// its bundle), not the sources: bundling renames functions, and error levels and positions
// depend on builtin frames being recognised by their names.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

const assay = join(import.meta.dirname, "..", "..", "bin", "assay");
const root = join(import.meta.dirname, "..", "..", "fixtures");
const cache = mkdtempSync(join(tmpdir(), "assay-bundle-"));
after(() => rmSync(cache, { recursive: true, force: true }));

function run(dir: string, file: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(assay, [file], { cwd: dir, env: { ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: "1" } });
    const out: Buffer[] = [], err: Buffer[] = [];
    p.stdout.on("data", (b: Buffer) => out.push(b));
    p.stderr.on("data", (b: Buffer) => err.push(b));
    p.on("close", () => resolve({ stdout: Buffer.concat(out).toString("latin1"), stderr: Buffer.concat(err).toString("latin1") }));
  });
}

for (const area of ["coroutines", "errors"]) {
  describe(`${area} through the bundle`, () => {
    const files = readdirSync(join(root, area)).filter((f) => f.endsWith(".lua")).sort();
    it(`all ${files.length} fixtures match lua5.4`, async () => {
      const dir = join(root, area);
      // two at a time: each is a process start
      for (let i = 0; i < files.length; i += 2) {
        const batch = files.slice(i, i + 2);
        const results = await Promise.all(batch.map((f) => run(dir, f)));
        batch.forEach((file, k) => {
          const base = join(dir, file.replace(/\.lua$/, ""));
          assert.equal(results[k].stdout, readFileSync(base + ".expected").toString("latin1"), `${area}/${file} stdout`);
          const errFile = base + ".expected-error";
          if (existsSync(errFile)) {
            const want = readFileSync(errFile).toString("latin1").replace(/\n$/, "");
            assert.ok(results[k].stderr.includes(want), `${area}/${file} error: ${results[k].stderr.split("\n")[0]}`);
          }
        });
      }
    });
  });
}
