// Developer aid: runs a Lua file from hand-edited compiled JavaScript, to try a code shape
// before teaching the compiler. `node scripts/run-js.ts x.lua` writes x.lua's compiled code to
// /tmp/assay-js/<name>.js (if missing) and runs that file; edit it and run again.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { compile } from "../compiler/index.ts";
import { instantiate, setCompiler } from "../runtime/chunk.ts";
import { flushOut } from "../runtime/stdout.ts";
import { createEnvironment } from "../stdlib-ts/index.ts";

setCompiler((s, n, o) => compile(s, n, o));
const file = process.argv[2];
const js = `/tmp/assay-js/${basename(file)}.js`;
if (!existsSync(js) || process.env.FRESH) {
  mkdirSync("/tmp/assay-js", { recursive: true });
  writeFileSync(js, compile(readFileSync(file).toString("latin1"), file, { sourceMap: false }).code);
}
const f = instantiate(readFileSync(js, "utf8"), file, createEnvironment());
const t0 = performance.now();
f();
flushOut();
console.error(`run ${(performance.now() - t0).toFixed(1)} ms`);
