// JS AST builders: Babel-shaped nodes (the @babel/types interfaces) built as plain objects,
// without @babel/types' run-time field validation, which cost a third of the compile time.
// Only the node kinds the lowering emits; compiler/print.ts prints them.
import type * as B from "@babel/types";

export type * from "@babel/types";

type Expr = B.Expression;
type Stmt = B.Statement;

/** Each builder's literal starts with `loc: undefined`, so setting the location later keeps the shape. */
const node = <T extends B.Node>(fields: Record<string, unknown>): T => fields as unknown as T;

export const identifier = (name: string): B.Identifier => node({ loc: undefined, type: "Identifier", name });
export const numericLiteral = (value: number): B.NumericLiteral => node({ loc: undefined, type: "NumericLiteral", value });
export const stringLiteral = (value: string): B.StringLiteral => node({ loc: undefined, type: "StringLiteral", value });
export const booleanLiteral = (value: boolean): B.BooleanLiteral => node({ loc: undefined, type: "BooleanLiteral", value });
export const bigIntLiteral = (value: bigint): B.BigIntLiteral => node({ loc: undefined, type: "BigIntLiteral", value });

export const callExpression = (callee: Expr, args: (Expr | B.SpreadElement)[]): B.CallExpression =>
  node({ loc: undefined, type: "CallExpression", callee, arguments: args });
export const newExpression = (callee: Expr, args: (Expr | B.SpreadElement)[]): B.NewExpression =>
  node({ loc: undefined, type: "NewExpression", callee, arguments: args });
export const binaryExpression = (operator: B.BinaryExpression["operator"], left: Expr, right: Expr): B.BinaryExpression =>
  node({ loc: undefined, type: "BinaryExpression", operator, left, right });
export const logicalExpression = (operator: B.LogicalExpression["operator"], left: Expr, right: Expr): B.LogicalExpression =>
  node({ loc: undefined, type: "LogicalExpression", operator, left, right });
export const assignmentExpression = (operator: string, left: B.LVal | Expr, right: Expr): B.AssignmentExpression =>
  node({ loc: undefined, type: "AssignmentExpression", operator, left, right });
export const unaryExpression = (operator: B.UnaryExpression["operator"], argument: Expr, prefix = true): B.UnaryExpression =>
  node({ loc: undefined, type: "UnaryExpression", operator, argument, prefix });
export const conditionalExpression = (test: Expr, consequent: Expr, alternate: Expr): B.ConditionalExpression =>
  node({ loc: undefined, type: "ConditionalExpression", test, consequent, alternate });
export const sequenceExpression = (expressions: Expr[]): B.SequenceExpression =>
  node({ loc: undefined, type: "SequenceExpression", expressions });
export const memberExpression = (object: Expr, property: Expr | B.Identifier, computed = false): B.MemberExpression =>
  node({ loc: undefined, type: "MemberExpression", object, property, computed });
/** o?.name (only a plain name: the inline table test) */
export const optionalMemberExpression = (object: Expr, property: B.Identifier): B.OptionalMemberExpression =>
  node({ loc: undefined, type: "OptionalMemberExpression", object, property, computed: false, optional: true });
export const arrayExpression = (elements: (Expr | B.SpreadElement | null)[] = []): B.ArrayExpression =>
  node({ loc: undefined, type: "ArrayExpression", elements });
export const spreadElement = (argument: Expr): B.SpreadElement => node({ loc: undefined, type: "SpreadElement", argument });
export const restElement = (argument: B.Identifier): B.RestElement => node({ loc: undefined, type: "RestElement", argument });
export const arrayPattern = (elements: (B.Identifier | null)[]): B.ArrayPattern => node({ loc: undefined, type: "ArrayPattern", elements });
export const yieldExpression = (argument: Expr | null = null, delegate = false): B.YieldExpression =>
  node({ loc: undefined, type: "YieldExpression", argument, delegate });
export const functionExpression = (
  id: B.Identifier | null | undefined, params: (B.Identifier | B.RestElement)[], body: B.BlockStatement, generator = false,
): B.FunctionExpression => node({ loc: undefined, type: "FunctionExpression", id: id ?? null, params, body, generator, async: false });

export const expressionStatement = (expression: Expr): B.ExpressionStatement => node({ loc: undefined, type: "ExpressionStatement", expression });
export const variableDeclaration = (kind: "let" | "const" | "var", declarations: B.VariableDeclarator[]): B.VariableDeclaration =>
  node({ loc: undefined, type: "VariableDeclaration", kind, declarations });
