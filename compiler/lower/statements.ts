// Statements and blocks: locals, assignment, calls, returns, if, do, function declarations,
// with goto/labels and `<close>` handled at the block level (see goto.ts and close.ts).
import { counterUpdate } from "./counter-update.ts";
import * as t from "../ast.ts";
import type * as L from "luaparse";
import { CompileError, type Context } from "../context.ts";
import {
  compileTimeConstant,
  describe, envDesc, envRef, isMulti, lowerCall, lowerExpr, lowerList, lowerName, lowerSpread, lowerTest,
} from "./expressions.ts";
import { lowerFunctionValue } from "./functions.ts";
import { lowerFloat } from "./float-ops.ts";
import { operator } from "./operator.ts";
import { lowerBreak, lowerForGeneric, lowerForNumeric, lowerRepeat, lowerWhile } from "./loops.ts";
import { lowerGoto, lowerLabelled } from "./goto.ts";
import { at, atLine, isParenthesized, lineOf, rangeOf } from "./source.ts";
import { elementWrite, fieldWrite } from "./table-access.ts";

/**
 * A block in its own scope (or the function's scope when newScope is false). `endLine`, the
 * line of the block's `end`, is where lua5.4 reports errors from closing `<close>` variables.
 */
export function lowerBlock(ctx: Context, body: L.Statement[], newScope = true, endLine?: number): t.Statement[] {
  if (newScope) ctx.pushScope();
  const saved = ctx.blockEndLine;
  if (endLine !== undefined) ctx.blockEndLine = endLine;
  const out = lowerLabelled(ctx, body);
  ctx.blockEndLine = saved;
  if (newScope) ctx.popScope();
  return out;
}

/** Statements with no label among them; `<close>` locals wrap the rest in try/finally. */
export function lowerPlain(ctx: Context, stmts: L.Statement[]): t.Statement[] {
  const out: t.Statement[] = [];
  for (let i = 0; i < stmts.length; i++) {
    const s = stmts[i];
    if (s.type === "LocalStatement" && closeIndex(ctx, s) >= 0) {
      out.push(...lowerLocal(ctx, s));
      const v = s.variables[closeIndex(ctx, s)];
      const b = ctx.resolve(v.name)!;
      out.push(at(t.expressionStatement(t.callExpression(ctx.rt("checkclose"), [t.identifier(b.js), t.stringLiteral(v.name)])), s));
      ctx.fn.closeDepth++;
      const rest = lowerPlain(ctx, stmts.slice(i + 1));
      ctx.fn.closeDepth--;
      const err = t.identifier(`${b.js}$err`);
      out.push(t.variableDeclaration("let", [t.variableDeclarator(err, t.identifier("undefined"))]));
      out.push(t.tryStatement(
        t.blockStatement(rest),
        t.catchClause(t.identifier("$e"), t.blockStatement([
          t.expressionStatement(t.assignmentExpression("=", err, t.identifier("$e"))),
          t.throwStatement(t.identifier("$e")),
        ])),
        t.blockStatement([atLine(t.expressionStatement(t.callExpression(ctx.rt("close"), [t.identifier(b.js), err])), ctx.blockEndLine)]),
      ));
      return out;
    }
    out.push(...lowerStatement(ctx, s));
  }
  return out;
}

function closeIndex(ctx: Context, s: L.LocalStatement): number {
  return s.variables.findIndex((v) => ctx.attributes.get(rangeOf(v)[0]) === "close");
}

export function lowerStatement(ctx: Context, s: L.Statement): t.Statement[] {
  switch (s.type) {
    case "LocalStatement":
      return lowerLocal(ctx, s);
    case "AssignmentStatement":
      return lowerAssignment(ctx, s);
    case "CallStatement":
      return [at(t.expressionStatement(lowerCall(ctx, s.expression)), s)];
    case "FunctionDeclaration":
      return lowerFunctionStatement(ctx, s);
    case "ReturnStatement":
      return [lowerReturn(ctx, s)];
    case "IfStatement":
      return [lowerIf(ctx, s, 0)];
    case "DoStatement":
      return [at(t.blockStatement(lowerBlock(ctx, s.body, true, s.loc?.end.line)), s)];
    case "WhileStatement":
      return [lowerWhile(ctx, s)];
    case "RepeatStatement":
      return [lowerRepeat(ctx, s)];
    case "ForNumericStatement":
      return [lowerForNumeric(ctx, s)];
    case "ForGenericStatement":
      return [lowerForGeneric(ctx, s)];
    case "BreakStatement":
      return [lowerBreak(ctx, s)];
    case "GotoStatement":
      return [lowerGoto(ctx, s)];
    case "LabelStatement":
      return [];
    default:
      throw new CompileError(lineOf(s as L.Node), `unsupported statement ${(s as L.Node).type}`);
  }
}

