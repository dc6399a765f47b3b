// template.render / render_string: MiniJinja via minijinja-js (WebAssembly, loaded on first use).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Environment } from "minijinja-js";
import { LuaFloat } from "../runtime/number.ts";
import { LuaTable } from "../runtime/table.ts";
import { makeLib } from "../runtime/lib/register.ts";
import { fromJs, toBytes } from "../runtime/value.ts";
import { osError } from "./builtin-args.ts";
import { type JData, argString, fail, formatFloat, luaToData, utf8ToJs } from "./interop.ts";
import { debugQuote } from "./rust-format.ts";

const require = createRequire(import.meta.url);
let env: Environment | undefined;

function environment(): Environment {
  if (env === undefined) {
    const mj = require("minijinja-js") as typeof import("minijinja-js");
    env = new mj.Environment();
  }
  return env;
}

/** After a trap (a Rust panic) the WebAssembly instance is unusable: load a fresh one next time. */
function discardEnvironment(): void {
  env = undefined;
  delete require.cache[require.resolve("minijinja-js")];
}

/** Names a `{% set %}` can bind (identifiers that are not literals or operators). */
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(["true", "false", "none", "True", "False", "None", "and", "or", "not", "in", "is", "if", "else"]);

/**
 * Whether a value holds an integral float that JS would hand to MiniJinja as an integer: the
 * bindings turn every safe-integer JS number into an integer, but Lua's 10.0 must print "10.0".
 */
function hasIntegralFloat(d: JData): boolean {
  if (d instanceof LuaFloat) return Number.isSafeInteger(d.n);
  if (Array.isArray(d)) return d.some(hasIntegralFloat);
  if (d instanceof Map) {
    for (const v of d.values()) if (hasIntegralFloat(v)) return true;
  }
  return false;
}

/** A MiniJinja literal for a value (JSON string escapes are valid MiniJinja escapes). */
function literal(d: JData): string {
  if (d === null) return "none";
  switch (typeof d) {
    case "boolean":
    case "bigint":
      return String(d);
    case "number":
      return Number.isInteger(d) ? String(d) : formatFloat(d);
    case "string":
      return JSON.stringify(d);
  }
  if (d instanceof LuaFloat) return formatFloat(d.n);
  if (Array.isArray(d)) return `[${d.map(literal).join(", ")}]`;
  return `{${[...d].map(([k, v]) => `${JSON.stringify(k)}: ${literal(v)}`).join(", ")}}`;
}

/** A value as the bindings read it: objects for maps, BigInt for 64-bit integers. */
function jsValue(d: JData): unknown {
  if (d === null || typeof d !== "object") return d;
  if (d instanceof LuaFloat) return d.n;
  if (Array.isArray(d)) return d.map(jsValue);
  const o: Record<string, unknown> = Object.create(null);
  for (const [k, v] of d) o[k] = jsValue(v);
  return o;
}

/**
 * The render context for `vars`, plus a prelude of `{% set %}` tags (no newline, so line numbers
 * stay right) for the variables that contain integral floats.
 */
function context(vars: unknown, who: string): { ctx: Record<string, unknown>; prelude: string } {
  const ctx: Record<string, unknown> = Object.create(null);
  let prelude = "";
  if (vars === undefined) return { ctx, prelude };
  if (!(vars instanceof LuaTable)) return fail(`${who}: second argument must be a table or nil`);
  const data = luaToData(vars, who);
  if (!(data instanceof Map)) return { ctx, prelude }; // an array context has no names
  for (const [k, v] of data) {
    if (IDENT.test(k) && !RESERVED.has(k) && hasIntegralFloat(v)) prelude += `{% set ${k} = ${literal(v)} %}`;
    else ctx[k] = jsValue(v);
  }
  return { ctx, prelude };
}

function render(source: string, vars: unknown, who: string): string {
  const { ctx, prelude } = context(vars, who);
  try {
    return fromJs(environment().renderStr(prelude + source, ctx));
  } catch (e) {
    if (e instanceof Error && e.constructor.name === "RuntimeError") discardEnvironment();
    const msg = e instanceof Error ? e.message : String(e);
    // keep the error line; drop the debug view of the template source that follows it
    return fail(`${who}: ${fromJs(msg.replace(/\n-{5,} .* -{5,}\n[\s\S]*$/, ""))}`);
  }
}

function template_render_string(...args: unknown[]): unknown {
  const who = "template.render_string";
  const source = utf8ToJs(argString(args, 1, who), who);
  return render(source, args[1], who);
}

function template_render(...args: unknown[]): unknown {
  const who = "template.render";
  const path = argString(args, 1, who);
  utf8ToJs(path, who);
  let bytes: Buffer;
  try {
    bytes = readFileSync(toBytes(path));
  } catch (e) {
    return fail(`${who}: failed to read ${debugQuote(path)}: ${osError(e)}`);
  }
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let source: string;
  try {
    source = text.decode(bytes);
  } catch {
    return fail(`${who}: failed to read ${debugQuote(path)}: stream did not contain valid UTF-8`);
  }
  return render(source, args[1], who);
}

export function open(G: LuaTable): void {
  G.set("template", makeLib({ render: template_render, render_string: template_render_string }));
}
