// Function bodies: parameters, varargs, method `self`, temporaries and the result convention.
import * as t from "@babel/types";
import type * as L from "luaparse";
import type { Context } from "../context.ts";
import { lowerBlock } from "./statements.ts";
import { at } from "./source.ts";

/**
 * function(a, b, ...) body end  →  function name$f(a, b, ...$va) { let $t1…; body; return $EMPTY; }
 * `name` names the JS function so stack traces show the Lua name; `self` is prepended for methods.
 */
export function lowerFunction(
  ctx: Context, f: L.FunctionDeclaration, name: string | undefined, isMethod = false,
): t.FunctionExpression {
  const params = f.parameters;
  const isVararg = params.length > 0 && params[params.length - 1].type === "VarargLiteral";
  const fn = ctx.pushFunction(isVararg);
  const jsParams: (t.Identifier | t.RestElement)[] = [];
  if (isMethod) jsParams.push(t.identifier(ctx.declare("self").js));
  for (const p of params) {
    if (p.type === "Identifier") jsParams.push(t.identifier(ctx.declare(p.name).js));
  }
  if (isVararg) jsParams.push(t.restElement(t.identifier("$va")));
  const body = lowerBlock(ctx, f.body, false);
  const last = f.body[f.body.length - 1];
  if (!last || last.type !== "ReturnStatement") body.push(t.returnStatement(ctx.rt("EMPTY")));
  if (fn.temps.length > 0) {
    body.unshift(t.variableDeclaration("let", fn.temps.map((n) => t.variableDeclarator(t.identifier(n)))));
  }
  ctx.popFunction();
  const id = name ? t.identifier(name.replace(/[^A-Za-z0-9_]/g, "_") + "$f") : null;
  return at(t.functionExpression(id, jsParams, t.blockStatement(body)), f);
}
