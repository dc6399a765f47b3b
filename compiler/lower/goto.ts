// goto and labels. A label L in a block splits it: forward jumps to L become `break` out of a
// labelled block that ends at L; backward jumps become `continue` of a labelled
// `while (true) { …rest of the block…; break; }` that starts at L.
import * as t from "../ast.ts";
import type * as L from "luaparse";
import { CompileError, type Context } from "../context.ts";
import { lowerPlain } from "./statements.ts";
import { at, lineOf, rangeOf } from "./source.ts";

/** Whether statements (not nested functions) contain `goto name`. */
function jumpsTo(stmts: L.Statement[], name: string): boolean {
  for (const s of stmts) {
    switch (s.type) {
      case "GotoStatement":
        if (s.label.name === name) return true;
        break;
      case "DoStatement": case "WhileStatement": case "RepeatStatement":
      case "ForNumericStatement": case "ForGenericStatement":
        if (jumpsTo(s.body, name)) return true;
        break;
      case "IfStatement":
        for (const c of s.clauses) if (jumpsTo(c.body, name)) return true;
        break;
    }
  }
  return false;
}

function isVoid(s: L.Statement): boolean {
  return s.type === "LabelStatement";
}

/** A statement list that may contain labels. */
export function lowerLabelled(ctx: Context, stmts: L.Statement[]): t.Statement[] {
  const first = stmts.findIndex((s) => s.type === "LabelStatement");
  if (first < 0) return lowerPlain(ctx, stmts);
  const p = splitPoint(stmts, first);
  const extended = p !== first;
  // consecutive labels (`::a:: ::cont::`) mark one position: split there once
  let q = p;
  while (q + 1 < stmts.length && stmts[q + 1].type === "LabelStatement") q++;
  const labels = stmts.slice(p, q + 1) as L.LabelStatement[];
  for (const label of labels) {
    checkRedefinition(ctx, label);
    // registered at once (its jump target is set below), so that `::a:: ::a::` conflicts
    ctx.scope.gotos.set(label.label.name, { js: "", kind: "break", line: lineOf(label), offset: rangeOf(label)[0] });
  }
  const before = stmts.slice(0, p), after = stmts.slice(q + 1);
  const out: t.Statement[] = [];
  // forward jumps: `break` out of labelled blocks that end at the labels
  const forward = labels.filter((l) => before.some((s) => jumpsTo([s], l.label.name)));
  const i0 = forward.length === 0 ? -1 : before.findIndex((s) => forward.some((l) => jumpsTo([s], l.label.name)));
  if (i0 >= 0 && !after.every(isVoid)) {
    for (const l of forward) {
      const name = l.label.name;
      const from = before.findIndex((s) => jumpsTo([s], name));
      const local = before.slice(from).find((s) => s.type === "LocalStatement" ||
        (s.type === "FunctionDeclaration" && s.isLocal)) as L.LocalStatement | L.FunctionDeclaration | undefined;
      if (local) {
        const v = local.type === "LocalStatement" ? local.variables[0].name : (local.identifier as L.Identifier).name;
        const g = findGoto(before.slice(from), name)!;
        throw new CompileError(ctx.lineAfter(rangeOf(l)[1]), `<goto ${name}> at line ${lineOf(g)} jumps into the scope of local '${v}'`);
      }
    }
  }
  for (const l of labels) {
    const js = forward.includes(l) ? ctx.label(l.label.name) : ""; // "" reserves the name
    ctx.scope.gotos.set(l.label.name, { js, kind: "break", line: lineOf(l), offset: rangeOf(l)[0] });
  }
  if (extended) {
    // the labels in front keep their own jumps inside; the whole prefix is the label's block
    let inner: t.Statement = t.blockStatement(lowerLabelled(ctx, before));
    for (const l of forward) inner = t.labeledStatement(t.identifier(ctx.scope.gotos.get(l.label.name)!.js), inner);
    out.push(inner);
    for (const s of before) {
      // their jump targets do not enclose what follows (no jump from there reaches them: splitPoint)
      if (s.type === "LabelStatement") ctx.scope.gotos.set(s.label.name, { js: "", kind: "break", line: lineOf(s), offset: rangeOf(s)[0] });
    }
  } else if (i0 >= 0) {
    out.push(...lowerPlain(ctx, before.slice(0, i0)));
    let inner: t.Statement = t.blockStatement(lowerPlain(ctx, before.slice(i0)));
    for (const l of forward) inner = t.labeledStatement(t.identifier(ctx.scope.gotos.get(l.label.name)!.js), inner);
    out.push(inner);
  } else {
    out.push(...lowerPlain(ctx, before));
  }
  // backward jumps: `continue` of a labelled loop around the rest of the block
  const backward = labels.filter((l) => jumpsTo(after, l.label.name));
  for (const l of labels) {
    const js = backward.includes(l) ? ctx.label(l.label.name) : "";
    ctx.scope.gotos.set(l.label.name, { js, kind: backward.includes(l) ? "continue" : "break", line: lineOf(l), offset: rangeOf(l)[0] });
  }
  if (backward.length > 0) {
    const loop = ctx.fn.loops[ctx.fn.loops.length - 1];
    if (loop) loop.wrappersInside++;
    const rest = lowerLabelled(ctx, after);
    if (loop) loop.wrappersInside--;
    rest.push(t.breakStatement());
    let stmt: t.Statement = t.whileStatement(t.booleanLiteral(true), t.blockStatement(rest));
    for (const l of backward) stmt = t.labeledStatement(t.identifier(ctx.scope.gotos.get(l.label.name)!.js), stmt);
    out.push(at(stmt, labels[0]));
  } else {
    out.push(...lowerLabelled(ctx, after));
  }
  return out;
}

