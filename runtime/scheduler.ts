// The task scheduler: runs tasks (coroutines on generator twins) and completes their I/O
// requests without the JS event loop, so plain (non-generator) code can block on I/O and still
// let other tasks run ("pump") while it waits. Timers are serviced here; other request kinds
// register their completion through `complete` (see io.ts for how a builtin plugs in).
import { Coroutine, IoRequest, step } from "./coroutine.ts";
import { LuaError, rterror } from "./error.ts";
import { results } from "./value.ts";

export interface Task {
  co: Coroutine;
  done: boolean;
  results: unknown[] | undefined;
  error: LuaError | undefined;
  /** called once when the task finishes */
  waiters: (() => void)[];
  cancelled: boolean;
}

interface Ready {
  task: Task;
  input: unknown;
  throwIn: boolean;
}

interface Timer {
  at: number;
  fire: () => void;
}

const ready: Ready[] = [];
const timers: Timer[] = [];
/** requests started but not completed (timers and external I/O) */
let pendingIo = 0;
const sleepCell = new Int32Array(new SharedArrayBuffer(4));

export const stats = { tasks: 0 };

/** Starts fn(...args) as a task; it first runs at the caller's next suspension point. */
export function spawn(body: Function, args: unknown[]): Task {
  const task: Task = {
    co: new Coroutine(body), done: false, results: undefined, error: undefined, waiters: [], cancelled: false,
  };
  stats.tasks++;
  ready.push({ task, input: args, throwIn: false });
  return task;
}

/** Schedules fire() after `ms` milliseconds of scheduler time. */
export function addTimer(ms: number, fire: () => void): void {
  const t: Timer = { at: performance.now() + ms, fire };
  let i = timers.length;
  while (i > 0 && timers[i - 1].at > t.at) i--;
  timers.splice(i, 0, t);
}

/** Starts an I/O request; done(err, value) is called from inside the pump when it completes. */
export function startIo(req: IoRequest, done: (err: unknown, value: unknown) => void): void {
  pendingIo++;
  let finished = false;
  req.start((err, value) => {
    if (finished) return;
    finished = true;
    pendingIo--;
    done(err, value);
  });
}

function finish(task: Task): void {
  task.done = true;
  const ws = task.waiters;
  task.waiters = [];
  for (const w of ws) w();
}

function runTask(r: Ready): void {
  const { task } = r;
  if (task.done) return;
  const s = r.throwIn ? step(task.co, undefined, r.input) : step(task.co, r.input);
  switch (s.kind) {
    case "return":
      task.results = results(s.values);
      finish(task);
      break;
    case "error":
      task.error = s.error;
      finish(task);
      break;
    case "yield":
      // coroutine.yield at task level: give the others a turn, then continue with no values
      ready.push({ task, input: [], throwIn: false });
      break;
    case "io":
      startIo(s.request!, (err, value) => {
        if (task.cancelled) return;
        ready.push(err === undefined ? { task, input: value, throwIn: false } : { task, input: err, throwIn: true });
      });
      break;
  }
}

/** Fires the timers that are due; returns ms until the next one (Infinity when none). */
function fireTimers(): number {
  const now = performance.now();
  while (timers.length > 0 && timers[0].at <= now) timers.shift()!.fire();
  return timers.length > 0 ? timers[0].at - now : Infinity;
}

/** Hooks for other I/O sources (a worker's message port): poll without blocking. */
export const sources: { poll: () => boolean; wait: (ms: number) => void }[] = [];

/**
 * Runs tasks and completes I/O until until() is true. Called by plain code that blocks (sleep,
 * await, I/O from the main chunk); tasks run meanwhile.
 */
export function runUntil(until: () => boolean): void {
  for (;;) {
    while (ready.length > 0 && !until()) runTask(ready.shift()!);
    if (until()) return;
    let progressed = false;
    for (const s of sources) progressed = s.poll() || progressed;
    const next = fireTimers();
    if (ready.length > 0 || progressed || until()) continue;
    if (next === Infinity && pendingIo === 0) {
      rterror("deadlock: waiting for a task that can never finish");
    }
    const ms = Math.max(0, Math.min(next, 1e9));
    if (sources.length > 0) sources[0].wait(ms);
    else Atomics.wait(sleepCell, 0, 0, ms);
  }
}

/** Runs every task that is ready now (a cooperative turn), without waiting. */
export function runReady(): void {
  const n = ready.length;
  for (let i = 0; i < n && ready.length > 0; i++) runTask(ready.shift()!);
}

/** Drops everything still scheduled (the main chunk ended: remaining tasks are abandoned). */
export function reset(): void {
  ready.length = 0;
  timers.length = 0;
  pendingIo = 0;
}

export function cancel(task: Task): void {
  task.cancelled = true;
  task.done = true;
  for (let i = ready.length - 1; i >= 0; i--) if (ready[i].task === task) ready.splice(i, 1);
}
