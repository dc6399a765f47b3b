// disk: usage (statvfs figures), sweep (remove entries older than an age) and dir_size (sum of
// file sizes under a directory), the last two built on the fs builtins as the original's helpers are.
import { statfsSync } from "node:fs";
import { mkfloat, mkint } from "../runtime/number.ts";
import { gt, sub } from "../runtime/ops.ts";
import { LuaTable } from "../runtime/table.ts";
import { toBytes } from "../runtime/value.ts";
import { argString, fail, osError } from "./builtin-args.ts";
import { list, readdir, remove, stat } from "./fs.ts";
import { library, record } from "./lua-tables.ts";
import { debugQuote } from "./rust-format.ts";

function usage(...args: unknown[]): unknown {
  const p = argString(args, 1, "disk.usage");
  let st;
  try {
    st = statfsSync(toBytes(p), { bigint: true });
  } catch (e) {
    return fail(`disk.usage: failed to stat ${debugQuote(p)}: ${osError(e)}`);
  }
  const total = st.blocks * st.frsize;
  const free = st.bfree * st.frsize;
  const used = total - free;
  return record({
    total: mkint(total), free: mkint(free), used: mkint(used),
    percent: mkfloat(total === 0n ? 0 : (Number(used) / Number(total)) * 100),
  });
}

function now(): unknown {
  return mkfloat((performance.timeOrigin + performance.now()) / 1000);
}

/** Each sequence element of a table, in order. */
function* items(t: unknown): Generator<LuaTable> {
  if (!(t instanceof LuaTable)) return;
  for (let i = 1; ; i++) {
    const v = t.get(i);
    if (v === undefined) return;
    yield v as LuaTable;
  }
}

function sweep(...args: unknown[]): unknown {
  const dir = argString(args, 1, "disk.sweep");
  const age = args[1];
  const t = now();
  let removed = 0;
  for (const entry of items(list(dir))) {
    const full = `${dir}/${entry.get("name") as string}`;
    const st = stat(full) as LuaTable;
    const modified = st.get("modified");
    if (modified !== undefined && gt(sub(t, modified), age)) {
      remove(full);
      removed++;
    }
  }
  return removed;
}

function dir_size(...args: unknown[]): unknown {
  const path = argString(args, 1, "disk.dir_size");
  let total = 0;
  for (const entry of items(readdir(path))) {
    if (entry.get("type") !== "file") continue;
    total += (stat(`${path}/${entry.get("path") as string}`) as LuaTable).get("size") as number;
  }
  return total;
}

export function open(G: LuaTable): void {
  G.set("disk", library("disk", { usage, sweep, dir_size }));
}
