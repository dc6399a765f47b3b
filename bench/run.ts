// make bench: runs each benchmark under assay and lua5.4 in the same invocation and prints the
// time ratios (assay / lua5.4, lower is better) and their geometric mean. Not a test.
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../compiler/index.ts";

const root = join(import.meta.dirname, "..");
const programs = join(import.meta.dirname, "programs");
const assay = join(root, "bin", "assay");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const only = process.argv[2];

function best(cmd: string, args: string[]): { ms: number; out: string } {
  let ms = Infinity, out = "";
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { encoding: "latin1", maxBuffer: 1 << 26 });
    const t = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
    out = r.stdout;
    ms = Math.min(ms, t);
  }
  return { ms, out };
}

function hasLua(): boolean {
  try {
    execFileSync("lua5.4", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const rows: string[] = [];
const ratios: number[] = [];
const lua = hasLua();
console.log(`benchmark              lua5.4 ms   assay ms   ratio (assay/lua, best of ${RUNS})`);
for (const file of readdirSync(programs).filter((f) => f.endsWith(".lua")).sort()) {
  if (only && !file.includes(only)) continue;
  const path = join(programs, file);
  const name = file.replace(/\.lua$/, "");
  const assayOnly = /assay only/.test(readFileSync(path, "utf8").split("\n")[0]);
  const a = best(assay, ["run", path]);
  if (assayOnly || !lua) {
    const line = `${name.padEnd(22)} ${"-".padStart(9)} ${a.ms.toFixed(0).padStart(10)}   (assay only)`;
    console.log(line);
    rows.push(line);
    continue;
  }
  const l = best("lua5.4", [path]);
  const same = l.out === a.out ? "" : "  OUTPUT DIFFERS";
  const ratio = a.ms / l.ms;
  ratios.push(ratio);
  console.log(`${name.padEnd(22)} ${l.ms.toFixed(0).padStart(9)} ${a.ms.toFixed(0).padStart(10)}   ${ratio.toFixed(2)}${same}`);
}
if (ratios.length > 0) {
  const gm = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
  console.log(`geometric mean ratio: ${gm.toFixed(2)} over ${ratios.length} benchmarks (worst ${Math.max(...ratios).toFixed(2)})`);
}

// compile speed: a generated 2 000-line script
const lines: string[] = [];
for (let i = 0; lines.length < 2000; i++) {
  lines.push(`local function f${i}(a, b, ...)`, `  local t = { a, b, n = select("#", ...), tag = "f${i}" }`,
    `  for k = 1, #t do if t[k] ~= nil and k % 2 == 0 then t[k] = t[k] .. ":" .. k end end`,
    `  if a and b then return a + b * ${i} elseif a then return -a else return nil end`, `end`,
    `local r${i} = pcall(f${i}, ${i}, 2, 3) and f${i}(1, ${i}) or 0`);
}
const src = lines.join("\n");
compile("local x = 1", "warmup.lua");
let cms = Infinity;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  compile(src, "big.lua");
  cms = Math.min(cms, performance.now() - t0);
}
console.log(`compile ${lines.length}-line script: ${cms.toFixed(1)} ms (warm compiler, best of 5)`);
void rows;
