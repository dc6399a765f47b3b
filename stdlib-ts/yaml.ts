// yaml.parse / yaml.encode (builtins spec §4) on js-yaml 5, loaded on first use. Scalars resolve
// as serde_yaml does (YAML 1.2 core; `0123` stays a string); alias expansion is bounded.
import { createRequire } from "node:module";
import type * as JsYaml from "js-yaml";
import { LuaFloat, mkfloat, mkint } from "../runtime/number.ts";
import { LuaTable } from "../runtime/table.ts";
import { makeLib } from "../runtime/lib/register.ts";
import { fromJs } from "../runtime/value.ts";
import { type JData, argString, checkUtf8, fail, formatFloat, luaToData } from "./interop.ts";

type Yaml = typeof JsYaml;
let lib: { y: Yaml; load: JsYaml.Schema; dump: JsYaml.Schema } | undefined;

/** serde_yaml's recursion limit; and how far aliases may multiply the document. */
const MAX_DEPTH = 128;
const ALIAS_FACTOR = 100;

const INT = /^[-+]?(?:0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+|[0-9]+)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const NONFINITE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** Digits with a leading zero ("0123") are strings, as in serde_yaml. */
function leadingZero(s: string): boolean {
  const u = s[0] === "-" || s[0] === "+" ? s.slice(1) : s;
  return u.length > 1 && u[0] === "0" && /^[0-9]+$/.test(u);
}

function load(): NonNullable<typeof lib> {
  if (lib !== undefined) return lib;
  const y = createRequire(import.meta.url)("js-yaml") as Yaml;
  const intTag = y.defineScalarTag("tag:yaml.org,2002:int", {
    implicit: true,
    implicitFirstChars: ["-", "+", ..."0123456789"],
    resolve: (src) => {
      if (!INT.test(src) || leadingZero(src)) return y.NOT_RESOLVED;
      const neg = src[0] === "-";
      const body = src[0] === "-" || src[0] === "+" ? src.slice(1) : src;
      const b = neg ? -BigInt(body) : BigInt(body);
      return b >= I64_MIN && b <= I64_MAX ? mkint(b) : mkfloat(Number(b));
    },
    identify: () => false,
  });
  const floatTag = y.defineScalarTag("tag:yaml.org,2002:float", {
    implicit: true,
    implicitFirstChars: ["-", "+", ".", ..."0123456789"],
    resolve: (src) => {
      if (NONFINITE.test(src)) return null; // no JSON equivalent: nil (§4)
      if (!FLOAT.test(src) || leadingZero(src)) return y.NOT_RESOLVED;
      const x = Number(src);
      return Number.isFinite(x) ? mkfloat(x) : y.NOT_RESOLVED;
    },
    identify: () => false,
  });
  lib = { y, load: y.CORE_SCHEMA.withTags(y.realMapTag, intTag, floatTag), dump: y.DUMP_SCHEMA };
  return lib;
}

function positioned(e: unknown): string {
  const x = e as { reason?: string; mark?: { line: number; column: number }; message?: string };
  if (typeof x.reason === "string") {
    return x.mark ? `${x.reason} at line ${x.mark.line + 1} column ${x.mark.column + 1}` : x.reason;
  }
  return x.message ?? String(e);
}

/** Refuses recursive aliases and alias "bombs" (expanded size over ALIAS_FACTOR × source). */
function checkExpansion(root: unknown): void {
  const sizes = new Map<object, number>();
  const visiting = new Set<object>();
  let nodes = 1;
  const size = (v: unknown, depth: number): number => {
    if (v === null || typeof v !== "object" || v instanceof LuaFloat) return 1;
    const known = sizes.get(v);
    if (known !== undefined) return known;
    if (visiting.has(v)) fail("yaml.parse: recursive alias");
    if (depth > 1000) fail("yaml.parse: recursion limit exceeded (aliases nested too deeply)");
    visiting.add(v);
    let n = 1;
    if (Array.isArray(v)) {
      nodes += v.length;
      for (const x of v) n += size(x, depth + 1);
    } else {
      nodes += 2 * (v as Map<unknown, unknown>).size;
      for (const [k, x] of v as Map<unknown, unknown>) n += size(k, depth + 1) + size(x, depth + 1);
    }
    visiting.delete(v);
    sizes.set(v, n);
    return n;
  };
  const total = size(root, 0);
  if (total > ALIAS_FACTOR * nodes) fail(`yaml.parse: repetition limit exceeded (aliases expand ${nodes} nodes to ${total})`);
}

