// Temporary directories for tests: one root per test file, removed afterwards, and a fresh
// empty directory under it per case.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";

/** Registers before/after hooks; the returned function makes a fresh directory. */
export function scratchDirs(prefix: string): () => string {
  let root = "";
  let n = 0;
  before(() => {
    root = mkdtempSync(join(tmpdir(), `${prefix}-`));
  });
  after(() => rmSync(root, { recursive: true, force: true }));
  return () => {
    const d = join(root, `case${n++}`);
    mkdirSync(d);
    return d;
  };
}
