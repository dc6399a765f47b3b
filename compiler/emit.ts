// Emission: wraps a chunk body into its factory function and prints it (compiler/print.ts keeps
// each Lua line's code on that line; a source map is produced on request).
import * as t from "./ast.ts";
import type { Context } from "./context.ts";
import { print } from "./print.ts";

/**
 * (function ($rt, $env) {
 *   const $index = $rt.index, …;          // the helpers this chunk uses
 *   const $k1 = new $LuaFloat(2);         // hoisted constants
 *   return function $chunk(...$va) { … };
 * })
 */
export function emitChunk(ctx: Context, body: t.Statement[], sourceFileName: string, sourceMap = true): { code: string; map: unknown } {
  const fnBody = [...body];
  if (ctx.fn.temps.length > 0) {
    fnBody.unshift(t.variableDeclaration("let", ctx.fn.temps.map((n) => t.variableDeclarator(t.identifier(n)))));
  }
  fnBody.push(t.returnStatement(ctx.rt("EMPTY")));
  const chunkFn = t.functionExpression(t.identifier("$chunk"), [t.restElement(t.identifier("$va"))], t.blockStatement(fnBody));
  const factory: t.Statement[] = [];
  const helpers = [...ctx.helpers].sort();
  if (helpers.length > 0) {
    factory.push(t.variableDeclaration("const", helpers.map((h) =>
      t.variableDeclarator(t.identifier("$" + h), t.memberExpression(t.identifier("$rt"), t.identifier(h))))));
  }
  if (ctx.constants.length > 0) factory.push(t.variableDeclaration("const", ctx.constants));
  factory.push(t.returnStatement(chunkFn));
  const wrapper = t.expressionStatement(t.functionExpression(null, [t.identifier("$rt"), t.identifier("$env")], t.blockStatement(factory)));
  const program = t.program([wrapper]);
  const out = print(program, { sourceMap, sourceFileName });
  // the statement is `(function ($rt, $env) {…});`, whose completion value (what
  // vm.Script.runInThisContext returns) is the factory.
  return { code: out.code, map: out.map };
}