export const variableDeclarator = (id: B.Identifier | B.ArrayPattern, init: Expr | null = null): B.VariableDeclarator =>
  node({ loc: undefined, type: "VariableDeclarator", id, init });
export const blockStatement = (body: Stmt[]): B.BlockStatement => node({ loc: undefined, type: "BlockStatement", body, directives: [] });
export const returnStatement = (argument: Expr | null = null): B.ReturnStatement => node({ loc: undefined, type: "ReturnStatement", argument });
export const ifStatement = (test: Expr, consequent: Stmt, alternate: Stmt | null = null): B.IfStatement =>
  node({ loc: undefined, type: "IfStatement", test, consequent, alternate });
export const whileStatement = (test: Expr, body: Stmt): B.WhileStatement => node({ loc: undefined, type: "WhileStatement", test, body });
export const forStatement = (init: B.VariableDeclaration | Expr | null, test: Expr | null, update: Expr | null, body: Stmt): B.ForStatement =>
  node({ loc: undefined, type: "ForStatement", init, test, update, body });
export const breakStatement = (label: B.Identifier | null = null): B.BreakStatement => node({ loc: undefined, type: "BreakStatement", label });
export const continueStatement = (label: B.Identifier | null = null): B.ContinueStatement => node({ loc: undefined, type: "ContinueStatement", label });
export const labeledStatement = (label: B.Identifier, body: Stmt): B.LabeledStatement => node({ loc: undefined, type: "LabeledStatement", label, body });
export const throwStatement = (argument: Expr): B.ThrowStatement => node({ loc: undefined, type: "ThrowStatement", argument });
export const tryStatement = (block: B.BlockStatement, handler: B.CatchClause | null = null, finalizer: B.BlockStatement | null = null): B.TryStatement =>
  node({ loc: undefined, type: "TryStatement", block, handler, finalizer });
export const catchClause = (param: B.Identifier | null, body: B.BlockStatement): B.CatchClause => node({ loc: undefined, type: "CatchClause", param, body });
export const program = (body: Stmt[]): B.Program => node({ loc: undefined, type: "Program", body, directives: [], sourceType: "script" });

type Maybe = B.Node | null | undefined;
export const isIdentifier = (n: Maybe, opts?: { name?: string }): n is B.Identifier =>
  n?.type === "Identifier" && (opts?.name === undefined || n.name === opts.name);
export const isNumericLiteral = (n: Maybe): n is B.NumericLiteral => n?.type === "NumericLiteral";
export const isStringLiteral = (n: Maybe): n is B.StringLiteral => n?.type === "StringLiteral";
export const isSpreadElement = (n: Maybe): n is B.SpreadElement => n?.type === "SpreadElement";
export const isCallExpression = (n: Maybe): n is B.CallExpression => n?.type === "CallExpression";
export const isYieldExpression = (n: Maybe): n is B.YieldExpression => n?.type === "YieldExpression";
export const isFunction = (n: Maybe): n is B.FunctionExpression => n?.type === "FunctionExpression";

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** A name usable after `.` (reserved words are valid property names since ES5). */
export const isValidIdentifier = (name: string): boolean => IDENT.test(name);

function isNode(v: unknown): v is B.Node {
  return v !== null && typeof v === "object" && typeof (v as { type?: unknown }).type === "string";
}

/** Calls enter on node and every node below it (depth first, parents first). */
export function traverseFast(n: B.Node, enter: (n: B.Node) => void): void {
  enter(n);
  for (const k in n) {
    if (k === "loc" || k === "type") continue;
    const v = (n as unknown as Record<string, unknown>)[k];
    if (Array.isArray(v)) {
      for (const c of v) if (isNode(c)) traverseFast(c, enter);
    } else if (isNode(v)) {
      traverseFast(v, enter);
    }
  }
}

/** A deep copy (locations shared). */
export function cloneNode<T extends B.Node>(n: T): T {
  const out: Record<string, unknown> = {};
  for (const k in n) {
    const v = (n as unknown as Record<string, unknown>)[k];
    if (k === "loc") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.map((c) => (isNode(c) ? cloneNode(c) : c));
    else out[k] = isNode(v) ? cloneNode(v) : v;
  }
  return out as T;
}
