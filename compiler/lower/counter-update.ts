// Counting updates on a local table with a local or constant key, one of the most frequent
// lines in scripts (histograms, tallies, grouping):
//   t[k] = (t[k] or 0) + 1   →  $bump(t, k, 1, 0, "local 't'")
//   t.n = t.n + 2            →  $bump(t, "n", 2, undefined, "local 't'", "field 'n'")
// runtime/ops.ts bump() updates a plain table's slot in place (one table check instead of a read's
// and a store's) and otherwise does exactly what the statement says: index (with __index), `or`,
// add, setindex (with __newindex). Reading the local table and key twice has no effect in Lua, so
// evaluating them once is the same.
import * as t from "../ast.ts";
import type * as L from "luaparse";
import type { Context } from "../context.ts";
import { describe, stringValue } from "./expressions.ts";
import { numeralText, parseNumeral } from "./literals.ts";

/** A small integer numeral's value, else undefined. */
function smallInt(ctx: Context, e: L.Expression): number | undefined {
  if (e.type !== "NumericLiteral") return undefined;
  const n = parseNumeral(numeralText(ctx, e));
  if (!("int" in n) || n.int < -(2n ** 31n) || n.int >= 2n ** 31n) return undefined;
  return Number(n.int);
}

type Access = { base: string; key: { local: string } | { str: string } };

/** `t[k]` or `t.name` on a plain local (not a float local), with a local or string-literal key. */
function access(ctx: Context, e: L.Expression): Access | undefined {
  if (e.type !== "IndexExpression" && e.type !== "MemberExpression") return undefined;
  if (e.base.type !== "Identifier") return undefined;
  const b = ctx.resolve(e.base.name);
  if (b === undefined || b.float || b.constant !== undefined) return undefined;
  if (e.type === "MemberExpression") return e.indexer === "." ? { base: e.base.name, key: { str: e.identifier.name } } : undefined;
  if (e.index.type === "StringLiteral") return { base: e.base.name, key: { str: stringValue(e.index, ctx) } };
  if (e.index.type !== "Identifier") return undefined;
  const k = ctx.resolve(e.index.name);
  if (k === undefined || k.float || k.constant !== undefined) return undefined;
  return { base: e.base.name, key: { local: e.index.name } };
}

function same(a: Access, b: Access): boolean {
  if (a.base !== b.base) return false;
  if ("local" in a.key) return "local" in b.key && a.key.local === b.key.local;
  return "str" in b.key && a.key.str === b.key.str;
}

/** The $bump call for `t[k] = (t[k] or init) + n` / `t[k] = t[k] + n` in plain code, else undefined. */
export function counterUpdate(ctx: Context, s: L.AssignmentStatement): t.Statement | undefined {
  if (ctx.fn.generator || s.variables.length !== 1 || s.init.length !== 1) return undefined;
  const target = access(ctx, s.variables[0] as L.Expression);
  const value = s.init[0];
  if (target === undefined || value.type !== "BinaryExpression" || value.operator !== "+") return undefined;
  const n = smallInt(ctx, value.right);
  if (n === undefined) return undefined;
  let init: number | undefined;
  let read: L.Expression = value.left;
  if (read.type === "LogicalExpression" && read.operator === "or") {
    init = smallInt(ctx, read.right);
    if (init === undefined) return undefined;
    read = read.left;
  }
  const r = access(ctx, read);
  if (r === undefined || !same(target, r)) return undefined;
  const tb = ctx.resolve(target.base)!;
  const key = "local" in target.key ? t.identifier(ctx.resolve(target.key.local)!.js) : t.stringLiteral(target.key.str);
  const dt = describe(ctx, (s.variables[0] as L.IndexExpression | L.MemberExpression).base);
  const dv = describe(ctx, value.left);
  const args: t.Expression[] = [t.identifier(tb.js), key, num(n), init === undefined ? t.identifier("undefined") : num(init),
    dt === undefined ? t.identifier("undefined") : t.stringLiteral(dt)];
  if (dv !== undefined) args.push(t.stringLiteral(dv));
  return t.expressionStatement(t.callExpression(ctx.rt("bump"), args));
}

function num(v: number): t.Expression {
  return v < 0 ? t.unaryExpression("-", t.numericLiteral(-v)) : t.numericLiteral(v);
}
