// Operator helper calls. Plain code:  $add(a, b, d…)
// Generator twins, where a Lua metamethod may yield (see runtime/defer.ts):
//   (($r = $dx($add, a, b, d…)) === $SUSPEND ? yield* $mm() : $r)
import * as t from "../ast.ts";
import type { Context } from "../context.ts";

/** Helpers with a twin-code variant that handles the plain case itself (runtime/defer.ts). */
const VARIANTS = new Set(["index", "setindex", "add", "sub", "lt", "eq"]);

export function operator(ctx: Context, helper: string, args: t.Expression[]): t.Expression {
  if (!ctx.fn.generator) return t.callExpression(ctx.rt(helper), args);
  const r = ctx.temp();
  const call = VARIANTS.has(helper)
    ? t.callExpression(ctx.rt(helper + "T"), args)
    : t.callExpression(ctx.rt("dx"), [ctx.rt(helper), ...args]);
  return t.conditionalExpression(
    t.binaryExpression("===", t.assignmentExpression("=", r, call), ctx.rt("SUSPEND")),
    t.yieldExpression(t.callExpression(ctx.rt("mm"), []), true),
    r,
  );
}
