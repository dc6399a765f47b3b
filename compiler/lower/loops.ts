// Loops: while, repeat-until, numeric for (integer fast path), generic for, and break.
import * as t from "../ast.ts";
import type * as L from "luaparse";
import { CompileError, type Context, type LoopState } from "../context.ts";
import { lowerExpr, lowerList, lowerTest } from "./expressions.ts";
import { lowerLabelled } from "./goto.ts";
import { invoke } from "./invoke.ts";
import { numericLiteral } from "./literals.ts";
import { at, lineOf, rangeOf } from "./source.ts";

function withLoop(ctx: Context, build: (loop: LoopState) => t.Statement): t.Statement {
  const loop: LoopState = { label: ctx.label("loop"), labelled: false, wrappersInside: 0 };
  ctx.fn.loops.push(loop);
  const stmt = build(loop);
  ctx.fn.loops.pop();
  return loop.labelled ? t.labeledStatement(t.identifier(loop.label), stmt as t.Statement) : stmt;
}

function body(ctx: Context, stmts: L.Statement[], prologue: t.Statement[] = [], endLine?: number): t.BlockStatement {
  ctx.pushScope();
  const saved = ctx.blockEndLine;
  if (endLine !== undefined) ctx.blockEndLine = endLine;
  const out = [...prologue, ...lowerLabelled(ctx, stmts)];
  ctx.blockEndLine = saved;
  ctx.popScope();
  return t.blockStatement(out);
}

export function lowerBreak(ctx: Context, s: L.Node): t.Statement {
  const loop = ctx.fn.loops[ctx.fn.loops.length - 1];
  if (loop === undefined) throw new CompileError(lineOf(s), `break outside loop at line ${lineOf(s)}`);
  if (loop.wrappersInside > 0) {
    loop.labelled = true;
    return at(t.breakStatement(t.identifier(loop.label)), s);
  }
  return at(t.breakStatement(), s);
}

export function lowerWhile(ctx: Context, s: L.WhileStatement): t.Statement {
  return at(withLoop(ctx, () => t.whileStatement(lowerTest(ctx, s.condition), body(ctx, s.body, [], s.loc?.end.line))), s);
}

/** repeat body until cond  →  L: while (true) { body; if (cond) break L; }  (cond sees body locals) */
export function lowerRepeat(ctx: Context, s: L.RepeatStatement): t.Statement {
  return at(withLoop(ctx, (loop) => {
    ctx.pushScope();
    const stmts = lowerLabelled(ctx, s.body);
    loop.labelled = true;
    stmts.push(t.ifStatement(lowerTest(ctx, s.condition), t.breakStatement(t.identifier(loop.label))));
    ctx.popScope();
    return t.whileStatement(t.booleanLiteral(true), t.blockStatement(stmts));
  }), s);
}

function intLiteral(ctx: Context, e: L.Expression | null | undefined): number | undefined {
  if (e == null) return 1;
  let neg = false;
  if (e.type === "UnaryExpression" && e.operator === "-") {
    neg = true;
    e = e.argument;
  }
  if (e.type !== "NumericLiteral") return undefined;
  const v = numericLiteral(ctx, e);
  if (!t.isNumericLiteral(v) || !Number.isInteger(v.value)) return undefined;
  return neg ? -v.value : v.value;
}

/**
 * for v = a, b, c: $forprep checks and converts the three values once and picks a mode:
 * 0 integer loop on JS numbers, 1 float loop, 2 integer loop beyond 2^53 (counted). When
 * $forint sees plain integers (the usual case) the values are used as they are, with no call
 * to $forprep and no array:
 *   { let $i = a, $e = b, $s = c, $m = 0, $p;
 *     if (!$forint($i, $e, $s)) $p = $forprep($i, $e, $s), $i = $p[0], $e = $p[1], $s = $p[2], $m = $p[3];
 *     for (; $s > 0 ? $i <= $e : $i >= $e; $i += $s) { let v = $m === 0 ? $i : $forval($p[4], $i); body } }
 * With a literal step the direction test is static (`$i <= $e` or `$i >= $e`); the increment
 * is always $s, which in modes 1 and 2 is not the Lua step but has its sign.
 * The common shape — a small integer
 * literal start and no step or a step of ±1 — is an integer loop whatever the limit is, so it
 * needs no mode: $forlimit converts the limit (floats floored or ceiled, strings converted,
 * bigints clipped to ±2^53, which a step of 1 cannot reach) and the loop variable is $i itself.
 *   for (let $i = a, $e = $forlimit(b, up); $i <= $e; $i += 1) { let v = $i; body }
 */
