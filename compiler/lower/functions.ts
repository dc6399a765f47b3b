// Function bodies: parameters, varargs, method `self`, temporaries and the result convention.
import * as t from "../ast.ts";
import type * as L from "luaparse";
import type { Binding, Context } from "../context.ts";
import { lowerBlock } from "./statements.ts";
import { at, rangeOf } from "./source.ts";
import { isPureLeaf } from "./pure-leaf.ts";

/**
 * A Lua function value: the plain function, plus its generator twin when the body makes calls
 * (see docs/architecture.md, "Execution model"):  $fn(function f$f(…) {…}, function* f$g(…) {…})
 */
export function lowerFunctionValue(
  ctx: Context, f: L.FunctionDeclaration, name: string | undefined, isMethod = false, self?: Binding,
): t.Expression {
  if (mayYield(f.body) && nestingDepth(ctx) >= TWIN_ONLY_DEPTH && definesFunctions(f.body)) {
    // each level of nesting doubles the copies of a nested function (it is emitted inside its
    // parent's plain body and inside its twin); from this depth on, a function that defines
    // others is emitted as its twin only, and plain calls drive the twin (runtime/drive.ts)
    return at(t.callExpression(ctx.rt("fnT"), [lowerFunction(ctx, f, name, isMethod, true, self)]), f);
  }
  const plain = lowerFunction(ctx, f, name, isMethod, false, self);
  if (!mayYield(f.body)) return plain;
  const twin = lowerFunction(ctx, f, name, isMethod, true, self);
  const args: t.Expression[] = [plain, twin];
  if (isPureLeaf(ctx, f, isMethod)) args.push(t.numericLiteral(1));
  return at(t.callExpression(ctx.rt("fn"), args), f);
}

/** Nesting depth (1 for a function in the main chunk) from which functions defining others are twin-only. */
const TWIN_ONLY_DEPTH = 3;

/** The nesting depth a function defined here gets (1 in the main chunk). */
function nestingDepth(ctx: Context): number {
  let d = 1;
  for (let s = ctx.fn; s.parent !== undefined; s = s.parent) d++;
  return d;
}

/** Whether a function body (at any depth) defines a function. */
function definesFunctions(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(definesFunctions);
  if (node === null || typeof node !== "object") return false;
  const n = node as Record<string, unknown> & { type?: string };
  if (n.type === "FunctionDeclaration") return true;
  for (const k in n) {
    if (k === "loc" || k === "range" || k === "type") continue;
    const v = n[k];
    if (v !== null && typeof v === "object" && definesFunctions(v)) return true;
  }
  return false;
}

const MAY_YIELD = new Set([
  "CallExpression", "StringCallExpression", "TableCallExpression", "ForGenericStatement",
  // operators and indexing can run metamethods, which may yield
  "MemberExpression", "IndexExpression", "BinaryExpression", "UnaryExpression",
]);

/**
 * Whether a function body could yield: it calls something, or runs an operation that can call a
 * metamethod (outside nested functions). Functions that cannot get no generator twin.
 */
function mayYield(node: unknown): boolean {
  if (Array.isArray(node)) {
    for (const n of node) if (mayYield(n)) return true;
    return false;
  }
  if (node === null || typeof node !== "object") return false;
  const n = node as Record<string, unknown> & { type?: string; operator?: string };
  if (n.type !== undefined && MAY_YIELD.has(n.type) && n.operator !== "not") return true;
  if (n.type === "FunctionDeclaration") {
    // a nested function's body does not run here; only its name expression does
    return mayYield((node as L.FunctionDeclaration).identifier);
  }
  for (const k in n) {
    if (k === "loc" || k === "range" || k === "type") continue;
    const v = n[k];
    if (v !== null && typeof v === "object" && mayYield(v)) return true;
  }
  return false;
}

/**
 * function(a, b, ...) body end  →  function name$f(a, b, ...$va) { let $t1…; body; return $EMPTY; }
 * `name` names the JS function so stack traces show the Lua name; `self` is prepended for methods.
 */
export function lowerFunction(
  ctx: Context, f: L.FunctionDeclaration, name: string | undefined, isMethod: boolean, generator: boolean,
  self?: Binding,
): t.FunctionExpression {
  const params = f.parameters;
  const isVararg = params.length > 0 && params[params.length - 1].type === "VarargLiteral";
  // a plain function defined inside a twin's body is printed off its Lua lines, as the twin is
  const insideTwin = ctx.fn.generator;
  const fn = ctx.pushFunction(isVararg, generator, f.loc?.start.line, rangeOf(f)[1]);
  const jsParams: (t.Identifier | t.RestElement)[] = [];
  // `self` is registered with the '(' of the parameter list as the current token
  const paren = f.identifier !== null && f.identifier !== undefined ? rangeOf(f.identifier)[1] : undefined;
  if (isMethod) jsParams.push(t.identifier(ctx.declare("self", undefined, paren).js));
  for (const p of params) {
    if (p.type === "Identifier") jsParams.push(t.identifier(ctx.declare(p.name, undefined, rangeOf(p)[1]).js));
  }
  if (isVararg) jsParams.push(t.restElement(t.identifier("$va")));
  if (self !== undefined && !isVararg && !isMethod && !ctx.assignedNames.has(self.lua)) {
    fn.tailSelf = { binding: self, holders: jsParams.map((_, i) => `$a${i}`), label: ctx.label("tail"), used: false };
  }
  let body = lowerBlock(ctx, f.body, false, f.loc?.end.line);
  const last = f.body[f.body.length - 1];
  if (!last || last.type !== "ReturnStatement") body.push(t.returnStatement(ctx.rt("EMPTY")));
  if (fn.tailSelf?.used) {
    // tail: while (true) { let a = $a0, b = $a1; body }  with self tail calls as `continue tail`
    const tail = fn.tailSelf;
    const rebinds = jsParams.map((p, i) => t.variableDeclarator(p as t.Identifier, t.identifier(tail.holders[i])));
    const loopBody = rebinds.length > 0 ? [t.variableDeclaration("let", rebinds), ...body] : body;
    body = [t.labeledStatement(t.identifier(tail.label), t.whileStatement(t.booleanLiteral(true), t.blockStatement(loopBody)))];
    jsParams.splice(0, jsParams.length, ...tail.holders.map((h) => t.identifier(h)));
  }
  if (fn.temps.length > 0) {
    body.unshift(t.variableDeclaration("let", fn.temps.map((n) => t.variableDeclarator(t.identifier(n)))));
  }
  ctx.popFunction();
  // twins are always named `…$g`, and plain functions inside them `…$i`: their frames are the
  // ones whose lines need the source map (runtime/error.ts)
  const suffix = generator ? "$g" : insideTwin ? "$i" : "$f";
  const id = name ? t.identifier(name.replace(/[^A-Za-z0-9_]/g, "_") + suffix)
    : generator || insideTwin ? t.identifier("$anon" + suffix) : null;
  return at(t.functionExpression(id, jsParams, t.blockStatement(body), generator), f);
}
