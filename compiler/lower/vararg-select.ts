// select("#", ...) and select(i, ...) in plain code, where one value is wanted: Lua's idiom for
// walking varargs. When the callee is, at run time, the builtin select (the helper $select),
// the count is $va.length and the i-th value $va[i - 1] (for an integer i >= 1), without
// spreading the varargs into a call and slicing them into a result array; anything else (another
// function, a negative or non-integer index, errors) makes the ordinary call:
//   ($f = select, $i = i, $f === $select && typeof $i === "number" && $i >= 1 && Number.isInteger($i)
//     ? $va[$i - 1] : $first($call($f, "global 'select'")($i, ...$va)))
// A loop summing its varargs with select ran ~2× faster.
import * as t from "../ast.ts";
import type * as L from "luaparse";
import type { Context } from "../context.ts";
import { invoke } from "./invoke.ts";
import { isParenthesized, rangeOf } from "./source.ts";

type Arg = t.Expression | t.SpreadElement;

/**
 * The fast form of a select call, or undefined when c is not `select(x, ...)` with the
 * varargs last (not parenthesized) in plain code. `lowerCallee` and `lowerArgs` are the
 * ordinary lowerings (passed in to keep this module out of expressions.ts's import cycle).
 */
export function varargSelect(
  ctx: Context, c: L.CallExpression, lowerCallee: () => t.Expression, lowerArgs: () => Arg[], desc: string | undefined,
): t.Expression | undefined {
  if (ctx.fn.generator || c.base.type !== "Identifier" || c.base.name !== "select" || c.arguments.length !== 2) return undefined;
  const [first, second] = c.arguments;
  if (second.type !== "VarargLiteral" || isParenthesized(ctx, rangeOf(first)[1], second, 0)) return undefined;
  if (ctx.resolve("select")?.luaFunction) return undefined; // a local function: called directly
  const callee = lowerCallee();
  const args = lowerArgs();
  const va = args[1];
  if (!t.isSpreadElement(va) || t.isSpreadElement(args[0])) throw new Error("varargSelect: unexpected argument lowering");
  const f = ctx.temp();
  const isSelect = t.binaryExpression("===", f, ctx.rt("select"));
  const slow = (index: t.Expression) => t.callExpression(ctx.rt("first"), [invoke(ctx, f, desc, [index, va])]);
  const index = args[0];
  if (t.isStringLiteral(index) && index.value === "#") {
    return t.sequenceExpression([
      t.assignmentExpression("=", f, callee),
      t.conditionalExpression(isSelect, t.memberExpression(t.identifier("$va"), t.identifier("length")), slow(index)),
    ]);
  }
  const i = ctx.temp();
  return t.sequenceExpression([
    t.assignmentExpression("=", f, callee),
    t.assignmentExpression("=", i, index),
    t.conditionalExpression(
      [
        t.binaryExpression("===", t.unaryExpression("typeof", i), t.stringLiteral("number")),
        t.binaryExpression(">=", i, t.numericLiteral(1)),
        t.callExpression(t.memberExpression(t.identifier("Number"), t.identifier("isInteger")), [i]),
      ].reduce((a, b) => t.logicalExpression("&&", a, b), isSelect as t.Expression),
      t.memberExpression(t.identifier("$va"), t.binaryExpression("-", i, t.numericLiteral(1)), true),
      slow(i),
    ),
  ]);
}
