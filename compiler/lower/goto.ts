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
  const p = stmts.findIndex((s) => s.type === "LabelStatement");
  if (p < 0) return lowerPlain(ctx, stmts);
  const label = stmts[p] as L.LabelStatement;
  const name = label.label.name;
  const offset = rangeOf(label)[0];
  // lua5.4 checks at the label, in source order: a same-named label still open in this function
  // (earlier in this block or in an enclosing one) conflicts; one in a block already closed
  // does not. The error is reported at the token after the label.
  for (let s = ctx.scope; s && s.fn === ctx.fn; s = s.parent!) {
    const prev = s.gotos.get(name);
    if (prev && prev.offset < offset) {
      throw new CompileError(ctx.lineAfter(rangeOf(label)[1]), `label '${name}' already defined on line ${prev.line}`);
    }
    if (!s.parent) break;
  }
  const before = stmts.slice(0, p), after = stmts.slice(p + 1);
  const out: t.Statement[] = [];
  const i0 = before.findIndex((s) => jumpsTo([s], name));
  if (i0 >= 0) {
    const atEnd = after.every(isVoid);
    if (!atEnd) {
      const local = before.slice(i0).find((s) => s.type === "LocalStatement" ||
        (s.type === "FunctionDeclaration" && s.isLocal)) as L.LocalStatement | L.FunctionDeclaration | undefined;
      if (local) {
        const v = local.type === "LocalStatement" ? local.variables[0].name : (local.identifier as L.Identifier).name;
        const g = findGoto(before.slice(i0), name)!;
        throw new CompileError(ctx.lineAfter(rangeOf(label)[1]), `<goto ${name}> at line ${lineOf(g)} jumps into the scope of local '${v}'`);
      }
    }
    out.push(...lowerPlain(ctx, before.slice(0, i0)));
    const js = ctx.label(name);
    ctx.scope.gotos.set(name, { js, kind: "break", line: lineOf(label), offset });
    const inner = lowerPlain(ctx, before.slice(i0));
    out.push(t.labeledStatement(t.identifier(js), t.blockStatement(inner)));
  } else {
    ctx.scope.gotos.set(name, { js: "", kind: "break", line: lineOf(label), offset }); // reserve the name
    out.push(...lowerPlain(ctx, before));
  }
  if (jumpsTo(after, name)) {
    const js = ctx.label(name);
    ctx.scope.gotos.set(name, { js, kind: "continue", line: lineOf(label), offset });
    const loop = ctx.fn.loops[ctx.fn.loops.length - 1];
    if (loop) loop.wrappersInside++;
    const rest = lowerLabelled(ctx, after);
    if (loop) loop.wrappersInside--;
    rest.push(t.breakStatement());
    out.push(at(t.labeledStatement(t.identifier(js), t.whileStatement(t.booleanLiteral(true), t.blockStatement(rest))), label));
  } else {
    ctx.scope.gotos.set(name, { js: "", kind: "break", line: lineOf(label), offset });
    out.push(...lowerLabelled(ctx, after));
  }
  return out;
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