/** A mapping key as text: serde_yaml reads scalar keys as strings. */
function keyText(k: unknown): string {
  if (typeof k === "string") return fromJs(k);
  if (k === null) return "null";
  if (typeof k === "boolean" || typeof k === "bigint") return String(k);
  if (typeof k === "number") return Number.isInteger(k) ? String(k) : formatFloat(k);
  if (k instanceof LuaFloat) return formatFloat(k.n);
  return fail("yaml.parse: mapping keys must be scalars, not sequences or mappings");
}

function toLua(v: unknown): unknown {
  if (v === null) return undefined;
  if (typeof v === "string") return fromJs(v);
  if (typeof v !== "object" || v instanceof LuaFloat) return v;
  if (Array.isArray(v)) return new LuaTable(v.map(toLua));
  const t = new LuaTable();
  for (const [k, x] of v as Map<unknown, unknown>) t.set(keyText(k), toLua(x));
  return t;
}

function yaml_parse(...args: unknown[]): unknown {
  const src = argString(args, 1, "yaml.parse");
  checkUtf8(src, "yaml.parse");
  const { y, load: schema } = load();
  let docs: unknown[];
  try {
    docs = y.loadAll(Buffer.from(src, "latin1").toString("utf8"), { schema, json: true, maxDepth: MAX_DEPTH });
  } catch (e) {
    return fail(`yaml.parse: ${positioned(e)}`);
  }
  if (docs.length > 1) fail("yaml.parse: deserializing from YAML containing more than one document is not supported");
  if (docs.length === 0) return undefined;
  checkExpansion(docs[0]);
  return toLua(docs[0]);
}

const TAG = "tag:yaml.org,2002:";

/** The YAML node tree for a data-model value (block style; empty collections in flow style). */
function node(y: Yaml, d: JData): JsYaml.Node {
  const scalar = (tag: string, value: string): JsYaml.Node => ({ kind: "scalar", tag: TAG + tag, tagged: false, style: y.SCALAR_STYLE.PLAIN, value });
  if (d === null) return scalar("null", "null");
  switch (typeof d) {
    case "boolean":
      return scalar("bool", String(d));
    case "number":
      return Number.isInteger(d) ? scalar("int", String(d)) : scalar("float", formatFloat(d));
    case "bigint":
      return scalar("int", d.toString());
    case "string":
      return scalar("str", d);
  }
  if (d instanceof LuaFloat) return scalar("float", formatFloat(d.n));
  const style = (n: number) => (n === 0 ? y.COLLECTION_STYLE.FLOW : y.COLLECTION_STYLE.BLOCK);
  if (Array.isArray(d)) return { kind: "sequence", tag: TAG + "seq", tagged: false, style: style(d.length), items: d.map((x) => node(y, x)) };
  const items = [...(d as Map<string, JData>)].map(([k, x]) => ({ key: scalar("str", k), value: node(y, x) }));
  return { kind: "mapping", tag: TAG + "map", tagged: false, style: style(items.length), items };
}

function yaml_encode(v: unknown): unknown {
  const d = luaToData(v, "yaml.encode");
  const { y, dump: schema } = load();
  try {
    const text = y.present([{ contents: node(y, d), directives: [] }], { schema, indent: 2, seqNoIndent: true, lineWidth: -1 });
    return fromJs(text);
  } catch (e) {
    return fail(`yaml.encode: ${positioned(e)}`);
  }
}

export function open(G: LuaTable): void {
  G.set("yaml", makeLib({ parse: yaml_parse, encode: yaml_encode }));
}
