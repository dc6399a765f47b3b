// env: environment variables. env.get looks in env._check_env (values a YAML check injects)
// before the process environment; env.set/env.list work on the process environment.
import { index } from "../runtime/ops.ts";
import { LuaTable } from "../runtime/table.ts";
import { EMPTY, fromJs, toJs } from "../runtime/value.ts";
import { argString, badArg, fail } from "./builtin-args.ts";
import { array, library, record } from "./lua-tables.ts";
import { debugQuote } from "./rust-format.ts";

/** A name the OS cannot hold (Rust's env functions reject these). */
function invalidName(name: string): boolean {
  return name === "" || name.includes("=") || name.includes("\0");
}

function processGet(...args: unknown[]): unknown {
  const name = argString(args, 1, "env._process_get");
  if (invalidName(name)) return undefined;
  const v = process.env[toJs(name)];
  return v === undefined ? undefined : fromJs(v);
}

function set(...args: unknown[]): unknown {
  const name = argString(args, 1, "env.set");
  if (invalidName(name)) fail(`env.set: invalid variable name ${debugQuote(name)}`);
  const key = toJs(name);
  if (args[1] === undefined) {
    delete process.env[key];
    return EMPTY;
  }
  const value = argString(args, 2, "env.set");
  if (value.includes("\0")) fail(`env.set: value for ${debugQuote(name)} contains a NUL byte`);
  process.env[key] = toJs(value);
  return EMPTY;
}

function list(): unknown {
  const out: LuaTable[] = [];
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined) out.push(record({ key: fromJs(k), value: fromJs(v) }));
  }
  return array(out);
}

export function open(G: LuaTable): void {
  const get = function (...args: unknown[]): unknown {
    if (typeof args[0] !== "string" && typeof args[0] !== "number") badArg(args, 1, "env.get", "string");
    const injected = index(env.get("_check_env"), args[0]);
    if (injected !== undefined) return injected;
    return processGet(args[0]);
  };
  const env = library("env", { get, set, list, _process_get: processGet });
  env.set("_check_env", new LuaTable());
  G.set("env", env);
}
