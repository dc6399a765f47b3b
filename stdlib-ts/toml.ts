// toml.parse / toml.encode (builtins spec §5); parsing uses smol-toml, loaded on first use.
import { createRequire } from "node:module";
import type * as SmolToml from "smol-toml";
import { mkfloat, mkint } from "../runtime/number.ts";
import { LuaTable } from "../runtime/table.ts";
import { makeLib } from "../runtime/lib/register.ts";
import { fromJs } from "../runtime/value.ts";
import { argString, checkUtf8, fail, luaToData } from "./interop.ts";
import { writeToml } from "./toml-write.ts";

let smol: typeof SmolToml | undefined;

/** The key under which the reference exposes a datetime (toml crate's private field). */
const DATETIME_KEY = "$__toml_private_datetime";

/** RFC 3339 text as the toml crate prints it: `T` separator, fraction without trailing zeros. */
function datetimeText(d: SmolToml.TomlDate): string {
  return d.toISOString().replace(/\.(\d+)/, (_, f: string) => {
    const t = f.replace(/0+$/, "");
    return t === "" ? "" : "." + t;
  });
}

function toLua(v: unknown): unknown {
  switch (typeof v) {
    case "string":
      return fromJs(v);
    case "bigint":
      return mkint(v);
    case "number":
      return mkfloat(v); // integers arrive as bigints, so every number is a TOML float
    case "boolean":
      return v;
  }
  if (Array.isArray(v)) return new LuaTable(v.map(toLua));
  const t = new LuaTable();
  if (v instanceof Date) {
    t.set(DATETIME_KEY, datetimeText(v as SmolToml.TomlDate));
    return t;
  }
  for (const k of Object.keys(v as object)) t.set(fromJs(k), toLua((v as Record<string, unknown>)[k]));
  return t;
}

function toml_parse(...args: unknown[]): unknown {
  const src = argString(args, 1, "toml.parse");
  checkUtf8(src, "toml.parse");
  smol ??= createRequire(import.meta.url)("smol-toml") as typeof SmolToml;
  let doc: unknown;
  try {
    doc = smol.parse(Buffer.from(src, "latin1").toString("utf8"), { integersAsBigInt: true });
  } catch (e) {
    const x = e as { message?: string; line?: number; column?: number };
    const msg = (x.message ?? String(e)).split("\n")[0].replace(/^Invalid TOML document: /, "");
    return fail(x.line !== undefined ? `toml.parse: ${msg} at line ${x.line} column ${x.column}` : `toml.parse: ${msg}`);
  }
  return toLua(doc);
}

function toml_encode(v: unknown): unknown {
  return fromJs(writeToml(luaToData(v, "toml.encode")));
}

export function open(G: LuaTable): void {
  G.set("toml", makeLib({ parse: toml_parse, encode: toml_encode }));
}