/**
 * n values of an expression list, adjusted as Lua does: missing ones are nil, extra ones are
 * evaluated and dropped, a last call or `...` expands. `prevEnd` is the offset before the list.
 */
function lowerValues(ctx: Context, exprs: L.Expression[], n: number, prevEnd: number,
  raw: (i: number) => boolean = () => false): {
  pre: t.Statement[]; values: t.Expression[];
} {
  // a float local's value is kept as a raw double (floats.ts)
  const one = (e: L.Expression, i: number): t.Expression => (raw(i) ? lowerFloat(ctx, e, lowerExpr) : lowerExpr(ctx, e));
  const unbox = (v: t.Expression, i: number): t.Expression => (raw(i) ? t.callExpression(ctx.rt("dbl"), [v]) : v);
  const last = exprs[exprs.length - 1];
  const lastBefore = exprs.length > 1 ? rangeOf(exprs[exprs.length - 2])[1] : prevEnd;
  const expands = last !== undefined && isMulti(last) && !isParenthesized(ctx, lastBefore, last, 0);
  if (exprs.length === n && !expands || exprs.length === n && n === 1) {
    return { pre: [], values: exprs.map(one) };
  }
  if (exprs.length < n && !expands) {
    const values = exprs.map(one);
    while (values.length < n) values.push(t.identifier("undefined"));
    return { pre: [], values };
  }
  if (exprs.length === 1 && expands && last.type !== "VarargLiteral") {
    // local a, b = f()  →  const $r = $results(f())
    const r = ctx.temp();
    const pre = [t.expressionStatement(t.assignmentExpression("=", r, t.callExpression(ctx.rt("results"), [lowerCall(ctx, last as never)])))];
    return { pre, values: Array.from({ length: n }, (_, i) => unbox(t.memberExpression(r, t.numericLiteral(i), true), i)) };
  }
  const r = ctx.temp();
  const items = lowerList(ctx, exprs, prevEnd, 0);
  const pre = [t.expressionStatement(t.assignmentExpression("=", r, t.arrayExpression(items)))];
  return { pre, values: Array.from({ length: n }, (_, i) => unbox(t.memberExpression(r, t.numericLiteral(i), true), i)) };
}

/** Whether a declaration or assignment target is a float local (floats.ts). */
function isFloatTarget(ctx: Context, target: L.Node): boolean {
  if (target.type !== "Identifier" || ctx.floats === undefined) return false;
  const decl = ctx.floats.refs.get(target) ?? target;
  return ctx.floats.floats.has(decl);
}

function lowerLocal(ctx: Context, s: L.LocalStatement): t.Statement[] {
  const prevEnd = s.variables.length ? rangeOf(s.variables[s.variables.length - 1])[1] : rangeOf(s)[0];
  const { pre, values } = lowerValues(ctx, s.init, s.variables.length, prevEnd, (i) => isFloatTarget(ctx, s.variables[i]));
  // lua5.4 makes the last variable a compile-time constant when it is <const>, the counts
  // match and its value is a constant expression (found before the names come into scope)
  const lastAt = s.variables.length - 1;
  const constant = s.init.length === s.variables.length && ctx.attributes.get(rangeOf(s.variables[lastAt])[0]) === "const"
    ? compileTimeConstant(ctx, s.init[lastAt]) : undefined;
  const decls = s.variables.map((v, i) => {
    const b = ctx.declare(v.name, ctx.attributes.get(rangeOf(v)[0]), rangeOf(v)[1]);
    if (i === lastAt && constant !== undefined) b.constant = constant;
    if (isFloatTarget(ctx, v)) b.float = true;
    return t.variableDeclarator(t.identifier(b.js), values[i]);
  });
  return [...pre.map((p) => at(p, s)), at(t.variableDeclaration("let", decls), s)];
}

