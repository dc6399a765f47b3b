import { GREATEST_LOWER_BOUND, TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";

// Lua errors: the LuaError carrier, "chunk:line:" positions and tracebacks from JS stacks.
//
// Compiled chunks keep their Lua line numbers where they can (the compiler emits with
// retainLines); generator twins cannot, so frames are mapped through the chunk's source map. chunkNames maps a JS file name to the
// Lua chunk name ("script.lua", "=stdin", "@assay/k8s.lua" shown as "assay/k8s.lua").

export const chunkNames = new Map<string, string>();

/** Names the Lua chunk that a JS file (as stack frames show it) holds: an ES module chunk's URL. */
export function registerChunk(file: string, chunk: string): void {
  chunkNames.set(file, chunk);
}

/** Source maps of chunks whose JS lines differ from Lua lines (generator twins), by file name. */
const chunkMaps = new Map<string, unknown>();
/** Makers of maps not produced at compile time (the compiler is deterministic: same code). */
const mapMakers = new Map<string, () => unknown>();
const traceMaps = new Map<string, TraceMap>();

export function registerChunkMap(file: string, map: unknown): void {
  if (typeof map === "function") mapMakers.set(file, map as () => unknown);
  else chunkMaps.set(file, map);
}

/** The Lua line of a JS position in a compiled chunk (1-based line and column, as V8 gives). */
function luaLine(file: string, line: number, column: number, fn: string): number {
  // plain functions print on their Lua lines; generator twins (named …$g) and the plain
  // functions defined inside them (…$i) do not, and need the map
  if (!fn.endsWith("$g") && !fn.endsWith("$i")) return line;
  let raw = chunkMaps.get(file);
  if (raw === undefined && mapMakers.has(file)) {
    try {
      raw = mapMakers.get(file)!();
      chunkMaps.set(file, raw);
    } catch {
      // no compiler here: keep the JS line
    }
    mapMakers.delete(file);
  }
  if (raw === undefined) return line;
  let tm = traceMaps.get(file);
  if (tm === undefined) {
    tm = new TraceMap(raw as ConstructorParameters<typeof TraceMap>[0]);
    traceMaps.set(file, tm);
  }
  const pos = originalPositionFor(tm, { line, column: Math.max(0, column - 1), bias: GREATEST_LOWER_BOUND });
  return pos.line ?? line;
}

Error.stackTraceLimit = 64;

/**
 * Whether an error raised now may need its traceback: false while the innermost protected call
 * of the running thread is a plain pcall, which drops it. Capturing and formatting a JS stack
 * costs ~4-20 µs (lua5.4 raises in ~0.2 µs), so errors caught by pcall skip it: pcall sets this
 * false, xpcall (whose handler may call debug.traceback) and every coroutine resume true, each
 * restoring the previous value when it returns.
 */
export const traces = { wanted: true };

export class LuaError extends Error {
  /** The Lua value raised (a string already carries its position). */
  value: unknown;
  /** Lua traceback captured where the error was raised (filled lazily for the top level). */
  luaTrace: LuaFrame[] | undefined;
  constructor(value: unknown, trace?: LuaFrame[]) {
    const wanted = traces.wanted;
    const limit = Error.stackTraceLimit;
    if (!wanted) Error.stackTraceLimit = 0; // nobody will read this error's stack
    super(typeof value === "string" ? value : "(error object)");
    Error.stackTraceLimit = limit;
    this.value = value;
    this.luaTrace = wanted ? trace : undefined;
  }
}

export interface LuaFrame {
  chunk: string;
  line: number;
  fn: string;
  /** a builtin (a "C function" to Lua): it counts as a level but has no position */
  builtin?: boolean;
}

/** JS names of builtin library functions, so their frames count as Lua levels. */
export const builtinNames = new Set<string>();

/**
 * Marks a function made at run time (gmatch's iterator, coroutine.wrap's function) as a builtin
 * by the name it really has: a bundler may rename function expressions that share a name.
 */
export function asBuiltin<T extends Function>(f: T): T {
  builtinNames.add(f.name);
  return f;
}

const FRAME = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/;

/** The Lua-visible frames (compiled chunks and builtins) of a JS stack, innermost first. */
export function luaFramesOf(stack: string | undefined): LuaFrame[] {
  const out: LuaFrame[] = [];
  if (!stack) return out;
  for (const line of stack.split("\n")) {
    const m = FRAME.exec(line);
    if (!m) continue;
    const chunk = chunkNames.get(m[2]);
    const fn = m[1] ?? "";
    if (chunk !== undefined) out.push({ chunk, line: luaLine(m[2], Number(m[3]), Number(m[4]), fn), fn });
    else if (builtinNames.has(fn)) out.push({ chunk: "[C]", line: 0, fn, builtin: true });
  }
  return out;
}

/** Lua-visible frames of the current JS stack, innermost first. */
export function currentLuaFrames(): LuaFrame[] {
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, currentLuaFrames);
  return luaFramesOf(holder.stack);
}

