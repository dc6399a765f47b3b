// json.parse / json.encode (builtins spec §3), plus the extensions json.null, json.object and
// json.array (see interop.ts and docs/compat.md).
import type { LuaTable } from "../runtime/table.ts";
import { makeLib } from "../runtime/lib/register.ts";
import { JSON_NULL, argString, checkUtf8, markKind } from "./interop.ts";
import { parseJson } from "./json-parse.ts";
import { encodeJsonDirect } from "./json-encode.ts";

/** A Lua value as compact JSON text (a Lua byte string); errors name `who`. */
export function encodeJson(v: unknown, who = "json.encode"): string {
  return encodeJsonDirect(v, who);
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
