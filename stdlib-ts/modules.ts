// The assay.* module searchers appended to package.searchers: the project's ./modules, then
// $ASSAY_MODULES_PATH (or ~/.assay/modules), then the modules embedded in assay (stdlib-lua/).
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadFileChunk } from "../runtime/chunk.ts";
import { rterror } from "../runtime/error.ts";
import { registerBuiltins } from "../runtime/lib/register.ts";
import { LuaTable } from "../runtime/table.ts";

const PREFIX = "assay.";

/** Where embedded modules live: stdlib-lua/ in a source tree (absent in a plain build). */
function embeddedDir(): string | undefined {
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    for (const d of [join(here, "..", "stdlib-lua"), join(here, "stdlib-lua")]) if (existsSync(d)) return d;
  } catch {
    // no file URL (an executable): nothing embedded on disk
  }
  return undefined;
}

/** The directories searched for `assay.X` before the embedded modules, in order. */
export function moduleDirs(): string[] {
  const dirs = [join(".", "modules")];
  const global = process.env.ASSAY_MODULES_PATH;
  if (global) dirs.push(global);
  else if (process.env.HOME || homedir()) dirs.push(join(process.env.HOME || homedir(), ".assay", "modules"));
  return dirs;
}

/** The file for an assay.* module (project, global, then embedded), or undefined. */
export function findAssayModule(name: string): { file: string; chunkName: string } | undefined {
  if (!name.startsWith(PREFIX)) return undefined;
  const file = name.slice(PREFIX.length) + ".lua";
  for (const dir of moduleDirs()) {
    const path = join(dir, file);
    if (existsSync(path)) return { file: path, chunkName: dir === join(".", "modules") ? `./modules/${file}` : path };
  }
  const emb = embeddedDir();
  if (emb !== undefined && existsSync(join(emb, file))) return { file: join(emb, file), chunkName: `assay/${file}` };
  return undefined;
}

export function open(G: LuaTable): void {
  const pkg = G.get("package");
  if (!(pkg instanceof LuaTable)) return;
  const searchers = pkg.get("searchers");
  if (!(searchers instanceof LuaTable)) return;
  function assay_module_searcher(name: unknown): unknown {
    const n = String(name);
    if (!n.startsWith(PREFIX)) return `\n\tnot an assay.* module: ${n}`;
    const found = findAssayModule(n);
    if (found === undefined) return `\n\tno module file: ${moduleDirs().map((d) => join(d, n.slice(PREFIX.length) + ".lua")).join(", ")}\n\tno embedded stdlib file: ${n.slice(PREFIX.length)}.lua`;
    const src = readFileSync(found.file).toString("latin1");
    try {
      return [loadFileChunk(src, found.chunkName, G), found.chunkName];
    } catch (e) {
      return rterror(`error loading module '${n}' from file '${found.chunkName}':\n\t${e instanceof Error ? e.message : String(e)}`);
    }
  }
  registerBuiltins(assay_module_searcher);
  searchers.set(searchers.length() + 1, assay_module_searcher);
}
