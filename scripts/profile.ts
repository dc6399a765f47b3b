// Developer aid: runs a Lua file in-process under the V8 profiler and prints where the time
// went (self time by function), plus compile and run times. Usage: node scripts/profile.ts x.lua
import { readFileSync } from "node:fs";
import { Session } from "node:inspector";
import { compile } from "../compiler/index.ts";
import { instantiate, setCompiler } from "../runtime/chunk.ts";
import { flushOut } from "../runtime/stdout.ts";
import { createEnvironment } from "../stdlib-ts/index.ts";

setCompiler((s, n, o) => compile(s, n, o));
(await import("node:v8")).default.setFlagsFromString("--max-inlined-bytecode-size-cumulative=8000"); (await import("node:v8")).default.setFlagsFromString("--max-inlined-bytecode-size=800");
const file = process.argv[2];
const src = readFileSync(file).toString("latin1");
const t0 = performance.now();
const { code, map } = compile(src, file);
const t1 = performance.now();
if (process.env.SHOW) console.error(code);
const f = instantiate(code, file, createEnvironment(), map);
const session = new Session();
session.connect();
const post = (m: string, p?: object) => new Promise<unknown>((res, rej) => session.post(m, p ?? {}, (e, r) => (e ? rej(e) : res(r))));
await post("Profiler.enable");
await post("Profiler.setSamplingInterval", { interval: 200 });
await post("Profiler.start");
const t2 = performance.now();
f();
const t3 = performance.now();
const { profile } = (await post("Profiler.stop")) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
flushOut();
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((s, i) => {
  const n = byId.get(s)!;
  const k = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber + 1}`;
  self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
console.error(`compile ${(t1 - t0).toFixed(1)} ms, run ${(t3 - t2).toFixed(1)} ms`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 15))) {
  console.error(`${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}
