// Arithmetic on float locals (see floats.ts) as plain JS double operations:
//   local zr, zi = 0.0, 0.0 … zr, zi = zr*zr - zi*zi + cr, 2.0*zr*zi + ci
//   →  zr = zr * zr - zi * zi + cr (raw doubles); boxed with $mkfloat only where a value leaves
import * as t from "../ast.ts";
import type * as L from "luaparse";
import type { Context } from "../context.ts";
import { isFloatExpr } from "../floats.ts";
import { parseNumeral, numeralText } from "./literals.ts";
import { at } from "./source.ts";

export function floatExpr(ctx: Context, e: L.Expression): boolean {
  return ctx.floats !== undefined && isFloatExpr(ctx.floats, e);
}

function num(v: number): t.Expression {
  if (Number.isNaN(v)) return t.identifier("NaN");
  if (v === Infinity) return t.identifier("Infinity");
  if (v < 0 || Object.is(v, -0)) return t.unaryExpression("-", num(-v));
  return t.numericLiteral(v);
}

/**
 * The value of a numeric expression as a raw JS double. Only called on float expressions and
 * their numeric operands (literals, float locals, numeric constants, for-loop variables).
 */
export function lowerFloat(ctx: Context, e: L.Expression, lowerExpr: (c: Context, x: L.Expression) => t.Expression): t.Expression {
  switch (e.type) {
    case "NumericLiteral": {
      const n = parseNumeral(numeralText(ctx, e));
      return at(num("float" in n ? n.float : Number(n.int)), e);
    }
    case "Identifier": {
      const b = ctx.resolve(e.name);
      if (b?.float) return at(t.identifier(b.js), e);
      return at(t.callExpression(ctx.rt("dbl"), [lowerExpr(ctx, e)]), e);
    }
    case "UnaryExpression":
      // integer negation differs (-0 is integer 0): only a float operand is negated raw
      if (!floatExpr(ctx, e.argument)) return at(t.callExpression(ctx.rt("dbl"), [lowerExpr(ctx, e)]), e);
      return at(t.unaryExpression("-", lowerFloat(ctx, e.argument, lowerExpr)), e);
    case "BinaryExpression":
      // x - 0 is x + 0 in lua5.4 (compiled as ADDI with the negated constant), so -0.0 - 0 is 0.0
      if (e.operator === "-" && isIntegerZero(ctx, e.right)) {
        return at(t.binaryExpression("+", lowerFloat(ctx, e.left, lowerExpr), t.numericLiteral(0)), e);
      }
      return at(t.binaryExpression(e.operator as "+" | "-" | "*" | "/",
        lowerFloat(ctx, e.left, lowerExpr), lowerFloat(ctx, e.right, lowerExpr)), e);
    default:
      return t.callExpression(ctx.rt("dbl"), [lowerExpr(ctx, e)]);
  }
}

/** An integer numeral 0 (`0`, `0x0`, `00`): `x - 0` is computed as `x + 0` by lua5.4. */
export function isIntegerZero(ctx: Context, e: L.Expression): boolean {
  if (e.type !== "NumericLiteral") return false;
  const n = parseNumeral(numeralText(ctx, e));
  return "int" in n && n.int === 0n;
}