/**
 * Lua-visible frames enough for the position of level `need` (see where). When no traceback
 * can be needed (traces.wanted false) only the innermost JS frames are captured and formatted,
 * and the whole stack only if those hold too few Lua levels.
 */
export function positionFrames(need = 1): LuaFrame[] {
  if (traces.wanted) {
    const holder: { stack?: string } = {};
    Error.captureStackTrace(holder, positionFrames);
    return luaFramesOf(holder.stack);
  }
  const limit = Error.stackTraceLimit;
  const small = 8 + 4 * need;
  Error.stackTraceLimit = small;
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, positionFrames);
  Error.stackTraceLimit = limit;
  const frames = luaFramesOf(holder.stack);
  if (frames.length > need) return frames;
  let n = 0;
  for (let i = (holder.stack ?? "").indexOf("\n"); i >= 0; i = holder.stack!.indexOf("\n", i + 1)) n++;
  if (n < small) return frames; // the whole stack was there
  Error.captureStackTrace(holder, positionFrames);
  return luaFramesOf(holder.stack);
}

/**
 * luaL_where: "chunk:line: " for a level, or "" when that level is a builtin. Level 1 is the
 * running Lua function, or the caller of the running builtin when the innermost frame is one.
 */
export function where(level: number, frames = currentLuaFrames()): string {
  const base = frames.length > 0 && frames[0].builtin ? 1 : 0;
  const f = frames[base + level - 1];
  return f && !f.builtin ? `${f.chunk}:${f.line}: ` : "";
}

/** Raises a runtime error whose message gets the position of the running Lua code. */
export function rterror(msg: string, level = 1): never {
  const frames = positionFrames(level);
  throw new LuaError(where(level, frames) + msg, frames);
}

/** Turns anything caught from JS into a LuaError (stack overflow, internal faults). */
export function toLuaError(e: unknown): LuaError {
  if (e instanceof LuaError) return e;
  if (e instanceof RangeError && /call stack/.test(e.message)) {
    const frames = luaFramesOf(e.stack);
    // lua5.4 says "C stack overflow" when the recursion passes through metamethods or
    // builtins (each one a C call to it), "stack overflow" for Lua calling Lua
    const c = frames.some((f) => f.builtin) || /\n\s*at metaCall \(/.test(e.stack ?? "");
    return new LuaError(where(1, frames) + (c ? "C stack overflow" : "stack overflow"), frames);
  }
  if (e instanceof Error) {
    const frames = luaFramesOf(e.stack);
    return new LuaError(where(1, frames) + (e.message || String(e)), frames);
  }
  return new LuaError(e);
}

/** Demangles a compiled function name back to its Lua spelling. */
export function luaFunctionName(js: string): string {
  const name = js.replace(/^(?:async |new )/, "").split(".").pop() ?? "";
  if (name === "" || name.startsWith("$") || name === "<anonymous>") return "";
  return name.replace(/\$[fgi]$/, "").replace(/\$\d*$/, "").replace(/\$/g, "");
}

/**
 * How a traceback shows a builtin: as lua5.4 does, by the name it has in the global tables
 * ('string.rep', 'tostring'), which runtime/lib/register.ts finds; else by its JS name.
 */
export const builtinDisplay: { name: ((jsName: string) => string | undefined) | undefined } = { name: undefined };

/** Lua-style "stack traceback:" text for frames. */
export function formatTraceback(frames: LuaFrame[]): string {
  const lines = ["stack traceback:"];
  if (frames.length > 22) {
    // like luaL_traceback: the first 10 levels, a gap, the last 11
    const skipped = frames.length - 21;
    const head = formatTraceback(frames.slice(0, 10)).split("\n").slice(1, -1);
    const tail = formatTraceback(frames.slice(-11)).split("\n").slice(1, -1);
    return [lines[0], ...head, `\t...\t(skipping ${skipped} levels)`, ...tail, "\t[C]: in ?"].join("\n");
  }
  for (const f of frames) {
    if (f.builtin) {
      lines.push(`\t[C]: in function '${builtinDisplay.name?.(f.fn) ?? f.fn}'`);
      continue;
    }
    const name = luaFunctionName(f.fn);
    const what = f.fn.endsWith("$chunk") ? "in main chunk"
      : name ? `in function '${name}'` : `in function <${f.chunk}>`;
    lines.push(`\t${f.chunk}:${f.line}: ${what}`);
  }
  lines.push("\t[C]: in ?");
  return lines.join("\n");
}
