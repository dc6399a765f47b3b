// Chains of 64-bit integer operations (LCGs, FNV-style hashes, xorshifts) computed as one bigint
// expression with a single wrap-around:
//   seed * 6364136223846793005 + 1442695040888963407
//   →  $isInt(seed) ? $norm(BigInt.asIntN(64, $big(seed) * 6364136223846793005n + 1442695040888963407n))
//                   : <the operator helpers, as for any expression>
// +, -, *, &, |, ~, << by a constant and unary - and ~ are ring operations modulo 2^64, so
// wrapping once at the end gives what wrapping after every step gives, and the intermediate
// results need no bigint of their own (each costs an allocation; V8 computes the whole
// expression in machine int64). Only chains whose operands are locals and integer numerals
// qualify: reading them again in the fallback has no effect, so the fallback is the ordinary
// code. The fused path runs only when every local holds an integer and some operand is a
// bigint (values past 2^53): plain numbers keep the helpers' double fast paths.
import * as t from "../ast.ts";
import type * as L from "luaparse";
import type { Context } from "../context.ts";
import { numeralText, parseNumeral } from "./literals.ts";

const FUSED = new Set(["+", "-", "*", "&", "|", "~", "<<"]);
const TWO32 = 2n ** 32n;

interface Chain {
  ops: number;
  /** an operand that makes the chain worth fusing: a numeral past 2^32 or a left shift */
  wide: boolean;
  bigLiteral: boolean;
  locals: Set<string>;
}

/** Whether e is a fusable chain; fills in what it holds. */
function scan(ctx: Context, e: L.Expression, c: Chain): boolean {
  switch (e.type) {
    case "NumericLiteral": {
      const n = parseNumeral(numeralText(ctx, e));
      if (!("int" in n)) return false;
      const mag = n.int < 0n ? -n.int : n.int;
      if (mag >= TWO32) c.wide = true;
      if (mag > BigInt(Number.MAX_SAFE_INTEGER)) c.bigLiteral = true;
      return true;
    }
    case "Identifier": {
      const b = ctx.resolve(e.name);
      if (b === undefined || b.float) return false;
      c.locals.add(b.js);
      return true;
    }
    case "UnaryExpression":
      if (e.operator !== "-" && e.operator !== "~") return false;
      c.ops++;
      return scan(ctx, e.argument, c);
    case "BinaryExpression": {
      const op = e.operator as string;
      if (!FUSED.has(op)) return false;
      if (op === "<<") {
        // a shift by a constant 0..63 is a multiplication by 2^k modulo 2^64
        if (e.right.type !== "NumericLiteral") return false;
        const k = parseNumeral(numeralText(ctx, e.right));
        if (!("int" in k) || k.int < 0n || k.int > 63n) return false;
        c.wide = true;
      }
      c.ops++;
      return scan(ctx, e.left, c) && scan(ctx, e.right, c);
    }
    default:
      return false;
  }
}

/** The chain as one bigint expression (before the final wrap). */
function bigExpr(ctx: Context, e: L.Expression): t.Expression {
  switch (e.type) {
    case "NumericLiteral": {
      const n = parseNumeral(numeralText(ctx, e)) as { int: bigint };
      return n.int < 0n ? t.unaryExpression("-", t.bigIntLiteral(-n.int)) : t.bigIntLiteral(n.int);
    }
    case "Identifier":
      return t.callExpression(ctx.rt("big"), [t.identifier(ctx.resolve(e.name)!.js)]);
    case "UnaryExpression":
      return t.unaryExpression(e.operator as "-" | "~", bigExpr(ctx, e.argument));
    case "BinaryExpression": {
      const op = e.operator === "~" ? "^" : (e.operator as "+" | "-" | "*" | "&" | "|" | "<<");
      return t.binaryExpression(op, bigExpr(ctx, e.left), bigExpr(ctx, e.right));
    }
    default:
      throw new Error(`int64 chain: unexpected ${e.type}`);
  }
}

/**
 * The fused form of a binary expression that is a 64-bit chain, around `fallback` (the
 * expression's ordinary code); undefined when e does not qualify.
 */
export function int64Chain(ctx: Context, e: L.BinaryExpression, fallback: () => t.Expression): t.Expression | undefined {
  const c: Chain = { ops: 0, wide: false, bigLiteral: false, locals: new Set() };
  if (!scan(ctx, e, c) || c.ops < 2 || !c.wide || c.locals.size === 0) return undefined;
  const ids = [...c.locals].map((js) => t.identifier(js));
  const isInt = (id: t.Identifier): t.Expression => t.logicalExpression("||",
    t.binaryExpression("===", t.unaryExpression("typeof", id), t.stringLiteral("bigint")),
    t.callExpression(t.memberExpression(t.identifier("Number"), t.identifier("isInteger")), [id]));
  let guard = ids.map(isInt).reduce((a, b) => t.logicalExpression("&&", a, b));
  if (!c.bigLiteral) {
    // with only safe numerals, fuse when some local already holds a bigint
    const anyBig = ids.map((id): t.Expression => t.binaryExpression("===", t.unaryExpression("typeof", id), t.stringLiteral("bigint")))
      .reduce((a, b) => t.logicalExpression("||", a, b));
    guard = t.logicalExpression("&&", anyBig, guard);
  }
  const wrapped = t.callExpression(t.memberExpression(t.identifier("BigInt"), t.identifier("asIntN")), [t.numericLiteral(64), bigExpr(ctx, e)]);
  return t.conditionalExpression(guard, t.callExpression(ctx.rt("norm"), [wrapped]), fallback());
}
