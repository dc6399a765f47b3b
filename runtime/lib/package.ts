// require and the package library: loaded, preload, path, cpath, config, searchers,
// searchpath. Lua files found on package.path are compiled through the load() compiler hook;
// assay adds its own searchers for `assay.*` modules (stdlib-ts/modules.ts).
import { existsSync, readFileSync } from "node:fs";
import { loadFileChunk } from "../chunk.ts";
import { rterror } from "../error.ts";
import { call, index } from "../ops.ts";
import { LuaTable } from "../table.ts";
import { first, results } from "../value.ts";
import { checkString } from "./args.ts";
import { makeLib, registerBuiltins } from "./register.ts";

export const LUA_PATH_DEFAULT = "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;" +
  "/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;./?.lua;./?/init.lua";
const LUA_CPATH_DEFAULT = "/usr/local/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so";

/** package.searchpath: the first readable file for name along path, or nil and the tried names. */
export function searchPath(name: string, path: string, sep = ".", rep = "/"): [string | undefined, string] {
  const n = sep === "" ? name : name.split(sep).join(rep);
  const tried: string[] = [];
  for (const template of path.split(";")) {
    if (template === "") continue;
    const file = template.split("?").join(n);
    if (existsSync(file)) return [file, ""];
    tried.push(`\n\tno file '${file}'`);
  }
  return [undefined, tried.join("")];
}

export function openPackage(G: LuaTable): void {
  const loaded = new LuaTable();
  const preload = new LuaTable();
  const pkg = new LuaTable();
  pkg.set("loaded", loaded);
  pkg.set("preload", preload);
  pkg.set("path", process.env.LUA_PATH_5_4 ?? process.env.LUA_PATH ?? LUA_PATH_DEFAULT);
  pkg.set("cpath", LUA_CPATH_DEFAULT);
  pkg.set("config", "/\n;\n?\n!\n-\n");

  function searcher_preload(name: unknown): unknown {
    const n = name as string;
    const p = index(pkg.get("preload"), n);
    if (p === undefined) return `\n\tno field package.preload['${n}']`;
    return [p, ":preload:"];
  }
  function searcher_Lua(name: unknown): unknown {
    const path = index(pkg, "path");
    if (typeof path !== "string") rterror("'package.path' must be a string");
    const [file, tried] = searchPath(name as string, path);
    if (file === undefined) return tried;
    return [loadFile(file), file];
  }
  function searcher_C(name: unknown): unknown {
    const [, tried] = searchPath(name as string, LUA_CPATH_DEFAULT);
    return tried; // C modules cannot be loaded
  }
  function loadFile(file: string): Function {
    const src = readFileSync(file).toString("latin1");
    try {
      return loadFileChunk(src, file, G);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return rterror(`error loading module from file '${file}':\n\t${msg}`);
    }
  }
  const searchers = new LuaTable([searcher_preload, searcher_Lua, searcher_C]);
  pkg.set("searchers", searchers);

  function searchpath(...args: unknown[]): unknown {
    const name = checkString(args, 1, "searchpath");
    const path = checkString(args, 2, "searchpath");
    const sep = args[2] === undefined ? "." : checkString(args, 3, "searchpath");
    const rep = args[3] === undefined ? "/" : checkString(args, 4, "searchpath");
    const [file, tried] = searchPath(name, path, sep, rep);
    return file !== undefined ? file : [undefined, tried];
  }
  pkg.set("searchpath", searchpath);
  registerBuiltins(searcher_preload, searcher_Lua, searcher_C, searchpath);

  function require(...args: unknown[]): unknown {
    const name = checkString(args, 1, "require");
    const have = loaded.get(name);
    if (have !== undefined && have !== false) return have;
    const list = index(pkg, "searchers");
    if (!(list instanceof LuaTable)) rterror("'package.searchers' must be a table");
    let msg = "";
    for (let i = 1; ; i++) {
      const s = list.get(i);
      if (s === undefined) rterror(`module '${name}' not found:${msg}`);
      const r = results(call(s)(name));
      const loader = r[0];
      if (typeof loader === "function") {
        const extra = r[1];
        const value = first(call(loader)(name, extra));
        if (value !== undefined) loaded.set(name, value);
        else if (loaded.get(name) === undefined) loaded.set(name, true);
        return [loaded.get(name), extra];
      }
      if (typeof loader === "string") msg += loader;
    }
  }
  registerBuiltins(require);
  G.set("require", require);
  G.set("package", pkg);
  for (const lib of ["_G", "string", "table", "math", "io", "os", "coroutine", "utf8"]) {
    const v = G.get(lib);
    if (v !== undefined) loaded.set(lib, v);
  }
  loaded.set("package", pkg);
  void makeLib;
}