export function lowerForNumeric(ctx: Context, s: L.ForNumericStatement): t.Statement {
  const step = intLiteral(ctx, s.step);
  const start = intLiteral(ctx, s.start);
  const simple = start !== undefined && Math.abs(start) <= 2 ** 31 && (step === 1 || step === -1);
  const args = [lowerExpr(ctx, s.start), lowerExpr(ctx, s.end)];
  if (s.step) args.push(lowerExpr(ctx, s.step));
  const fill = fillShape(ctx, s);
  let fillCall: ((i: t.Expression, e: t.Expression, st: t.Expression) => t.Expression) | undefined;
  if (fill !== undefined) {
    // table and value are a local and a literal or local: evaluating them once up front is the same
    const tbl = lowerExpr(ctx, fill.table), val = lowerExpr(ctx, fill.value);
    fillCall = (i, e, st) => t.callExpression(ctx.rt("fill"), [tbl, val, i, e, st]);
  }
  const loop = at(withLoop(ctx, () => {
    const n = ctx.label("f").replace(/^f\$/, "");
    const i = t.identifier(`$i${n}`), e = t.identifier(`$e${n}`), st = t.identifier(`$s${n}`);
    const m = t.identifier(`$m${n}`), p = t.identifier(`$p${n}`);
    const elem = (k: number) => t.memberExpression(p, t.numericLiteral(k), true);
    const init = simple
      ? t.variableDeclaration("let", [
        t.variableDeclarator(i, start! < 0 ? t.unaryExpression("-", t.numericLiteral(-start!)) : t.numericLiteral(start!)),
        t.variableDeclarator(e, t.callExpression(ctx.rt("forlimit"), [args[1], t.booleanLiteral(step! > 0)])),
      ])
      : t.variableDeclaration("let", [
        t.variableDeclarator(i, args[0]),
        t.variableDeclarator(e, args[1]),
        t.variableDeclarator(st, args[2] ?? t.numericLiteral(1)),
        t.variableDeclarator(m, t.numericLiteral(0)),
        t.variableDeclarator(p),
      ]);
    const prep = simple ? undefined : t.ifStatement(
      t.unaryExpression("!", t.callExpression(ctx.rt("forint"), [i, e, st])),
      t.expressionStatement(t.sequenceExpression([
        t.assignmentExpression("=", p, t.callExpression(ctx.rt("forprep"), [i, e, st])),
        t.assignmentExpression("=", i, elem(0)),
        t.assignmentExpression("=", e, elem(1)),
        t.assignmentExpression("=", st, elem(2)),
        t.assignmentExpression("=", m, elem(3)),
      ])));
    const cond = step !== undefined && step !== 0
      ? t.binaryExpression(step > 0 ? "<=" : ">=", i, e)
      : t.conditionalExpression(t.binaryExpression(">", st, t.numericLiteral(0)),
        t.binaryExpression("<=", i, e), t.binaryExpression(">=", i, e));
    // the step $forprep returns (modes 1 and 2 count in their own units), its sign that of the
    // Lua step; a simple loop's step is the literal ±1
    const update = simple
      ? t.assignmentExpression(step! > 0 ? "+=" : "-=", i, t.numericLiteral(1))
      : t.assignmentExpression("+=", i, st);
    ctx.pushScope();
    ctx.reserve(3, rangeOf(s.variable)[1]); // lua5.4's three hidden "(for state)" locals
    const v = ctx.declare(s.variable.name, undefined, rangeOf(s.variable)[1]);
    const value = simple ? i : t.conditionalExpression(t.binaryExpression("===", m, t.numericLiteral(0)), i,
      t.callExpression(ctx.rt("forval"), [elem(4), i]));
    const prologue = [t.variableDeclaration("let", [t.variableDeclarator(t.identifier(v.js), value)])];
    const b = body(ctx, s.body, prologue, s.loc?.end.line);
    ctx.popScope();
    if (fillCall === undefined) {
      if (prep === undefined) return t.forStatement(init, cond, update, b);
      return t.blockStatement([init, prep, t.forStatement(null, cond, update, b)]);
    }
    // { init; if (!$fill(t, v, $i, $e, step)) for (; cond; update) body }  (mode 0 only)
    const stepExpr = !simple ? st : step! > 0 ? t.numericLiteral(1) : t.unaryExpression("-", t.numericLiteral(1));
    const offer = fillCall(i, e, stepExpr);
    const test = simple ? t.unaryExpression("!", offer)
      : t.logicalExpression("||", t.binaryExpression("!==", m, t.numericLiteral(0)), t.unaryExpression("!", offer));
    const loop = t.ifStatement(test, t.forStatement(null, cond, update, b));
    return t.blockStatement(prep === undefined ? [init, loop] : [init, prep, loop]);
  }), s);
  return loop;
}

/**
 * A loop whose whole body is `t[v] = x`, with v the loop variable, t a local other than v and x
 * a literal (not nil) or a local other than v: the shape runtime/fill.ts runs as a tight loop.
 */
