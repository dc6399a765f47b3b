// async.spawn / handle:await / async.spawn_interval / handle:cancel: concurrent tasks on the
// scheduler (runtime/scheduler.ts). Tasks run the generator twins of their functions.
import { IoRequest, defineIo, timerRequest } from "../runtime/io.ts";
import { LuaError, rterror } from "../runtime/error.ts";
import { logLine } from "../runtime/log.ts";
import { isNumber, toDouble } from "../runtime/number.ts";
import { type Task, cancel, spawn } from "../runtime/scheduler.ts";
import { LuaTable } from "../runtime/table.ts";
import { gcall } from "../runtime/twin.ts";
import { makeLib } from "../runtime/lib/register.ts";
import { tostring } from "../runtime/lib/base.ts";
import { EMPTY } from "../runtime/value.ts";

function resultsOf(task: Task): unknown {
  if (task.error !== undefined) throw new LuaError(task.error.value, task.error.luaTrace);
  return new LuaTable([...(task.results ?? [])]);
}

function spawnHandle(...args: unknown[]): unknown {
  const f = args[0];
  if (typeof f !== "function" && !(f instanceof LuaTable)) rterror("async.spawn: expected a function");
  const task = spawn(f as Function, args.slice(1));
  let awaited = false;
  const awaitFn = defineIo("await", () => {
    if (awaited) rterror("async handle already awaited");
    awaited = true;
    if (task.done) return resultsOf(task);
    return new IoRequest((done) => {
      task.waiters.push(() => {
        try {
          done(undefined, resultsOf(task));
        } catch (e) {
          done(e, undefined);
        }
      });
    });
  });
  return handleTable({ await: awaitFn });
}

function handleTable(fns: Record<string, Function>): LuaTable {
  const t = new LuaTable();
  for (const [k, v] of Object.entries(fns)) t.set(k, v);
  return t;
}

function spawnInterval(...args: unknown[]): unknown {
  const [secs, f] = args;
  if (!isNumber(secs) || !(toDouble(secs) > 0)) rterror("async.spawn_interval: interval must be positive");
  if (typeof f !== "function") rterror("async.spawn_interval: expected a function");
  const ms = toDouble(secs) * 1000;
  let cancelled = false;
  const body = function interval_task(): unknown {
    return EMPTY;
  };
  (body as unknown as { $g: unknown }).$g = function* interval_loop(): Generator<unknown, unknown, unknown> {
    for (;;) {
      yield timerRequest(ms);
      if (cancelled) return EMPTY;
      try {
        yield* gcall(f, undefined);
      } catch (e) {
        const v = e instanceof LuaError ? e.value : e;
        logLine("ERROR", `async.spawn_interval: callback error: ${tostring(v)}`);
        return EMPTY;
      }
    }
  };
  const task = spawn(body, []);
  const cancelFn = function cancel_interval(): unknown {
    cancelled = true;
    cancel(task);
    return EMPTY;
  };
  return handleTable({ cancel: cancelFn });
}

export function open(G: LuaTable): void {
  G.set("async", makeLib({ spawn: spawnHandle, spawn_interval: spawnInterval }));
}
