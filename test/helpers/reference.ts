// Runs Lua source with the reference interpreter (Debian's lua5.4) under a given chunk name,
// and describes where two outputs of a line-per-statement program first differ.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** lua5.4's stdout (and its stderr appended, so an uncaught error shows in a comparison). */
export function runReference(source: string, chunkName: string): string {
  const dir = mkdtempSync(join(tmpdir(), "assay-ref-"));
  try {
    writeFileSync(join(dir, chunkName), Buffer.from(source, "latin1"));
    const r = spawnSync("lua5.4", [chunkName], { cwd: dir, encoding: "latin1" });
    if (r.error) throw r.error;
    return r.stdout + r.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * undefined when the outputs are equal; else the first differing output line, both versions,
 * and the source line that printed it (programs whose line k+h prints output line k).
 */
export function firstDifference(source: string, expected: string, got: string, header = 2): string | undefined {
  if (expected === got) return undefined;
  const a = expected.split("\n"), b = got.split("\n");
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const src = source.split("\n")[i + header] ?? "";
  return `output line ${i + 1}\n  lua5.4: ${a[i]}\n  assay:  ${b[i]}\n  source: ${src}`;
}
