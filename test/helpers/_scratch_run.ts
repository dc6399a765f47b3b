import { compile } from "../../compiler/index.ts";
import { instantiate, setCompiler } from "../../runtime/chunk.ts";
import { createGlobals } from "../../runtime/env.ts";
import { toLuaError } from "../../runtime/error.ts";
import { capture } from "../../runtime/stdout.ts";
import { fromJs, toJs } from "../../runtime/value.ts";
import * as json from "../../stdlib-ts/json.ts";
import * as yaml from "../../stdlib-ts/yaml.ts";
import * as toml from "../../stdlib-ts/toml.ts";
import * as base64 from "../../stdlib-ts/base64.ts";
setCompiler((src, name) => compile(src, name));
const sink: string[] = [];
capture.sink = sink;
let err = "";
try {
  const { code, map } = compile(fromJs(process.argv[2]), "t.lua");
  const G = createGlobals();
  for (const m of [json, yaml, toml, base64]) m.open(G);
  instantiate(code, "t.lua", G, map)();
} catch (e) { err = "ERROR: " + String(toLuaError(e).value) + "\n"; }
capture.sink = undefined;
process.stdout.write(toJs(sink.join("") + err));
