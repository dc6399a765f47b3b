// The ES module form of a compiled chunk: imports exactly the helpers it uses from the given
// specifier, runs when imported, and its errors carry Lua positions through its own URL.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { compile } from "../../compiler/index.ts";
import { createEnvironment } from "../../stdlib-ts/index.ts";
import { LuaError } from "../../runtime/error.ts";
import { scratchDirs } from "../helpers/scratch.ts";

const scratch = scratchDirs("assay-esm");
const runtime = pathToFileURL(join(import.meta.dirname, "../../runtime/helpers.ts")).href;

async function importChunk(lua: string, chunk: string): Promise<Function> {
  const { code, helpers } = compile(lua, chunk, { module: runtime, sourceMap: false });
  const header = code.slice(0, code.indexOf(";"));
  assert.equal(header, `import { ${[...helpers, "registerChunk"].map((h) => `${h} as $${h}`).join(", ")} } from "${runtime}"`);
  const file = join(scratch(), "chunk.mjs");
  writeFileSync(file, code);
  const mod = (await import(pathToFileURL(file).href)) as { default: (env: unknown) => Function };
  return mod.default(createEnvironment());
}

test("an ES module chunk imports its helpers and returns Lua values", async () => {
  const f = await importChunk(
    "local t = {}\nfor i = 1, 10 do t[#t + 1] = i * 2 end\nreturn #t, t[10], 7 // 2, 1 / 2, ('x'):rep(3), 9007199254740993 + 1",
    "esm.lua");
  assert.deepEqual(f(), [10, 20, 3, 0.5, "xxx", 9007199254740994n]);
});

test("an ES module chunk's runtime error names the Lua chunk and line", async () => {
  const f = await importChunk("local x = 1\n\nlocal y = x + nil\nreturn y", "bad.lua");
  assert.throws(() => f(), (e: unknown) => {
    assert.ok(e instanceof LuaError);
    assert.equal(e.value, "bad.lua:3: attempt to perform arithmetic on a nil value");
    return true;
  });
});

test("the ES module header stays on line 1, so JS lines are Lua lines", () => {
  const { code } = compile("local a = 1\nlocal b = 2\nreturn a + b", "lines.lua", { module: "assay/runtime" });
  const lines = code.split("\n");
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^import \{ .* \} from "assay\/runtime";\$registerChunk\(import\.meta\.url, "lines\.lua"\);export default \(function \(\$env\) \{/);
  assert.match(lines[2], /\$add\(a, b/);
});
