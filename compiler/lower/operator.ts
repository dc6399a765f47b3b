// Operator helper calls. Plain code:  $add(a, b, d…)
// Generator twins, where a Lua metamethod may yield (see runtime/defer.ts):
//   (($r = $dx($add, a, b, d…)) === $SUSPEND ? yield* $mm() : $r)
import * as t from "@babel/types";
import type { Context } from "../context.ts";

export function operator(ctx: Context, helper: string, args: t.Expression[]): t.Expression {
  if (!ctx.fn.generator) return t.callExpression(ctx.rt(helper), args);
  const r = ctx.temp();
  return t.conditionalExpression(
    t.binaryExpression("===", t.assignmentExpression("=", r, t.callExpression(ctx.rt("dx"), [ctx.rt(helper), ...args])), ctx.rt("SUSPEND")),
    t.yieldExpression(t.callExpression(ctx.rt("mm"), []), true),
    r,
  );
}
