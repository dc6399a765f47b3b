// Expressions: literals, names, operators, indexing, calls, functions and table constructors.
import * as t from "../ast.ts";
import type * as L from "luaparse";
import { CompileError, type Context } from "../context.ts";
import { lowerFunctionValue } from "./functions.ts";
import { invoke, invokeDirect } from "./invoke.ts";
import { varargSelect } from "./vararg-select.ts";
import { int64Chain } from "./int64-chain.ts";
import { operator } from "./operator.ts";
import { floatExpr, isIntegerZero, lowerFloat } from "./float-ops.ts";
import { decodeLuaString } from "./strings.ts";
import { numeralText, numericLiteral, parseNumeral } from "./literals.ts";
import { at, isParenthesized, rangeOf } from "./source.ts";
import { elementRead, fieldRead, methodRead } from "./table-access.ts";

/** Lua-side description of an operand for error messages, e.g. "local 'x'". */
export function describe(ctx: Context, e: L.Expression): string | undefined {
  switch (e.type) {
    case "Identifier": {
      const b = ctx.resolve(e.name);
      if (b === undefined) return `global '${e.name}'`;
      if (b.constant !== undefined) return b.constant.str === undefined ? undefined : `constant '${cName(b.constant.str)}'`;
      return b.fn === ctx.fn ? `local '${e.name}'` : `upvalue '${e.name}'`;
    }
    case "MemberExpression":
      return e.indexer === ":" ? `method '${e.identifier.name}'` : `field '${e.identifier.name}'`;
    case "IndexExpression":
      if (e.index.type === "StringLiteral") return `field '${cName(stringValue(e.index, ctx))}'`;
      // lua5.4 names only keys it encodes in the instruction: integer numerals 0..255 (GETI)
      if (e.index.type === "NumericLiteral") {
        const n = parseNumeral(numeralText(ctx, e.index));
        if ("int" in n && n.int >= 0n && n.int <= 255n) return "field 'integer index'";
      }
      return "field '?'";
    case "StringLiteral":
      return `constant '${cName(stringValue(e, ctx))}'`;
    case "LogicalExpression": {
      // lua5.4 drops a constant left operand that decides nothing (`"k" and x`, `2^53 and x`,
      // `nil or x`): the value is x itself, so an error names x
      const l = e.left;
      const truthy = l.type === "StringLiteral" || (l.type === "BooleanLiteral" && l.value) || foldedNumber(ctx, l) !== undefined;
      const falsy = l.type === "NilLiteral" || (l.type === "BooleanLiteral" && !l.value);
      if ((e.operator === "and" && truthy) || (e.operator === "or" && falsy)) return describe(ctx, e.right);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A name as lua5.4's messages print it: through C's %s, so up to its first "\0". */
function cName(s: string): string {
  const z = s.indexOf("\0");
  return z < 0 ? s : s.slice(0, z);
}

/**
 * What lua5.4 makes of a `<const>` local's initializer: a compile-time constant (nil, a
 * boolean, a string, a folded number, another such constant), with the string if it is one;
 * undefined when the local is a real variable.
 */
export function compileTimeConstant(ctx: Context, e: L.Expression): { str?: string } | undefined {
  switch (e.type) {
    case "NilLiteral": case "BooleanLiteral": return {};
    case "StringLiteral": return { str: stringValue(e, ctx) };
    case "Identifier": return ctx.resolve(e.name)?.constant;
    default: return foldedNumber(ctx, e) !== undefined ? {} : undefined;
  }
}

/**
 * The value of a numeric constant expression lua5.4 folds at compile time (numerals, and
 * arithmetic on them that gives neither NaN, a float zero nor a division by zero), else undefined.
 */
function foldedNumber(ctx: Context, e: L.Expression): number | undefined {
  if (e.type === "NumericLiteral") {
    const n = parseNumeral(numeralText(ctx, e));
    return "float" in n ? n.float : Number(n.int);
  }
  let r: number | undefined;
  if (e.type === "UnaryExpression" && e.operator === "-") {
    const a = foldedNumber(ctx, e.argument);
    r = a === undefined ? undefined : -a;
  } else if (e.type === "BinaryExpression" && ["+", "-", "*", "/", "^"].includes(e.operator as string)) {
    const a = foldedNumber(ctx, e.left), b = foldedNumber(ctx, e.right);
    if (a === undefined || b === undefined || (e.operator === "/" && b === 0)) return undefined;
    r = e.operator === "+" ? a + b : e.operator === "-" ? a - b : e.operator === "*" ? a * b : e.operator === "/" ? a / b : a ** b;
  }
  return r !== undefined && Number.isFinite(r) && r !== 0 ? r : undefined;
}

function descArg(ctx: Context, e: L.Expression): t.Expression {
  const d = describe(ctx, e);
  return d === undefined ? t.identifier("undefined") : t.stringLiteral(d);
}

/** Trailing description arguments, omitted when none is known. */
function descArgs(ctx: Context, ...es: L.Expression[]): t.Expression[] {
  const args = es.map((e) => descArg(ctx, e));
  while (args.length > 0 && t.isIdentifier(args[args.length - 1], { name: "undefined" })) args.pop();
  return args;
}

/** A string literal's bytes, decoded from the original source (see parse.ts on \u escapes). */
export function stringValue(s: L.StringLiteral, ctx?: Context): string {
  if (ctx !== undefined) {
    const [a, b] = rangeOf(s);
    return decodeLuaString(ctx.source.slice(a, b));
  }
  return decodeLuaString(s.raw);
}

/** A JS reference to the value of a Lua name (local binding or _ENV field). */
export function lowerName(ctx: Context, name: string, node: L.Node): t.Expression {
  const b = ctx.resolve(name);
  if (b?.float) return at(t.callExpression(ctx.rt("mkfloat"), [t.identifier(b.js)]), node); // a raw double
  if (b !== undefined) return at(t.identifier(b.js), node);
  if (name === "_ENV") return at(envRef(ctx), node);
  ctx.globals.add(name);
  return at(fieldRead(ctx, envRef(ctx), name, [t.stringLiteral(envDesc(ctx))]), node);
}

/** How _ENV is described when a global access fails on it: "upvalue '_ENV'" or "local '_ENV'". */
export function envDesc(ctx: Context): string {
  const b = ctx.resolve("_ENV");
  return b !== undefined && b.fn === ctx.fn ? "local '_ENV'" : "upvalue '_ENV'";
}

/** _ENV as seen from here: a local named _ENV, or the chunk's environment. */
export function envRef(ctx: Context): t.Expression {
  const b = ctx.resolve("_ENV");
  return b !== undefined ? t.identifier(b.js) : t.identifier("$env");
}

const ARITH: Record<string, string> = {
  "+": "add", "-": "sub", "*": "mul", "/": "div", "%": "mod", "^": "pow", "//": "idiv",
  "&": "band", "|": "bor", "~": "bxor", "<<": "shl", ">>": "shr", "..": "concat",
};
const COMPARE: Record<string, string> = { "<": "lt", "<=": "le", ">": "gt", ">=": "ge" };

/** One value of expression e. */
export function lowerExpr(ctx: Context, e: L.Expression): t.Expression {
  return at(lowerExprInner(ctx, e), errorSite(ctx, e));
}

/**
 * Where lua5.4 reports an error in e: the operator's line for binary operators and the
 * field's line for `a\n.b`, which differ from the expression's first line when it spans lines.
 */
function errorSite(ctx: Context, e: L.Expression): L.Node {
  let offset: number | undefined;
  if (e.type === "BinaryExpression") {
    const from = rangeOf(e.left)[1];
    const at = ctx.source.indexOf(e.operator as string, from);
    if (at >= 0 && at < rangeOf(e.right)[0]) offset = at;
  } else if (e.type === "MemberExpression") {
    offset = rangeOf(e.identifier)[0];
  } else if (e.type === "IndexExpression") {
    offset = rangeOf(e.index)[0];
  }
  if (offset === undefined || e.loc === undefined) return e;
  const p = ctx.position(offset);
  if (p.line === e.loc.start.line) return e;
  return { type: e.type, loc: { start: p, end: e.loc.end } } as L.Node;
}

function lowerExprInner(ctx: Context, e: L.Expression): t.Expression {
  switch (e.type) {
    case "NilLiteral":
      return t.identifier("undefined");
    case "BooleanLiteral":
      return t.booleanLiteral(e.value);
    case "NumericLiteral":
      return numericLiteral(ctx, e);
    case "StringLiteral":
      return t.stringLiteral(stringValue(e, ctx));
    case "VarargLiteral":
      checkVararg(ctx, e);
      return t.memberExpression(t.identifier("$va"), t.numericLiteral(0), true);
    case "Identifier":
      return lowerName(ctx, e.name, e);
    case "FunctionDeclaration":
      return lowerFunctionValue(ctx, e, undefined);
    case "TableConstructorExpression":
      return lowerTable(ctx, e);
    case "MemberExpression":
      return fieldRead(ctx, lowerExpr(ctx, e.base), e.identifier.name, descArgs(ctx, e.base));
    case "IndexExpression":
      if (e.index.type === "StringLiteral") return fieldRead(ctx, lowerExpr(ctx, e.base), stringValue(e.index, ctx), descArgs(ctx, e.base));
      return elementRead(ctx, lowerExpr(ctx, e.base), lowerExpr(ctx, e.index), descArgs(ctx, e.base));
    case "CallExpression": {
      const fast = varargSelect(ctx, e, () => lowerExpr(ctx, e.base),
        () => lowerList(ctx, e.arguments, rangeOf(e.base)[1], 1), describe(ctx, e.base));
      if (fast !== undefined) return at(fast, e);
      return t.callExpression(ctx.rt("first"), [lowerCall(ctx, e)]);
    }
    case "StringCallExpression":
    case "TableCallExpression":
      return t.callExpression(ctx.rt("first"), [lowerCall(ctx, e)]);
    case "UnaryExpression":
      return lowerUnary(ctx, e);
    case "BinaryExpression": {
      const op = e.operator as string;
      if ((op === "+" || op === "-" || op === "*" || op === "/") && floatExpr(ctx, e)) {
        return t.callExpression(ctx.rt("mkfloat"), [lowerFloat(ctx, e, lowerExpr)]);
      }
      if ((op in COMPARE || op === "==" || op === "~=") && floatExpr(ctx, e.left) && floatExpr(ctx, e.right)) {
        const js = op === "==" ? "===" : op === "~=" ? "!==" : (op as "<" | "<=" | ">" | ">=");
        return t.binaryExpression(js, lowerFloat(ctx, e.left, lowerExpr), lowerFloat(ctx, e.right, lowerExpr));
      }
      if (op === "==" || op === "~=") return lowerEquality(ctx, e);
      if (op in COMPARE) {
        const k = constantSides(ctx, e);
        if (k === 0) return operator(ctx, COMPARE[op], [lowerExpr(ctx, e.left), lowerExpr(ctx, e.right)]);
        return operator(ctx, COMPARE[op] + "K", [lowerOperand(ctx, e.left), lowerOperand(ctx, e.right), t.numericLiteral(k)]);
      }
      const special = lowerFloatConstantArith(ctx, e);
      if (special) return special;
      if (op === "-" && isIntegerZero(ctx, e.right)) {
        // lua5.4 compiles x - 0 as x + 0 (ADDI with the negated constant; a metamethod still
        // gets __sub and 0): for x = -0.0 the result is 0.0
        return operator(ctx, "subZero", [lowerExpr(ctx, e.left), ...descArgs(ctx, e.left)]);
      }
      const helper = ARITH[op];
      if (helper === undefined) throw new CompileError(e.loc?.start.line ?? 0, `unsupported operator '${op}'`);
      const plain = (): t.Expression => operator(ctx, helper, [
        lowerExpr(ctx, e.left), lowerExpr(ctx, e.right), ...descArgs(ctx, e.left, e.right),
      ]);
      return int64Chain(ctx, e, plain) ?? plain();
    }
    case "LogicalExpression":
      return lowerLogical(ctx, e);
    default:
      throw new CompileError(0, `unsupported expression ${(e as L.Node).type}`);
  }
}

/** An integral float literal's value (2.0, -1.0), or undefined. */
function integralFloatLiteral(ctx: Context, e: L.Expression): number | undefined {
  let neg = false;
  if (e.type === "UnaryExpression" && e.operator === "-") {
    neg = true;
    e = e.argument;
  }
  if (e.type !== "NumericLiteral") return undefined;
  const n = parseNumeral(numeralText(ctx, e));
  if (!("float" in n) || !Number.isInteger(n.float)) return undefined;
  return neg ? -n.float : n.float;
}

/** Which operands lowerOperand passes as plain numbers (integral float constants): 1 left, 2 right, 3 both. */
function constantSides(ctx: Context, e: L.BinaryExpression): number {
  const raw = (x: L.Expression): boolean => {
    const v = integralFloatLiteral(ctx, x);
    return v !== undefined && !Object.is(v, -0);
  };
  return (raw(e.left) ? 1 : 0) | (raw(e.right) ? 2 : 0);
}

/**
 * An operand where only the numeric value matters (comparisons, / and ^): an integral float
 * literal is passed as a plain JS number instead of a boxed LuaFloat, keeping the fast path.
 */
function lowerOperand(ctx: Context, e: L.Expression): t.Expression {
  const v = integralFloatLiteral(ctx, e);
  if (v !== undefined && !Object.is(v, -0)) return at(v < 0 ? t.unaryExpression("-", t.numericLiteral(-v)) : t.numericLiteral(v), e);
  return lowerExpr(ctx, e);
}

const FLOAT_K: Record<string, string> = { "+": "addF", "-": "subF", "*": "mulF", "%": "modF", "//": "idivF" };

/**
 * x OP 2.0: the result is a float whatever x is, so `$mulF(x, 2)` computes in doubles without
 * unboxing the constant. For + and *, a constant on the left uses $addFL / $mulFL (operands kept in order).
 */
function lowerFloatConstantArith(ctx: Context, e: L.BinaryExpression): t.Expression | undefined {
  const op = e.operator as string;
  if (op === "/" || op === "^") {
    const k = constantSides(ctx, e);
    if (k === 0) return undefined;
    return operator(ctx, ARITH[op] + "K", [lowerOperand(ctx, e.left), lowerOperand(ctx, e.right), t.numericLiteral(k), ...descArgs(ctx, e.left, e.right)]);
  }
  const helper = FLOAT_K[op];
  if (helper === undefined) return undefined;
  const r = integralFloatLiteral(ctx, e.right);
  if (r !== undefined && !Object.is(r, -0)) {
    return operator(ctx, helper, [lowerExpr(ctx, e.left), lowerOperand(ctx, e.right), ...descArgs(ctx, e.left)]);
  }
  const l = integralFloatLiteral(ctx, e.left);
  if (l !== undefined && !Object.is(l, -0) && (op === "+" || op === "*")) {
    // the constant stays first: a metamethod or error must see the operands in source order
    return operator(ctx, op === "+" ? "addFL" : "mulFL", [lowerOperand(ctx, e.left), lowerExpr(ctx, e.right), ...descArgs(ctx, e.right)]);
  }
  return undefined;
}

function checkVararg(ctx: Context, e: L.Node): void {
  if (!ctx.fn.isVararg) {
    throw new CompileError(e.loc?.start.line ?? 0, "cannot use '...' outside a vararg function near '...'");
  }
}

function lowerUnary(ctx: Context, e: L.UnaryExpression): t.Expression {
  const arg = e.argument;
  switch (e.operator) {
    case "not":
      return t.unaryExpression("!", lowerTest(ctx, arg));
    case "-":
      if (arg.type === "NumericLiteral") {
        const folded = negateLiteral(ctx, arg);
        if (folded) return folded;
      }
      return operator(ctx, "unm", [lowerExpr(ctx, arg), ...descArgs(ctx, arg)]);
    case "#":
      return operator(ctx, "len", [lowerExpr(ctx, arg), ...descArgs(ctx, arg)]);
    case "~":
      return operator(ctx, "bnot", [lowerExpr(ctx, arg), ...descArgs(ctx, arg)]);
  }
}

/** -<literal>: fold when the result keeps its subtype exactly. */
function negateLiteral(ctx: Context, lit: L.NumericLiteral): t.Expression | undefined {
  const n = parseNumeral(numeralText(ctx, lit));
  if ("float" in n && Number.isInteger(n.float)) {
    const v = -n.float;
    return ctx.constant(`f${Object.is(v, -0) ? "-0" : v}`, () => t.newExpression(ctx.rt("LuaFloat"),
      [Object.is(v, -0) || v < 0 ? t.unaryExpression("-", t.numericLiteral(-v)) : t.numericLiteral(v)]));
  }
  const v = numericLiteral(ctx, lit);
  if (t.isNumericLiteral(v) && v.value !== 0) return t.unaryExpression("-", v);
  return undefined;
}

function isNilLiteral(e: L.Expression): boolean {
  return e.type === "NilLiteral";
}

/** A non-negative integer literal below 2^31 (its JS number is the Lua integer), or undefined. */
function smallIntLiteral(ctx: Context, e: L.Expression): number | undefined {
  if (e.type !== "NumericLiteral") return undefined;
  const n = parseNumeral(numeralText(ctx, e));
  if (!("int" in n) || n.int >= 2n ** 31n) return undefined;
  return Number(n.int);
}

function isPrimitiveLiteral(e: L.Expression): boolean {
  return e.type === "StringLiteral" || e.type === "BooleanLiteral" || e.type === "NilLiteral";
}

function lowerEquality(ctx: Context, e: L.BinaryExpression): t.Expression {
  const neg = e.operator === "~=";
  const l = lowerExpr(ctx, e.left), r = lowerExpr(ctx, e.right);
  // strings, booleans and nil are equal only to themselves: plain === is exact
  if (isPrimitiveLiteral(e.left) || isPrimitiveLiteral(e.right)) {
    return t.binaryExpression(neg ? "!==" : "===", l, r);
  }
  void isNilLiteral;
  // x == 3: only the integer 3 (a JS number), a float 3.0 (boxed) or a table/bigint (never
  // equal, but left to $eq) need a look: (t = x) === 3 || typeof t is object/bigint && $eq(t, 3)
  const kr = smallIntLiteral(ctx, e.right), kl = kr === undefined ? smallIntLiteral(ctx, e.left) : undefined;
  if (kr !== undefined || kl !== undefined) {
    const tmp = ctx.temp();
    const k = kr !== undefined ? r : l;
    const test = t.logicalExpression("||",
      t.binaryExpression("===", t.assignmentExpression("=", tmp, kr !== undefined ? l : r), k),
      t.logicalExpression("&&",
        t.logicalExpression("||",
          t.binaryExpression("===", t.unaryExpression("typeof", tmp), t.stringLiteral("object")),
          t.binaryExpression("===", t.unaryExpression("typeof", tmp), t.stringLiteral("bigint"))),
        operator(ctx, "eq", [tmp, t.cloneNode(k)])));
    return neg ? t.unaryExpression("!", test) : test;
  }
  const c = operator(ctx, "eq", [l, r]);
  return neg ? t.unaryExpression("!", c) : c;
}

function isBooleanValued(e: L.Expression): boolean {
  if (e.type === "BinaryExpression") {
    return ["==", "~=", "<", "<=", ">", ">="].includes(e.operator as string);
  }
  if (e.type === "UnaryExpression") return e.operator === "not";
  if (e.type === "BooleanLiteral") return true;
  if (e.type === "LogicalExpression") return isBooleanValued(e.left) && isBooleanValued(e.right);
  return false;
}

function lowerLogical(ctx: Context, e: L.LogicalExpression): t.Expression {
  if (isBooleanValued(e.left) && isBooleanValued(e.right)) {
    return t.logicalExpression(e.operator === "and" ? "&&" : "||", lowerTest(ctx, e.left), lowerTest(ctx, e.right));
  }
  // a and b  →  ($t = a, $t === undefined || $t === false ? $t : b)
  const tmp = ctx.temp();
  const falsy = t.logicalExpression(
    "||",
    t.binaryExpression("===", tmp, t.identifier("undefined")),
    t.binaryExpression("===", tmp, t.booleanLiteral(false)),
  );
  const left = lowerExpr(ctx, e.left);
  const right = lowerExpr(ctx, e.right);
  const pick = e.operator === "and"
    ? t.conditionalExpression(falsy, tmp, right)
    : t.conditionalExpression(falsy, right, tmp);
  return t.sequenceExpression([t.assignmentExpression("=", tmp, left), pick]);
}

/** A JS boolean: whether e is truthy in Lua. */
export function lowerTest(ctx: Context, e: L.Expression): t.Expression {
  if (e.type === "BooleanLiteral") return t.booleanLiteral(e.value);
  if (e.type === "NilLiteral") return t.booleanLiteral(false);
  if (e.type === "BinaryExpression" && ["==", "~=", "<", "<=", ">", ">="].includes(e.operator as string)) {
    return lowerExpr(ctx, e);
  }
  if (e.type === "UnaryExpression" && e.operator === "not") {
    return at(t.unaryExpression("!", lowerTest(ctx, e.argument)), e);
  }
  if (e.type === "LogicalExpression") {
    return at(t.logicalExpression(e.operator === "and" ? "&&" : "||", lowerTest(ctx, e.left), lowerTest(ctx, e.right)), e);
  }
  return at(t.callExpression(ctx.rt("truthy"), [lowerExpr(ctx, e)]), e);
}

type CallNode = L.CallExpression | L.StringCallExpression | L.TableCallExpression;

function callArguments(c: CallNode): L.Expression[] {
  if (c.type === "CallExpression") return c.arguments;
  if (c.type === "StringCallExpression") return [c.argument];
  return [c.arguments];
}

/** A call, evaluating to its raw result (one value, or an array of results). */
export function lowerCall(ctx: Context, c: CallNode): t.Expression {
  const base = c.base;
  const args = callArguments(c);
  const argStart = rangeOf(base)[1];
  if (base.type === "MemberExpression" && base.indexer === ":") {
    // obj:m(args)  →  ($t = obj, $call($index($t, "m", d), "method 'm'")($t, args))
    const obj = ctx.temp();
    const method = ctx.fn.generator
      ? operator(ctx, "index", [obj, t.stringLiteral(base.identifier.name), ...descArgs(ctx, base.base)])
      : methodRead(ctx, obj, base.identifier.name, descArgs(ctx, base.base));
    const list = lowerList(ctx, args, argStart, 1);
    return at(t.sequenceExpression([
      t.assignmentExpression("=", obj, lowerExpr(ctx, base.base)),
      at(invoke(ctx, method, `method '${base.identifier.name}'`, [obj, ...list]), c),
    ]), c);
  }
  if (base.type === "Identifier" && !ctx.fn.generator && ctx.resolve(base.name)?.luaFunction) {
    return at(invokeDirect(ctx, lowerExpr(ctx, base), lowerList(ctx, args, argStart, 1)), c);
  }
  const callee = lowerExpr(ctx, base);
  return at(invoke(ctx, callee, describe(ctx, base), lowerList(ctx, args, argStart, 1)), c);
}

/**
 * An expression list as JS array/argument items: every expression gives one value except a
 * last call or `...`, which is expanded. `prevEnd` is the source offset before the list and
 * `openParens` how many '(' legitimately stand between it and the first expression.
 */
export function lowerList(
  ctx: Context, exprs: L.Expression[], prevEnd: number, openParens = 0,
): (t.Expression | t.SpreadElement)[] {
  const out: (t.Expression | t.SpreadElement)[] = [];
  exprs.forEach((e, i) => {
    const last = i === exprs.length - 1;
    const before = i === 0 ? prevEnd : rangeOf(exprs[i - 1])[1];
    if (last && isMulti(e) && !isParenthesized(ctx, before, e, i === 0 ? openParens : 0)) {
      out.push(lowerSpread(ctx, e));
    } else {
      out.push(lowerExpr(ctx, e));
    }
  });
  return out;
}

export function isMulti(e: L.Expression): boolean {
  return e.type === "CallExpression" || e.type === "StringCallExpression" ||
    e.type === "TableCallExpression" || e.type === "VarargLiteral";
}

/** `...results` of a multi-value expression, for arrays and argument lists. */
export function lowerSpread(ctx: Context, e: L.Expression): t.SpreadElement {
  if (e.type === "VarargLiteral") {
    checkVararg(ctx, e);
    return t.spreadElement(t.identifier("$va"));
  }
  return t.spreadElement(t.callExpression(ctx.rt("results"), [lowerCall(ctx, e as CallNode)]));
}

/**
 * {a, b, name = v, [e] = w, f()}  →  $table([a, b, ...$results(f())], [e, w], ($s = $strs(), $s.name = v, $s))
 * The string part is filled by named stores, which V8 caches per site (a loop of keyed stores
 * was 2–3× slower). Lua evaluates the fields in source order; the arguments above run
 * positional, keyed, named: when the source interleaves them differently, every value that is
 * not a literal is first evaluated into a temporary, in source order.
 */
function lowerTable(ctx: Context, e: L.TableConstructorExpression): t.Expression {
  const positional: (t.Expression | t.SpreadElement)[] = [];
  const keyed: t.Expression[] = [];
  const named: [string, t.Expression][] = [];
  const rank = (f: L.TableConstructorExpression["fields"][number]) =>
    f.type === "TableValue" ? 0 : f.type === "TableKey" ? 1 : 2;
  const inOrder = e.fields.every((f, i) => i === 0 || rank(e.fields[i - 1]) <= rank(f));
  const early: t.Expression[] = [];
  const value = (x: L.Expression): t.Expression => {
    const js = lowerExpr(ctx, x);
    if (inOrder || isLiteral(x)) return js;
    const tmp = ctx.temp();
    early.push(t.assignmentExpression("=", tmp, js));
    return tmp;
  };
  let prevEnd = rangeOf(e)[0] + 1;
  e.fields.forEach((f, i) => {
    if (f.type === "TableValue") {
      const last = i === e.fields.length - 1;
      if (last && isMulti(f.value) && !isParenthesized(ctx, prevEnd, f.value, 0)) {
        positional.push(lowerSpread(ctx, f.value));
      } else {
        positional.push(value(f.value));
      }
    } else if (f.type === "TableKeyString") {
      named.push([f.key.name, value(f.value)]);
    } else {
      keyed.push(value(f.key), value(f.value));
    }
    prevEnd = rangeOf(f)[1];
  });
  if (positional.length === 0 && keyed.length === 0 && named.length === 0) return t.callExpression(ctx.rt("table"), []);
  const args: t.Expression[] = [positional.length > 0 ? t.arrayExpression(positional) : t.identifier("undefined")];
  if (keyed.length > 0 || named.length > 0) args.push(keyed.length > 0 ? t.arrayExpression(keyed) : t.identifier("undefined"));
  if (named.length > 0) {
    const sp = ctx.temp();
    args.push(t.sequenceExpression([
      t.assignmentExpression("=", sp, t.callExpression(ctx.rt("strs"), [])),
      ...named.map(([k, v]) => t.assignmentExpression("=",
        t.isValidIdentifier(k) ? t.memberExpression(sp, t.identifier(k)) : t.memberExpression(sp, t.stringLiteral(k), true), v)),
      sp,
    ]));
  }
  const call = t.callExpression(ctx.rt("table"), args);
  return early.length > 0 ? t.sequenceExpression([...early, call]) : call;
}

function isLiteral(x: L.Expression): boolean {
  return x.type === "NumericLiteral" || x.type === "StringLiteral" || x.type === "BooleanLiteral" || x.type === "NilLiteral";
}