function fillShape(ctx: Context, s: L.ForNumericStatement): { table: L.Expression; value: L.Expression } | undefined {
  if (s.body.length !== 1) return undefined;
  const st = s.body[0];
  if (st.type !== "AssignmentStatement" || st.variables.length !== 1 || st.init.length !== 1) return undefined;
  const target = st.variables[0], value = st.init[0];
  if (target.type !== "IndexExpression") return undefined;
  const loopVar = s.variable.name;
  const isLocal = (e: L.Expression): boolean =>
    e.type === "Identifier" && e.name !== loopVar && ctx.resolve(e.name) !== undefined;
  if (target.index.type !== "Identifier" || target.index.name !== loopVar || !isLocal(target.base)) return undefined;
  const literal = value.type === "BooleanLiteral" || value.type === "NumericLiteral" || value.type === "StringLiteral";
  if (!literal && !isLocal(value)) return undefined;
  return { table: target.base, value };
}

/**
 * for k, v in explist do body end  →
 *   { let $p = $forin([explist]), $f = $p[0], $s = $p[1], $c = $p[2], $x = $p[3];  // $x: the closing value
 *     try { for (;;) { let k = $forstep($f, $s, $c), v = $second.v; if (k === undefined) break; $c = k; body } }
 *     catch ($e) { $xe = $e; throw $e; } finally { $close($x, $xe); } }
 */
export function lowerForGeneric(ctx: Context, s: L.ForGenericStatement): t.Statement {
  const items = lowerList(ctx, s.iterators, rangeOf(s.variables[s.variables.length - 1])[1], 0);
  const n = ctx.label("g").replace(/^g\$/, "");
  const f = t.identifier(`$f${n}`), st = t.identifier(`$st${n}`), c = t.identifier(`$c${n}`);
  const x = t.identifier(`$x${n}`), xe = t.identifier(`$xe${n}`), r = t.identifier(`$r${n}`);
  const loop = withLoop(ctx, () => {
    ctx.pushScope();
    ctx.reserve(4, rangeOf(s.variables[0])[1]); // lua5.4's four hidden "(for state)" locals
    const vars = s.variables.map((v) => ctx.declare(v.name, undefined, rangeOf(v)[1]));
    // the call site's name for argument errors raised by a builtin iterator
    const call = ctx.fn.generator ? invoke(ctx, f, "for iterator 'for iterator'", [st, c]) : t.callExpression(f, [st, c]);
    const prologue: t.Statement[] = [];
    if (!ctx.fn.generator && vars.length <= 2) {
      // plain code: $forstep returns the first value and leaves the second in $second.v
      const decls = [t.variableDeclarator(t.identifier(vars[0].js), t.callExpression(ctx.rt("forstep"), [f, st, c]))];
      if (vars.length === 2) decls.push(t.variableDeclarator(t.identifier(vars[1].js), t.memberExpression(ctx.rt("second"), t.identifier("v"))));
      prologue.push(t.variableDeclaration("let", decls));
    } else if (vars.length === 1) {
      prologue.push(t.variableDeclaration("let", [t.variableDeclarator(t.identifier(vars[0].js), t.callExpression(ctx.rt("first"), [call]))]));
    } else {
      prologue.push(t.variableDeclaration("const", [t.variableDeclarator(r, call)]));
      prologue.push(t.variableDeclaration("let", vars.map((v, i) => t.variableDeclarator(t.identifier(v.js),
        t.callExpression(ctx.rt("nth"), [r, t.numericLiteral(i)])))));
    }
    prologue.push(t.ifStatement(t.binaryExpression("===", t.identifier(vars[0].js), t.identifier("undefined")), t.breakStatement()));
    prologue.push(t.expressionStatement(t.assignmentExpression("=", c, t.identifier(vars[0].js))));
    const b = body(ctx, s.body, prologue, s.loc?.end.line);
    ctx.popScope();
    return t.forStatement(null, null, null, b);
  });
  const p = t.identifier(`$p${n}`);
  const elem = (k: number) => t.memberExpression(p, t.numericLiteral(k), true);
  const init = t.variableDeclaration("let", [
    // one call as the explist (`in pairs(t)`): its results array is read as is
    t.variableDeclarator(p, t.callExpression(ctx.rt("forin"),
      [items.length === 1 && t.isSpreadElement(items[0]) ? items[0].argument : t.arrayExpression(items)])),
    t.variableDeclarator(f, elem(0)), t.variableDeclarator(st, elem(1)), t.variableDeclarator(c, elem(2)),
    t.variableDeclarator(x, elem(3)),
    t.variableDeclarator(xe),
  ]);
  const guarded = t.tryStatement(
    t.blockStatement([loop]),
    t.catchClause(t.identifier("$e"), t.blockStatement([
      t.expressionStatement(t.assignmentExpression("=", xe, t.identifier("$e"))),
      t.throwStatement(t.identifier("$e")),
    ])),
    t.blockStatement([t.ifStatement(t.binaryExpression("!==", x, t.identifier("undefined")),
      t.expressionStatement(t.callExpression(ctx.rt("close"), [x, xe])))]),
  );
  return at(t.blockStatement([init, guarded]), s);
}
