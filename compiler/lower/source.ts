// Source positions: copying Lua locations onto JS nodes, ranges, and detecting parentheses
// (luaparse drops them, but `(f())` must truncate to one value).
import type * as t from "../ast.ts";
import type * as L from "luaparse";
import type { Context } from "../context.ts";

/**
 * Gives a JS node the Lua node's location, so the printer keeps it on the Lua line. The Lua
 * location object is shared, not copied (the printer reads start.line and start.column only).
 */
export function at<T extends t.Node>(js: T, lua: L.Node | undefined): T {
  if (lua?.loc && !js.loc) js.loc = lua.loc as unknown as t.SourceLocation;
  return js;
}

/** Places a JS node on a given Lua line (when known). */
export function atLine<T extends t.Node>(js: T, line: number | undefined): T {
  if (line === undefined) return js;
  return at(js, { type: "Chunk", loc: { start: { line, column: 0 }, end: { line, column: 0 } } } as unknown as L.Node);
}

export function rangeOf(n: L.Node): [number, number] {
  return (n as unknown as { range: [number, number] }).range;
}

export function lineOf(n: L.Node): number {
  return n.loc?.start.line ?? 0;
}

/** Source text with comments and whitespace removed (for the short gaps between tokens). */
function stripGap(s: string): string {
  return s
    .replace(/--\[(=*)\[[\s\S]*?\]\1\]/g, "")
    .replace(/--[^\n]*/g, "")
    .replace(/\s+/g, "");
}

/**
 * Whether e is wrapped in parentheses: counts '(' after the last ')' in the gap between the
 * previous token (offset prevEnd) and e, minus the ones that belong to the syntax there.
 */
export function isParenthesized(ctx: Context, prevEnd: number, e: L.Node, expected: number): boolean {
  let gap = stripGap(ctx.source.slice(prevEnd, rangeOf(e)[0]));
  const close = gap.lastIndexOf(")");
  if (close >= 0) gap = gap.slice(close + 1);
  let opens = 0;
  for (const c of gap) if (c === "(") opens++;
  return opens > expected;
}