/**
 * Where to split a block at its labels: at the first one (`first`), unless a goto in front of it
 * jumps forward to a label further on (`goto cont … ::a:: x() ::cont::`); then at the furthest
 * such label, so that its block can hold the jump. Not when labels repeat a name (lua5.4's
 * redefinition check must see them in order) or when a label in front is the target of a jump
 * from behind the split.
 */
function splitPoint(stmts: L.Statement[], first: number): number {
  const labels = stmts.flatMap((s, i) => (s.type === "LabelStatement" ? [{ name: s.label.name, i }] : []));
  if (new Set(labels.map((l) => l.name)).size !== labels.length) return first;
  let p = first;
  for (;;) {
    const before = stmts.slice(0, p);
    let far = p;
    for (const l of labels) if (l.i > p && jumpsTo(before, l.name)) far = Math.max(far, l.i);
    if (far === p) break;
    p = far;
  }
  while (p + 1 < stmts.length && stmts[p + 1].type === "LabelStatement") p++;
  const rest = stmts.slice(p + 1);
  if (p !== first && labels.some((l) => l.i < p && jumpsTo(rest, l.name))) return first;
  // back to the first label of the run the split is in
  while (p > first && stmts[p - 1].type === "LabelStatement") p--;
  return p;
}

/**
 * lua5.4 checks at the label, in source order: a same-named label still open in this function
 * (earlier in this block or in an enclosing one) conflicts; one in a block already closed does
 * not. The error is reported at the token after the label.
 */
function checkRedefinition(ctx: Context, label: L.LabelStatement): void {
  const name = label.label.name;
  const offset = rangeOf(label)[0];
  for (let s = ctx.scope; s && s.fn === ctx.fn; s = s.parent!) {
    const prev = s.gotos.get(name);
    if (prev && prev.offset < offset) {
      throw new CompileError(ctx.lineAfter(rangeOf(label)[1]), `label '${name}' already defined on line ${prev.line}`);
    }
    if (!s.parent) break;
  }
}

function findGoto(stmts: L.Statement[], name: string): L.GotoStatement | undefined {
  for (const s of stmts) {
    if (s.type === "GotoStatement" && s.label.name === name) return s;
    const bodies: L.Statement[][] = [];
    if ("body" in s && Array.isArray(s.body)) bodies.push(s.body as L.Statement[]);
    if (s.type === "IfStatement") for (const c of s.clauses) bodies.push(c.body);
    for (const b of bodies) {
      const g = findGoto(b, name);
      if (g) return g;
    }
  }
  return undefined;
}

export function lowerGoto(ctx: Context, s: L.GotoStatement): t.Statement {
  const g = ctx.findGoto(s.label.name);
  if (g === undefined || g.js === "") {
    // lua5.4 finds it unresolved when the function's body closes
    throw new CompileError(ctx.functionEndLine(), `no visible label '${s.label.name}' for <goto> at line ${lineOf(s)}`);
  }
  return at(g.kind === "break" ? t.breakStatement(t.identifier(g.js)) : t.continueStatement(t.identifier(g.js)), s);
}
