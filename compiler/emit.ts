// Emission: wraps a chunk body into its factory function and prints it (compiler/print.ts keeps
// each Lua line's code on that line; a source map is produced on request).
import * as t from "./ast.ts";
import type { Context } from "./context.ts";
import { print } from "./print.ts";

export interface EmitOptions {
  sourceMap?: boolean;
  /**
   * Emit an ES module importing its helpers from this specifier (runtime/helpers.ts or what a
   * bundler resolves to it) instead of the factory expression; see docs/architecture.md.
   */
  module?: string;
}

/**
 * Factory form, what the runner evaluates with vm.Script (runtime/chunk.ts):
 *   (function ($rt, $env) {
 *     const $index = $rt.index, …;          // the helpers this chunk uses
 *     const $k1 = new $LuaFloat(2);         // hoisted constants
 *     return function $chunk(...$va) { … };
 *   })
 * ES module form (options.module), all of its header on line 1 so lines stay the Lua lines:
 *   import { index as $index, …, registerChunk as $registerChunk } from "<module>";
 *   $registerChunk(import.meta.url, "<chunk name>");
 *   export default (function ($env) { const $k1 = …; return function $chunk(...$va) { … }; });
 */
export function emitChunk(ctx: Context, body: t.Statement[], sourceFileName: string, options: EmitOptions = {}): { code: string; map: unknown } {
  const fnBody = [...body];
  if (ctx.fn.temps.length > 0) {
    fnBody.unshift(t.variableDeclaration("let", ctx.fn.temps.map((n) => t.variableDeclarator(t.identifier(n)))));
  }
  fnBody.push(t.returnStatement(ctx.rt("EMPTY")));
  const chunkFn = t.functionExpression(t.identifier("$chunk"), [t.restElement(t.identifier("$va"))], t.blockStatement(fnBody));
  const factory: t.Statement[] = [];
  const helpers = [...ctx.helpers].sort();
  const esm = options.module !== undefined;
  if (helpers.length > 0 && !esm) {
    factory.push(t.variableDeclaration("const", helpers.map((h) =>
      t.variableDeclarator(t.identifier("$" + h), t.memberExpression(t.identifier("$rt"), t.identifier(h))))));
  }
  if (ctx.constants.length > 0) factory.push(t.variableDeclaration("const", ctx.constants));
  factory.push(t.returnStatement(chunkFn));
  const params = esm ? [t.identifier("$env")] : [t.identifier("$rt"), t.identifier("$env")];
  const wrapper = t.expressionStatement(t.functionExpression(null, params, t.blockStatement(factory)));
  const program = t.program([wrapper]);
  let prefix: string | undefined;
  if (esm) {
    const names = [...helpers, "registerChunk"].map((h) => `${h} as $${h}`).join(", ");
    prefix = `import { ${names} } from ${JSON.stringify(options.module)};` +
      `$registerChunk(import.meta.url, ${JSON.stringify(sourceFileName)});export default `;
  }
  const out = print(program, { sourceMap: options.sourceMap ?? true, sourceFileName, prefix });
  // the factory statement is `(function ($rt, $env) {…});`, whose completion value (what
  // vm.Script.runInThisContext returns) is the factory.
  return { code: out.code, map: out.map };
}
