// process: list (from /proc, or ps elsewhere), is_running, kill, and wait_idle, which polls
// through the globals time, sleep and process.is_running as the original's Lua helper does.
import { childProcess } from "../runtime/node.ts";
import { readFileSync, readdirSync } from "node:fs";
import { add, call, index, lt } from "../runtime/ops.ts";
import { isInteger, isNumber, toDouble } from "../runtime/number.ts";
import { LuaTable } from "../runtime/table.ts";
import { fn, gcall } from "../runtime/twin.ts";
import { first, fromBytes, truthy, type } from "../runtime/value.ts";
import { argString, fail, osError } from "./builtin-args.ts";
import { array, library, record } from "./lua-tables.ts";

interface Proc {
  pid: number;
  name: string;
  cmdline?: string;
}

function readText(path: string): string | undefined {
  try {
    return fromBytes(readFileSync(path));
  } catch {
    return undefined;
  }
}

function fromProc(): Proc[] {
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch (e) {
    return fail(`process.list: failed to read /proc: ${osError(e)}`);
  }
  const out: Proc[] = [];
  for (const n of names) {
    if (!/^\d+$/.test(n)) continue;
    const name = (readText(`/proc/${n}/comm`) ?? "").trim();
    if (name === "") continue;
    const cmdline = readText(`/proc/${n}/cmdline`)?.replace(/\0/g, " ").trim();
    out.push({ pid: Number(n), name, cmdline: cmdline || undefined });
  }
  return out;
}

function fromPs(): Proc[] {
  const r = childProcess().spawnSync("ps", ["-eo", "pid,comm"], { maxBuffer: Infinity });
  if (r.error) fail(`process.list: failed to run ps: ${osError(r.error)}`);
  if (r.status !== 0) fail(`process.list: ps failed: ${fromBytes(r.stderr)}`);
  const out: Proc[] = [];
  for (const raw of fromBytes(r.stdout).split("\n").slice(1)) {
    const m = /^(\d+)\s+(.*)$/.exec(raw.trim());
    if (!m || m[2].trim() === "") continue;
    const comm = m[2].trim();
    out.push({ pid: Number(m[1]), name: comm.slice(comm.lastIndexOf("/") + 1), cmdline: comm });
  }
  return out;
}

function processes(): Proc[] {
  return process.platform === "linux" ? fromProc() : fromPs();
}

function list(): unknown {
  return array(processes().map((p) => record({ pid: p.pid, name: p.name, cmdline: p.cmdline })));
}

function is_running(...args: unknown[]): unknown {
  const name = argString(args, 1, "process.is_running");
  try {
    return processes().some((p) => p.name === name);
  } catch {
    return false;
  }
}

/** Rust's `n as i32`: integers wrap, floats truncate and saturate (NaN → 0). */
function asI32(v: unknown): number {
  if (isInteger(v)) return Number(BigInt.asIntN(32, BigInt(v)));
  const x = toDouble(v as number);
  if (Number.isNaN(x)) return 0;
  return Math.max(-2147483648, Math.min(2147483647, Math.trunc(x)));
}

function kill(...args: unknown[]): unknown {
  if (args.length === 0) fail("process.kill: pid required");
  if (!isNumber(args[0])) fail("process.kill: pid must be a number");
  const pid = asI32(args[0]);
  if (pid <= 0) fail(`process.kill: pid must be > 0, got ${pid}`);
  let signal = 15;
  if (args[1] !== undefined) {
    if (!isNumber(args[1])) fail("process.kill: signal must be a number");
    signal = asI32(args[1]);
  }
  if (signal < 0) fail(`process.kill: signal must be >= 0, got ${signal}`);
  try {
    process.kill(pid, signal);
  } catch (e) {
    fail(`process.kill: failed to send signal ${signal} to pid ${pid}: ${osError(e)}`);
  }
  return true;
}

type Invoke = (f: unknown, ...args: unknown[]) => Generator<unknown, unknown, unknown>;

/** The body of wait_idle, calling the globals through `invoke` (plain or suspending). */
function* waitIdle(G: LuaTable, invoke: Invoke, args: unknown[]): Generator<unknown, unknown, unknown> {
  let [names, timeout, interval] = args;
  if (!truthy(timeout)) timeout = 30;
  if (!truthy(interval)) interval = 1;
  if (typeof names === "string") names = new LuaTable([names]);
  if (!(names instanceof LuaTable)) fail(`bad argument #1 to 'for iterator' (table expected, got ${type(names)})`);
  const deadline = add(first(yield* invoke(G.get("time"))), timeout);
  while (lt(first(yield* invoke(G.get("time"))), deadline)) {
    let running = false;
    for (let i = 1; ; i++) {
      const name = index(names, i);
      if (name === undefined) break;
      if (truthy(first(yield* invoke(index(G.get("process"), "is_running"), name)))) {
        running = true;
        break;
      }
    }
    if (!running) return true;
    yield* invoke(G.get("sleep"), interval);
  }
  return false;
}

function* plainInvoke(f: unknown, ...args: unknown[]): Generator<unknown, unknown, unknown> {
  return call(f)(...args);
}

function suspendingInvoke(f: unknown, ...args: unknown[]): Generator<unknown, unknown, unknown> {
  return gcall(f, undefined, ...args);
}

function waitIdleFn(G: LuaTable): Function {
  const plain = function (...args: unknown[]): unknown {
    const r = waitIdle(G, plainInvoke, args).next();
    if (!r.done) throw new Error("process.wait_idle: unexpected suspension");
    return r.value;
  };
  return fn(plain, function* (...args: unknown[]) {
    return yield* waitIdle(G, suspendingInvoke, args);
  });
}

export function open(G: LuaTable): void {
  G.set("process", library("process", { list, is_running, kill, wait_idle: waitIdleFn(G) }));
}
