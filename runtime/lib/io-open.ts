// Where file states come from: io.open's modes, the standard streams (stdout shares print's
// buffer), io.popen and os.execute through /bin/sh -c run synchronously, and io.tmpfile.
// Limit: a popen'd command runs whole at popen ("r", output kept in memory) or at close ("w"),
// so it cannot stream or interact with the script while it runs.
import { openSync, unlinkSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import type { SpawnSyncReturns } from "node:child_process";
import { childProcess, crypto } from "../node.ts";
import { join } from "node:path";
import { capture, flushOut, writeErr, writeOut } from "../stdout.ts";
import { fromBytes, toBytes, toJs } from "../value.ts";
import { retryOnPressure, touch, withDescriptors } from "./io-fdpool.ts";
import { FileState } from "./io-handle.ts";

/** l_checkmode: [rwa], an optional '+', then only 'b's. */
export function validMode(mode: string): boolean {
  return /^[rwa]\+?b*$/.test(mode);
}

/** fopen(name, mode); throws the fs error on failure. */
export function openFile(name: string, mode: string): FileState {
  const m = mode.replace(/b/g, "");
  const path = toBytes(name);
  const fd = withDescriptors(() => openSync(path, m, 0o666));
  const plus = m.includes("+");
  const st = new FileState(fd, m[0] === "r" || plus, m[0] !== "r" || plus, m[0] === "a");
  if (st.seekable) {
    st.path = path;
    st.reopenFlags = m[0] === "a" ? m : m === "r" ? "r" : "r+"; // reopening must not truncate
    touch(st);
  }
  return st;
}

let std: [FileState, FileState, FileState] | undefined;

/** The process's stdin, stdout and stderr (shared by every Lua state). */
export function stdStreams(): [FileState, FileState, FileState] {
  if (std !== undefined) return std;
  const stdin = new FileState(0, true, false, false, true);
  stdin.beforeRead = flushOut;
  const stdout = new FileState(-1, false, true, false, true);
  stdout.sink = writeOut;
  stdout.sinkFlush = flushOut;
  stdout.statFd = 1;
  const stderr = new FileState(-1, false, true, false, true);
  stderr.sink = writeErr;
  stderr.statFd = 2;
  for (const s of [stdin, stdout, stderr]) s.standard = true;
  std = [stdin, stdout, stderr];
  return std;
}

/** luaL_execresult for a finished child. */
export function execResult(r: SpawnSyncReturns<Buffer>): unknown[] {
  if (r.error !== undefined) throw r.error;
  if (r.signal !== null) return [undefined, "signal", (constants.signals as Record<string, number>)[r.signal] ?? 0];
  return r.status === 0 ? [true, "exit", 0] : [undefined, "exit", r.status ?? 0];
}

const MAXBUFFER = 1 << 30;

/**
 * popen(cmd, "r"): the command runs to completion now and its output is read from memory.
 * popen(cmd, "w"): what is written is collected and fed to the command when the file closes.
 */
export function popenFile(cmd: string, mode: string): FileState {
  const argv = ["-c", toJs(cmd)];
  if (mode === "r") {
    flushOut();
    const r = retryOnPressure(() =>
      childProcess().spawnSync("/bin/sh", argv, { stdio: ["inherit", "pipe", "inherit"], maxBuffer: MAXBUFFER }));
    if (r.error !== undefined && r.stdout == null) throw r.error;
    const st = new FileState(-1, true, false, false, true);
    st.rbuf = fromBytes(r.stdout);
    st.onClose = () => execResult(r);
    return st;
  }
  const input: string[] = [];
  const st = new FileState(-1, false, true, false, true);
  st.sink = (s) => input.push(s);
  st.onClose = () => {
    const data = toBytes(input.join(""));
    if (capture.sink !== undefined) {
      const r = childProcess().spawnSync("/bin/sh", argv, { input: data, stdio: ["pipe", "pipe", "inherit"], maxBuffer: MAXBUFFER });
      if (r.stdout != null) writeOut(fromBytes(r.stdout));
      return execResult(r);
    }
    flushOut();
    return execResult(childProcess().spawnSync("/bin/sh", argv, { input: data, stdio: ["pipe", "inherit", "inherit"] }));
  };
  return st;
}

/** system(cmd) for os.execute: the child shares stdout (captured output when tests capture it). */
export function runShell(cmd: string): unknown[] {
  const argv = ["-c", toJs(cmd)];
  if (capture.sink !== undefined) {
    const r = childProcess().spawnSync("/bin/sh", argv, { stdio: ["inherit", "pipe", "inherit"], maxBuffer: MAXBUFFER });
    if (r.stdout != null) writeOut(fromBytes(r.stdout));
    return execResult(r);
  }
  flushOut();
  return execResult(childProcess().spawnSync("/bin/sh", argv, { stdio: "inherit" }));
}

/** tmpfile(): a new file opened "w+" and already removed from its directory. */
export function tmpFile(): FileState {
  const name = join(tmpdir(), `lua_${crypto().randomBytes(8).toString("hex")}`);
  const fd = withDescriptors(() => openSync(name, "wx+", 0o600));
  unlinkSync(name);
  return new FileState(fd, true, true);
}
