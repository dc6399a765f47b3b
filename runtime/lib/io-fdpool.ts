// Descriptor pressure: Lua closes unreachable files in its GC, but JS finalizers never run
// during a synchronous script, so `io.open(p):read("a")` in a loop would exhaust descriptors.
// When an open fails with EMFILE/ENFILE, the least recently used regular files give up their
// descriptors (after flushing) and reopen by path, at their own position, on next use.

export interface Releasable {
  /** flushes and closes the descriptor, keeping what is needed to reopen it */
  release(): void;
}

const lru = new Map<Releasable, true>();

/** Marks a reopenable file as just used (the most recent). */
export function touch(f: Releasable): void {
  lru.delete(f);
  lru.set(f, true);
}

export function forget(f: Releasable): void {
  lru.delete(f);
}

function outOfDescriptors(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === "EMFILE" || code === "ENFILE";
}

/** Releases up to n of the least recently used files; how many were released. */
function evict(n: number): number {
  let k = 0;
  for (const f of lru.keys()) {
    if (k >= n) break;
    lru.delete(f);
    try {
      f.release();
      k++;
    } catch {
      // a file that cannot be flushed keeps its descriptor
    }
  }
  return k;
}

/** Runs an action that needs descriptors, retrying once after freeing some if they ran out. */
export function withDescriptors<T>(action: () => T): T {
  try {
    return action();
  } catch (e) {
    if (!outOfDescriptors(e) || evict(Math.max(16, lru.size >> 1)) === 0) throw e;
    return action();
  }
}

/** For results that carry their error (spawnSync): retries once when descriptors ran out. */
export function retryOnPressure<T extends { error?: Error }>(action: () => T): T {
  const r = action();
  if (r.error !== undefined && outOfDescriptors(r.error) && evict(Math.max(16, lru.size >> 1)) > 0) return action();
  return r;
}
