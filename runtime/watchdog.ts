// A watchdog for run timeouts: runs a function under V8's execution timeout, which stops it
// even inside a pure-Lua loop or a blocking sleep (pcall cannot catch the termination).
import vm from "node:vm";

export class TimeoutError extends Error {
  readonly seconds: number;
  constructor(seconds: number) {
    super(`execution timed out after ${seconds}s`);
    this.seconds = seconds;
  }
}

const runner = new vm.Script("globalThis.$assayWatchdogBody()", { filename: "assay:watchdog" });

/** Runs fn; if it has not returned after `seconds`, it is terminated and TimeoutError thrown. */
export function runWithTimeout<T>(fn: () => T, seconds: number): T {
  const g = globalThis as unknown as { $assayWatchdogBody?: () => T };
  g.$assayWatchdogBody = fn;
  try {
    return runner.runInThisContext({ timeout: Math.max(1, Math.round(seconds * 1000)), breakOnSigint: false }) as T;
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw new TimeoutError(seconds);
    throw e;
  } finally {
    delete g.$assayWatchdogBody;
  }
}
