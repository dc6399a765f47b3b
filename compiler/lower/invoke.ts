// Call sites. Plain code:  $call(f, "global 'f'")(args)
// Generator twins (code that may run in a coroutine):
//   ($t = f, ($g = $twin($t)) === undefined ? $call($t, d)(args) : yield* $g(args))
// where arguments that contain calls, functions or suspensions are first evaluated into
// temporaries (not duplicated): ($t = f, $a = g(), ($g = $twin($t)) === undefined ? … ($a) …)
// (a generic `yield* $gcall(f, d, args)` generator cost a second generator, an argument array
// and a spread per call: fib(35) in a coroutine went from 2.2 s to ~1 s without it)
import * as t from "../ast.ts";
import type { Context } from "../context.ts";

type Arg = t.Expression | t.SpreadElement;

/** Whether an argument contains no Lua call (`$call(f)(…)`), function or suspension. */
function isSimple(node: t.Node): boolean {
  let simple = true;
  t.traverseFast(node, (n) => {
    if (t.isFunction(n) || t.isYieldExpression(n)) simple = false;
    if (t.isCallExpression(n) && !t.isIdentifier(n.callee)) simple = false;
  });
  return simple;
}

function recordSite(ctx: Context, a: Arg, d: t.Expression | undefined): Arg {
  const desc = d ?? t.identifier("undefined");
  if (t.isSpreadElement(a)) return t.spreadElement(t.callExpression(ctx.rt("site"), [a.argument, desc]));
  return t.callExpression(ctx.rt("site"), [a, desc]);
}

/** `$results(call)`: the spread of a last argument that is a call. */
function isResultsCall(e: t.Expression): e is t.CallExpression {
  return t.isCallExpression(e) && t.isIdentifier(e.callee, { name: "$results" });
}

/**
 * f(a, g()) in plain code without an array for g's single result:
 *   ($f = $call(f, d), $a = a, $r = $site(g(), d), Array.isArray($r) ? $f($a, ...$r) : $f($a, $r))
 * Arguments before the call go into temporaries (Lua evaluates them before g runs). A direct
 * callee (see invokeDirect) needs neither $call nor $site.
 */
function passResults(ctx: Context, callee: t.Expression, d: t.Expression[] | undefined, args: Arg[]): t.Expression {
  const f = ctx.temp(), r = ctx.temp();
  const seq: t.Expression[] = [t.assignmentExpression("=", f, d === undefined ? callee : t.callExpression(ctx.rt("call"), [callee, ...d]))];
  const fixed = args.slice(0, -1).map((a) => {
    if (t.isNumericLiteral(a) || t.isStringLiteral(a) || t.isIdentifier(a, { name: "undefined" })) return a;
    const tmp = ctx.temp();
    seq.push(t.assignmentExpression("=", tmp, a as t.Expression));
    return tmp;
  });
  const inner = ((args[args.length - 1] as t.SpreadElement).argument as t.CallExpression).arguments[0] as t.Expression;
  seq.push(t.assignmentExpression("=", r,
    d === undefined ? inner : t.callExpression(ctx.rt("site"), [inner, d[0] ?? t.identifier("undefined")])));
  seq.push(t.conditionalExpression(
    t.callExpression(t.memberExpression(t.identifier("Array"), t.identifier("isArray")), [r]),
    t.callExpression(f, [...fixed, t.spreadElement(r)]),
    t.callExpression(f, [...fixed, r]),
  ));
  return t.sequenceExpression(seq);
}

/**
 * A call in plain code to a local that always holds a Lua function (Binding.luaFunction):
 * `f(args)`. It can only be a function, so there is no $call check, and a Lua function needs
 * no recorded call site (that names builtins in argument errors).
 */
export function invokeDirect(ctx: Context, callee: t.Expression, args: Arg[]): t.Expression {
  const last = args[args.length - 1];
  if (last !== undefined && t.isSpreadElement(last) && isResultsCall(last.argument)) return passResults(ctx, callee, undefined, args);
  return t.callExpression(callee, args);
}