type Target = L.Identifier | L.MemberExpression | L.IndexExpression;

/** An assignment target with its object and key already evaluated (when it has them). */
function assignTo(ctx: Context, target: Target, value: t.Expression, obj?: t.Expression, key?: t.Expression): t.Statement {
  if (target.type === "Identifier") {
    const b = ctx.resolve(target.name);
    if (b !== undefined) {
      if (b.attrib === "const" || b.attrib === "close") {
        throw new CompileError(lineOf(target), `attempt to assign to const variable '${target.name}'`);
      }
      return at(t.expressionStatement(t.assignmentExpression("=", t.identifier(b.js), value)), target);
    }
    if (target.name === "_ENV") return at(t.expressionStatement(t.assignmentExpression("=", t.identifier("$env"), value)), target);
    ctx.globals.add(target.name);
    if (!ctx.fn.generator) return at(t.expressionStatement(fieldWrite(ctx, envRef(ctx), target.name, value, envDesc(ctx))), target);
    return at(t.expressionStatement(operator(ctx, "setindex",
      [envRef(ctx), t.stringLiteral(target.name), value, t.stringLiteral(envDesc(ctx))])), target);
  }
  const d = describe(ctx, target.base);
  if (!ctx.fn.generator && target.type === "IndexExpression" && !t.isStringLiteral(key)) {
    return at(t.expressionStatement(elementWrite(ctx, obj!, key!, value, d)), target);
  }
  if (!ctx.fn.generator && t.isStringLiteral(key)) {
    return at(t.expressionStatement(fieldWrite(ctx, obj!, key.value, value, d)), target);
  }
  const args = [obj!, key!, value];
  if (d) args.push(t.stringLiteral(d));
  return at(t.expressionStatement(operator(ctx, "setindex", args)), target);
}

function targetParts(ctx: Context, target: Target): { obj?: t.Expression; key?: t.Expression } {
  if (target.type === "MemberExpression") {
    return { obj: lowerExpr(ctx, target.base), key: t.stringLiteral(target.identifier.name) };
  }
  if (target.type === "IndexExpression") {
    return { obj: lowerExpr(ctx, target.base), key: lowerExpr(ctx, target.index) };
  }
  return {};
}

function lowerAssignment(ctx: Context, s: L.AssignmentStatement): t.Statement[] {
  const targets = s.variables as Target[];
  const prevEnd = rangeOf(targets[targets.length - 1])[1];
  if (targets.length === 1 && s.init.length === 1) {
    const bump = counterUpdate(ctx, s);
    if (bump !== undefined) return [at(bump, s)];
    const { obj, key } = targetParts(ctx, targets[0]);
    const value = isFloatTarget(ctx, targets[0]) ? lowerFloat(ctx, s.init[0], lowerExpr) : lowerExpr(ctx, s.init[0]);
    return [assignTo(ctx, targets[0], value, obj, key)];
  }
  // Lua order: evaluate target prefixes, then values, then assign right to left.
  const out: t.Statement[] = [];
  const parts = targets.map((tg) => {
    const p = targetParts(ctx, tg);
    if (p.obj === undefined) return p;
    const o = ctx.temp(), k = ctx.temp();
    out.push(t.expressionStatement(t.assignmentExpression("=", o, p.obj)));
    out.push(t.expressionStatement(t.assignmentExpression("=", k, p.key!)));
    return { obj: o, key: k };
  });
  const { pre, values } = lowerValues(ctx, s.init, targets.length, prevEnd, (i) => isFloatTarget(ctx, targets[i]));
  out.push(...pre);
  const temps = values.map((v) => {
    const tmp = ctx.temp();
    out.push(t.expressionStatement(t.assignmentExpression("=", tmp, v)));
    return tmp;
  });
  for (let i = targets.length - 1; i >= 0; i--) {
    out.push(assignTo(ctx, targets[i], temps[i], parts[i].obj, parts[i].key));
  }
  return out.map((st) => at(st, s));
}

