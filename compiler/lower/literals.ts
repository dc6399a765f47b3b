// Numeric literals: Lua integer vs float by spelling, exact 64-bit integers, hex wrap-around.
import * as t from "../ast.ts";
import type * as L from "luaparse";
import type { Context } from "../context.ts";

const MAX_SAFE = 9007199254740991n;

const MAX_INT64 = 2n ** 63n - 1n;
type Numeral = { int: bigint } | { float: number };
/** parsed numerals by spelling: the lowering asks about the same literal several times */
const numerals = new Map<string, Numeral>();

/** Parses a Lua numeral into an integer (bigint) or a float (number). */
export function parseNumeral(raw: string): Numeral {
  let n = numerals.get(raw);
  if (n === undefined) {
    n = parseUncached(raw);
    if (numerals.size > 10000) numerals.clear();
    numerals.set(raw, n);
  }
  return n;
}

function parseUncached(raw: string): Numeral {
  const hex = /^0[xX]/.test(raw);
  if (hex) {
    if (!/[.pP]/.test(raw)) {
      return { int: BigInt.asIntN(64, BigInt(raw)) }; // hex integers wrap around
    }
    const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([-+]?\d+))?$/.exec(raw)!;
    let v = 0;
    for (const c of m[1]) v = v * 16 + parseInt(c, 16);
    let scale = 1 / 16;
    for (const c of m[2] ?? "") {
      v += parseInt(c, 16) * scale;
      scale /= 16;
    }
    if (m[3]) v *= Math.pow(2, Number(m[3]));
    return { float: v };
  }
  if (/[.eE]/.test(raw)) return { float: Number(raw) };
  const b = BigInt(raw);
  if (b > MAX_INT64) return { float: Number(raw) }; // decimal overflow reads as float
  return { int: b };
}

/** A numeral's text from the original source (parse.ts may have rewritten `0x.8` for luaparse). */
export function numeralText(ctx: Context, lit: L.NumericLiteral): string {
  const [a, b] = (lit as unknown as { range: [number, number] }).range;
  return ctx.source.slice(a, b);
}

export function numericLiteral(ctx: Context, lit: L.NumericLiteral): t.Expression {
  const n = parseNumeral(numeralText(ctx, lit));
  if ("int" in n) {
    const b = n.int;
    if (b >= 0n && b <= MAX_SAFE) return t.numericLiteral(Number(b));
    if (b < 0n && b >= -MAX_SAFE) return t.unaryExpression("-", t.numericLiteral(Number(-b)));
    return b < 0n ? t.unaryExpression("-", t.bigIntLiteral(-b)) : t.bigIntLiteral(b);
  }
  const v = n.float;
  if (v === Infinity) return ctx.constant("inf", () => t.identifier("Infinity"));
  if (!Number.isInteger(v)) return t.numericLiteral(v);
  return ctx.constant(`f${v}`, () => t.newExpression(ctx.rt("LuaFloat"), [t.numericLiteral(v)]));
}