/** Invokes callee with args; `self`, when given, is passed first (method calls). */
export function invoke(ctx: Context, callee: t.Expression, desc: string | undefined, args: Arg[]): t.Expression {
  const d: t.Expression[] = desc ? [t.stringLiteral(desc)] : [];
  if (!ctx.fn.generator) {
    const last = args[args.length - 1];
    if (last !== undefined && t.isSpreadElement(last) && isResultsCall(last.argument)) return passResults(ctx, callee, d, args);
    // $call records the call site's name for argument errors; calls inside the arguments run
    // after it, so then the last argument records it again: f(a, $site(g(), d))
    if (args.length > 0 && !args.every(isSimple)) args = [...args.slice(0, -1), recordSite(ctx, args[args.length - 1], d[0])];
    return t.callExpression(t.callExpression(ctx.rt("call"), [callee, ...d]), args);
  }
  const f = ctx.temp(), g = ctx.temp();
  const pre: t.Expression[] = [t.assignmentExpression("=", f, callee)];
  // up to three plain arguments: a pure leaf callee is first run plainly (runtime/leaf.ts),
  // and its twin only if that run meets a metamethod, so arguments must be evaluated once
  const leafArity = args.length <= 3 && !args.some((a) => t.isSpreadElement(a));
  if (!args.every(isSimple) || !args.every(isTrivial)) {
    // arguments that call or suspend are evaluated once, in order, into temporaries (after
    // the callee, as Lua does), so that both branches below can pass them
    args = args.map((a) => {
      if (isTrivial(a)) return a;
      const tmp = ctx.temp();
      if (t.isSpreadElement(a)) {
        pre.push(t.assignmentExpression("=", tmp, a.argument));
        return t.spreadElement(tmp);
      }
      pre.push(t.assignmentExpression("=", tmp, a));
      return tmp;
    });
  }
  // coroutine.yield itself is the most frequent twin call: yield its arguments directly
  // instead of entering its generator (same values in and out)
  return t.sequenceExpression([
    ...pre,
    t.conditionalExpression(
      t.binaryExpression("===", t.assignmentExpression("=", g, t.callExpression(ctx.rt("twin"), [f])), t.identifier("undefined")),
      t.callExpression(t.callExpression(ctx.rt("call"), [f, ...d]), args),
      t.conditionalExpression(
        t.binaryExpression("===", g, ctx.rt("yieldTwin")),
        // one value is yielded as is (the result convention), others as an array
        t.yieldExpression(args.length === 1 && !t.isSpreadElement(args[0])
          ? t.cloneNode(args[0] as t.Expression) : t.arrayExpression(args.map((a) => t.cloneNode(a)))),
        leafArity ? leafFirst(ctx, f, g, args as t.Expression[]) : leafFirstArray(ctx, f, g, args),
      ),
    ),
  ]);
}

/** `$f.$l === true && ($r = $leafN($f, args)) !== $RETRY ? $r : yield* $g(args)` */
function leafFirst(ctx: Context, f: t.Identifier, g: t.Identifier, args: t.Expression[]): t.Expression {
  const r = ctx.temp();
  return t.conditionalExpression(
    t.logicalExpression("&&",
      t.binaryExpression("===", t.memberExpression(f, t.identifier("$l")), t.booleanLiteral(true)),
      t.binaryExpression("!==",
        t.assignmentExpression("=", r, t.callExpression(ctx.rt(`leaf${args.length}`), [f, ...args.map((a) => t.cloneNode(a))])),
        ctx.rt("RETRY"))),
    r,
    t.yieldExpression(t.callExpression(g, args.map((a) => t.cloneNode(a))), true),
  );
}

/**
 * The same for spread or more than three arguments, through one array:
 * `($a = [args], $f.$l === true && ($r = $leafA($f, $a)) !== $RETRY) ? $r : yield* $g(...$a)`
 */
function leafFirstArray(ctx: Context, f: t.Identifier, g: t.Identifier, args: Arg[]): t.Expression {
  const r = ctx.temp(), arr = ctx.temp();
  return t.conditionalExpression(
    t.sequenceExpression([
      t.assignmentExpression("=", arr, t.arrayExpression(args.map((a) => t.cloneNode(a)))),
      t.logicalExpression("&&",
        t.binaryExpression("===", t.memberExpression(f, t.identifier("$l")), t.booleanLiteral(true)),
        t.binaryExpression("!==", t.assignmentExpression("=", r, t.callExpression(ctx.rt("leafA"), [f, arr])), ctx.rt("RETRY"))),
    ]),
    r,
    t.yieldExpression(t.callExpression(g, [t.spreadElement(arr)]), true),
  );
}

/** An argument that reads nothing that could run code: a local or a literal (evaluated twice safely). */
function isTrivial(a: Arg): boolean {
  if (t.isIdentifier(a) || t.isNumericLiteral(a) || t.isStringLiteral(a) || a.type === "BooleanLiteral" || a.type === "BigIntLiteral") return true;
  return a.type === "UnaryExpression" && a.operator === "-" && (t.isNumericLiteral(a.argument) || a.argument.type === "BigIntLiteral");
}
