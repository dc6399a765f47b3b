// json.parse / json.encode (builtins spec §3), plus the extensions json.null, json.object and
// json.array (see interop.ts and docs/compat.md).
import { LuaFloat } from "../runtime/number.ts";
import type { LuaTable } from "../runtime/table.ts";
import { makeLib } from "../runtime/lib/register.ts";
import { fromJs } from "../runtime/value.ts";
import { type JData, JSON_NULL, argString, checkUtf8, formatFloat, luaToData, markKind } from "./interop.ts";
import { parseJson } from "./json-parse.ts";

const ESCAPES: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

const NEEDS_ESCAPE = /["\\\x00-\x1f]/;

function quote(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  return '"' + s.replace(/["\\\x00-\x1f]/g, (c) => ESCAPES[c] ?? "\\u00" + c.charCodeAt(0).toString(16).padStart(2, "0")) + '"';
}

function write(d: JData, out: string[]): void {
  if (d === null) {
    out.push("null");
    return;
  }
  switch (typeof d) {
    case "boolean":
      out.push(d ? "true" : "false");
      return;
    case "number":
      out.push(Number.isInteger(d) ? String(d) : formatFloat(d));
      return;
    case "bigint":
      out.push(d.toString());
      return;
    case "string":
      out.push(quote(d));
      return;
  }
  if (d instanceof LuaFloat) {
    out.push(formatFloat(d.n));
  } else if (Array.isArray(d)) {
    out.push("[");
    for (let i = 0; i < d.length; i++) {
      if (i > 0) out.push(",");
      write(d[i], out);
    }
    out.push("]");
  } else {
    let sep = "{";
    for (const [k, v] of d as Map<string, JData>) {
      out.push(sep, quote(k), ":");
      write(v, out);
      sep = ",";
    }
    out.push(sep === "{" ? "{}" : "}");
  }
}

/** Compact JSON text of a data-model value (serde_json's format: sorted keys, `1.0`). */
export function stringifyData(d: JData): string {
  const out: string[] = [];
  write(d, out);
  return out.join("");
}

/** A Lua value as compact JSON text (a Lua byte string); errors name `who`. */
export function encodeJson(v: unknown, who = "json.encode"): string {
  return fromJs(stringifyData(luaToData(v, who)));
}

/** JSON text (a Lua byte string) → Lua value; errors name `who`. */
export function decodeJson(s: string, who = "json.parse"): unknown {
  checkUtf8(s, who);
  return parseJson(s, who);
}

function json_parse(...args: unknown[]): unknown {
  return decodeJson(argString(args, 1, "json.parse"));
}

function json_encode(v: unknown): unknown {
  return encodeJson(v); // a second argument is ignored, as in the reference
}

function json_object(...args: unknown[]): unknown {
  return markKind(args[0], "object", "json.object");
}

function json_array(...args: unknown[]): unknown {
  return markKind(args[0], "array", "json.array");
}

export function open(G: LuaTable): void {
  G.set("json", makeLib({ parse: json_parse, encode: json_encode, object: json_object, array: json_array, null: JSON_NULL }));
}
