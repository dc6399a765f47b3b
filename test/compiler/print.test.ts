// The JS printer (compiler/print.ts): parentheses, escapes, line retention and source maps,
// checked by evaluating what it prints.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import * as t from "../../compiler/ast.ts";
import { print } from "../../compiler/print.ts";

const onLine = <T extends t.Node>(n: T, line: number): T => {
  n.loc = { start: { line, column: 4, index: 0 }, end: { line, column: 4, index: 0 }, filename: "", identifierName: undefined };
  return n;
};
const printed = (body: t.Statement[], sourceMap = false) => print(t.program(body), { sourceMap, sourceFileName: "x.lua" });
/** Prints `return <e>` inside a function and evaluates it. */
const value = (e: t.Expression): unknown => {
  const { code } = printed([t.returnStatement(e)]);
  return new Function(code)();
};
const n = (v: number) => t.numericLiteral(v);
const id = t.identifier;

test("parenthesises by precedence and associativity", () => {
  assert.equal(value(t.binaryExpression("-", n(10), t.binaryExpression("-", n(4), n(3)))), 9);
  assert.equal(value(t.binaryExpression("-", t.binaryExpression("-", n(10), n(4)), n(3))), 3);
  assert.equal(value(t.binaryExpression("*", t.binaryExpression("+", n(1), n(2)), n(3))), 9);
  assert.equal(value(t.logicalExpression("&&", t.logicalExpression("||", n(0), n(2)), n(3))), 3);
  assert.equal(value(t.conditionalExpression(t.conditionalExpression(n(0), n(1), n(0)), n(5), n(6))), 6);
  assert.equal(value(t.binaryExpression("+", n(1), t.sequenceExpression([n(2), n(3)]))), 4);
  assert.equal(value(t.unaryExpression("-", n(-5))), 5);
  assert.equal(value(t.unaryExpression("-", t.unaryExpression("-", n(5)))), 5);
  assert.equal(value(t.unaryExpression("typeof", n(1))), "number");
  assert.equal(value(t.binaryExpression("===", t.unaryExpression("void", n(0)), id("undefined"))), true);
  assert.equal(value(t.binaryExpression("-", n(1), n(-1))), 2);
});

test("calls, members and new on awkward callees", () => {
  const f = t.functionExpression(null, [id("x")], t.blockStatement([t.returnStatement(t.binaryExpression("*", id("x"), n(2)))]));
  assert.equal(value(t.callExpression(f, [n(21)])), 42);
  assert.equal(value(t.memberExpression(n(5), id("constructor"))), Number);
  assert.equal(value(t.memberExpression(t.arrayExpression([n(7), n(8)]), n(1), true)), 8);
  assert.deepEqual(value(t.newExpression(id("Array"), [n(1), n(2)])), [1, 2]);
  assert.deepEqual(value(t.callExpression(t.memberExpression(t.arrayExpression([n(1)]), id("concat")),
    [t.spreadElement(t.arrayExpression([n(2), n(3)]))])), [1, 2, 3]);
});

test("strings keep every byte", () => {
  let all = "";
  for (let c = 0; c < 256; c++) all += String.fromCharCode(c);
  all += "\u2028\u2029\uffff";
  assert.equal(value(t.stringLiteral(all)), all);
});

test("a statement that starts with a function expression is parenthesised", () => {
  const f = t.functionExpression(null, [], t.blockStatement([]));
  const { code } = printed([t.expressionStatement(f)]);
  assert.match(code, /^\(function/);
  assert.doesNotThrow(() => new Function(code));
});

test("keeps nodes on their lines; a return argument moved down stays the return's argument", () => {
  const ret = t.returnStatement(onLine(t.binaryExpression("+", onLine(n(40), 3), n(2)), 3));
  const { code } = printed([onLine(t.returnStatement(null), 1), ret].slice(1));
  assert.equal(code.split("\n").length, 3);
  assert.equal(new Function(code)(), 42);
  const y = t.functionExpression(null, [], t.blockStatement([
    t.expressionStatement(t.yieldExpression(onLine(n(7), 4))),
  ]), true);
  const { code: gen } = printed([t.returnStatement(y)]);
  assert.equal((new Function(gen)() as () => Iterator<number>)().next().value, 7);
});

test("the source map points generated positions back to Lua lines", () => {
  const call = onLine(t.callExpression(id("f"), []), 5);
  const { code, map } = printed([t.expressionStatement(n(1)), t.expressionStatement(call)], true);
  const lines = code.split("\n");
  assert.equal(lines.length, 5);
  const col = lines[4].indexOf("f(");
  const pos = originalPositionFor(new TraceMap(map as never), { line: 5, column: col });
  assert.equal(pos.line, 5);
  assert.equal(pos.source, "x.lua");
});
