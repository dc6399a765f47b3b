// Log lines on stderr in the original's format: "<RFC3339 µs> <LEVEL> <message>[ key=value…]".
import { writeErr } from "./stdout.ts";

const COLORS: Record<string, string> = { ERROR: "\x1b[31m", WARN: "\x1b[33m", INFO: "\x1b[32m", DEBUG: "\x1b[34m", TRACE: "\x1b[35m" };

function timestamp(): string {
  const now = new Date();
  const micro = String(Math.floor((performance.timeOrigin * 1000 + performance.now() * 1000) % 1000)).padStart(3, "0");
  return now.toISOString().replace(/Z$/, micro + "Z");
}

/** Writes one log line; `fields` values that are strings are double-quoted. */
export function logLine(level: "ERROR" | "WARN" | "INFO" | "DEBUG" | "TRACE", message: string,
  fields: Record<string, string | number> = {}): void {
  const color = !process.env.NO_COLOR;
  const lvl = level.padStart(5);
  let line = color ? `\x1b[2m${timestamp()}\x1b[0m ${COLORS[level]}${lvl}\x1b[0m ${message}` : `${timestamp()} ${lvl} ${message}`;
  for (const [k, v] of Object.entries(fields)) {
    const val = typeof v === "string" ? JSON.stringify(v) : String(v);
    line += color ? ` \x1b[3m${k}\x1b[0m=${val}` : ` ${k}=${val}`;
  }
  writeErr(line + "\n");
}