function lowerFunctionStatement(ctx: Context, s: L.FunctionDeclaration): t.Statement[] {
  const id = s.identifier;
  if (s.isLocal && id?.type === "Identifier") {
    const b = ctx.declare(id.name, undefined, rangeOf(id)[1]);
    if (!ctx.assignedNames.has(id.name)) b.luaFunction = true;
    return [at(t.variableDeclaration("let", [t.variableDeclarator(t.identifier(b.js), lowerFunctionValue(ctx, s, id.name, false, b))]), s)];
  }
  if (id === null) throw new CompileError(lineOf(s), "function statement without a name");
  if (id.type === "Identifier") {
    return [assignTo(ctx, id, lowerFunctionValue(ctx, s, id.name))];
  }
  const isMethod = id.indexer === ":";
  const fn = lowerFunctionValue(ctx, s, id.identifier.name, isMethod);
  const d = describe(ctx, id.base);
  const args = [lowerExpr(ctx, id.base), t.stringLiteral(id.identifier.name), fn];
  if (d) args.push(t.stringLiteral(d));
  return [at(t.expressionStatement(operator(ctx, "setindex", args)), s)];
}

/**
 * `return f(args)` where f is the enclosing local function itself: assign the argument holders
 * and `continue` the function's loop (see functions.ts), so the recursion needs no stack.
 */
function selfTailCall(ctx: Context, e: L.Expression): t.Statement | undefined {
  const tail = ctx.fn.tailSelf;
  if (tail === undefined || ctx.fn.closeDepth > 0 || e.type !== "CallExpression" || e.base.type !== "Identifier") return undefined;
  if (ctx.resolve(e.base.name) !== tail.binding) return undefined;
  const args = e.arguments;
  const lastArg = args[args.length - 1];
  if (lastArg !== undefined && isMulti(lastArg) && args.length !== tail.holders.length) return undefined;
  tail.used = true;
  const out: t.Statement[] = [];
  const temps = args.map((a) => {
    const tmp = ctx.temp();
    out.push(t.expressionStatement(t.assignmentExpression("=", tmp, lowerExpr(ctx, a))));
    return tmp;
  });
  tail.holders.forEach((h, i) => {
    out.push(t.expressionStatement(t.assignmentExpression("=", t.identifier(h), temps[i] ?? t.identifier("undefined"))));
  });
  out.push(t.continueStatement(t.identifier(tail.label)));
  return at(t.blockStatement(out), e);
}

function lowerReturn(ctx: Context, s: L.ReturnStatement): t.Statement {
  const args = s.arguments;
  const start = rangeOf(s)[0] + "return".length;
  if (args.length === 0) return at(t.returnStatement(ctx.rt("EMPTY")), s);
  if (args.length === 1) {
    const e = args[0];
    if (isMulti(e) && !isParenthesized(ctx, start, e, 0)) {
      const loop = selfTailCall(ctx, e);
      if (loop) return loop;
      if (e.type === "VarargLiteral") return at(t.returnStatement(lowerSpread(ctx, e).argument), s);
      return at(t.returnStatement(lowerCall(ctx, e as never)), s);
    }
    return at(t.returnStatement(lowerExpr(ctx, e)), s);
  }
  return at(t.returnStatement(t.arrayExpression(lowerList(ctx, args, start, 0))), s);
}

function lowerIf(ctx: Context, s: L.IfStatement, i: number): t.Statement {
  const clause = s.clauses[i];
  const end = (i + 1 < s.clauses.length ? s.clauses[i + 1].loc?.start.line : s.loc?.end.line);
  if (clause.type === "ElseClause") return at(t.blockStatement(lowerBlock(ctx, clause.body, true, end)), clause);
  const test = lowerTest(ctx, clause.condition);
  const then = t.blockStatement(lowerBlock(ctx, clause.body, true, end));
  const alt = i + 1 < s.clauses.length ? lowerIf(ctx, s, i + 1) : null;
  return at(t.ifStatement(test, then, alt), clause);
}

export { lowerName };
