// Differential corpus: every fixtures/<area>/*.lua runs in assay and must print exactly what
// lua5.4 printed (stored beside it as .expected / .expected-error by `make fixtures-expect`).
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runLua } from "./helpers/run-lua.ts";

const root = join(import.meta.dirname, "..", "fixtures");
const only = process.env.FIXTURES; // e.g. FIXTURES=numbers or FIXTURES=numbers/012

for (const area of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  describe(area, () => {
    for (const file of readdirSync(join(root, area)).filter((f) => f.endsWith(".lua")).sort()) {
      const id = `${area}/${file.replace(/\.lua$/, "")}`;
      if (only && !id.startsWith(only) && area !== only) continue;
      it(file, () => {
        const base = join(root, area, file.replace(/\.lua$/, ""));
        const source = readFileSync(join(root, area, file)).toString("latin1");
        const expected = readFileSync(base + ".expected").toString("latin1");
        const errFile = base + ".expected-error";
        const expectedError = existsSync(errFile) ? readFileSync(errFile).toString("latin1").replace(/\n$/, "") : undefined;
        const r = runLua(source, file);
        assert.equal(r.stdout, expected, "stdout differs from lua5.4");
        assert.equal(r.error, expectedError, "error differs from lua5.4");
      });
    }
  });
}
