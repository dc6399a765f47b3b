// JS printer for the lowering's AST (compiler/ast.ts): parentheses from operator precedence,
// line retention (a node with a Lua location starts on that Lua line, so a JS line is the Lua
// line) and, on request, a source map. Replaces @babel/generator, which was half the compile time.
import { encode, type SourceMapSegment } from "@jridgewell/sourcemap-codec";
import type * as t from "./ast.ts";

const BINARY_PREC: Record<string, number> = {
  "||": 4, "??": 4, "&&": 5, "|": 6, "^": 7, "&": 8,
  "==": 9, "!=": 9, "===": 9, "!==": 9,
  "<": 10, ">": 10, "<=": 10, ">=": 10, "instanceof": 10, "in": 10,
  "<<": 11, ">>": 11, ">>>": 11, "+": 12, "-": 12, "*": 13, "/": 13, "%": 13, "**": 14,
};
const SEQ = 1, ASSIGN = 2, COND = 3, UNARY = 15, CALL = 17, PRIMARY = 18;

function precedence(n: t.Node): number {
  switch (n.type) {
    case "SequenceExpression": return SEQ;
    case "AssignmentExpression": case "YieldExpression": return ASSIGN;
    case "ConditionalExpression": return COND;
    case "LogicalExpression": case "BinaryExpression": return BINARY_PREC[n.operator];
    case "UnaryExpression": return UNARY;
    case "CallExpression": case "NewExpression": case "MemberExpression": case "OptionalMemberExpression": return CALL;
    case "NumericLiteral": return n.value < 0 || Object.is(n.value, -0) ? UNARY : PRIMARY;
    default: return PRIMARY;
  }
}

/** The node whose text an expression starts with (a statement may not start with `function`). */
function leftmost(n: t.Node): t.Node {
  for (;;) {
    switch (n.type) {
      case "CallExpression": n = n.callee; break;
      case "MemberExpression": n = n.object; break;
      case "BinaryExpression": case "LogicalExpression": case "AssignmentExpression": n = n.left; break;
      case "ConditionalExpression": n = n.test; break;
      case "SequenceExpression": n = n.expressions[0]; break;
      default: return n;
    }
  }
}

function quote(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 34 && c !== 92) continue;
    out += s.slice(start, i);
    start = i + 1;
    if (c === 34) out += '\\"';
    else if (c === 92) out += "\\\\";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c <= 0xff) out += "\\x" + (c < 16 ? "0" : "") + c.toString(16);
    else out += "\\u" + c.toString(16).padStart(4, "0");
  }
  return out + s.slice(start) + '"';
}

function numberText(v: number): string {
  if (Object.is(v, -0)) return "-0";
  return String(v);
}

export interface Printed {
  code: string;
  map: { version: 3; sources: string[]; names: string[]; mappings: string } | undefined;
}

class Printer {
  /** the output so far, one byte per char (it is all ASCII: string literals are escaped) */
  private buf = new Uint8Array(1 << 16);
  private len = 0;
  private line = 1;
  private column = 0;
  /** a return/throw/yield argument has printed nothing yet: a line break there needs a '(' */
  private terminatorless = false;
  private opened = false;
  private readonly lines: SourceMapSegment[][] | undefined;

  constructor(map: boolean) {
    this.lines = map ? [[]] : undefined;
  }

  result(sourceFileName: string): Printed {
    const code = Buffer.from(this.buf.buffer, 0, this.len).toString("latin1");
    if (this.lines === undefined) return { code, map: undefined };
    return { code, map: { version: 3, sources: [sourceFileName], names: [], mappings: encode(this.lines) } };
  }

  /** Text without a mapping (no newlines). */
  text(s: string): void {
    this.write(s);
  }

  private write(s: string): void {
    this.terminatorless = false;
    this.append(s);
    this.column += s.length;
  }

  /** Appends text (a byte array, not a string: a string of many small appends is a rope of
   *  tiny pieces, and collecting those was a quarter of the compile time). */
  private append(s: string): void {
    const n = s.length;
    if (this.len + n > this.buf.length) {
      const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
      bigger.set(this.buf.subarray(0, this.len));
      this.buf = bigger;
    }
    const b = this.buf;
    let at = this.len;
    for (let i = 0; i < n; i++) b[at++] = s.charCodeAt(i);
    this.len = at;
  }

  /** Line retention: moves to the node's Lua line, and records its position in the map. */
  private enter(n: t.Node): void {
    const loc = n.loc;
    if (!loc) return;
    const target = loc.start.line;
    if (target > this.line) {
      if (this.terminatorless) {
        this.write("(");
        this.opened = true;
      }
      this.append("\n".repeat(target - this.line));
      if (this.lines !== undefined) for (let i = this.line; i < target; i++) this.lines.push([]);
      this.line = target;
      this.column = 0;
    }
    this.lines?.[this.line - 1].push([this.column, 0, target - 1, loc.start.column]);
  }

  /** An argument after a keyword that may not be followed by a line break (return, throw, yield). */
  private restricted(e: t.Expression): void {
    const saved = this.opened;
    this.opened = false;
    this.terminatorless = true;
    this.expr(e, ASSIGN);
    this.terminatorless = false;
    if (this.opened) this.write(")");
    this.opened = saved;
  }

  expr(n: t.Node, min: number): void {
    if (precedence(n) < min) {
      this.write("(");
      this.exprInner(n);
      this.write(")");
    } else {
      this.exprInner(n);
    }
  }

  private list(items: (t.Node | null)[]): void {
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.write(", ");
      const e = items[i];
      if (e !== null) this.expr(e, ASSIGN);
    }
  }

  private exprInner(n: t.Node): void {
    this.enter(n);
    switch (n.type) {
      case "Identifier": this.write(n.name); return;
      case "NumericLiteral": this.write(numberText(n.value)); return;
      case "StringLiteral": this.write(quote(n.value)); return;
      case "BooleanLiteral": this.write(n.value ? "true" : "false"); return;
      case "BigIntLiteral": this.write(String(n.value) + "n"); return;
      case "SequenceExpression":
        for (let i = 0; i < n.expressions.length; i++) {
          if (i > 0) this.write(", ");
          this.expr(n.expressions[i], ASSIGN);
        }
        return;
      case "AssignmentExpression":
        this.expr(n.left, CALL);
        this.write(" " + n.operator + " ");
        this.expr(n.right, ASSIGN);
        return;
      case "YieldExpression":
        this.write(n.delegate ? "yield*" : "yield");
        if (n.argument) {
          this.write(" ");
          this.restricted(n.argument);
        }
        return;
      case "ConditionalExpression":
        this.expr(n.test, COND + 1);
        this.write(" ? ");
        this.expr(n.consequent, ASSIGN);
        this.write(" : ");
        this.expr(n.alternate, ASSIGN);
        return;
      case "LogicalExpression":
      case "BinaryExpression": {
        const p = BINARY_PREC[n.operator];
        // `in` is parenthesised everywhere so that it never clashes with a for-in head
        const wrap = n.operator === "in";
        if (wrap) this.write("(");
        this.expr(n.left as t.Expression, p === 14 ? p + 1 : p);
        this.write(" " + n.operator + " ");
        this.expr(n.right, p === 14 ? p : p + 1);
        if (wrap) this.write(")");
        return;
      }
      case "UnaryExpression": {
        const op = n.operator;
        this.write(op === "typeof" || op === "void" || op === "delete" ? op + " " : op);
        const a = n.argument;
        const clash = (op === "-" || op === "+") && precedence(a) === UNARY;
        this.expr(a, clash ? UNARY + 1 : UNARY);
        return;
      }
      case "CallExpression":
        this.callee(n.callee as t.Expression);
        this.write("(");
        this.list(n.arguments as t.Node[]);
        this.write(")");
        return;
      case "NewExpression": {
        this.write("new ");
        const c = n.callee as t.Expression;
        const simple = c.type === "Identifier" || (c.type === "MemberExpression" && !c.computed && c.object.type === "Identifier");
        if (simple) this.expr(c, CALL);
        else {
          this.write("(");
          this.expr(c, SEQ);
          this.write(")");
        }
        this.write("(");
        this.list(n.arguments as t.Node[]);
        this.write(")");
        return;
      }
      case "MemberExpression":
        this.callee(n.object as t.Expression);
        if (n.computed) {
          this.write("[");
          this.expr(n.property, SEQ);
          this.write("]");
        } else {
          this.write("." + (n.property as t.Identifier).name);
        }
        return;
      case "OptionalMemberExpression":
        this.callee(n.object as t.Expression);
        this.write("?." + (n.property as t.Identifier).name);
        return;
      case "ArrayExpression":
      case "ArrayPattern":
        this.write("[");
        this.list(n.elements as (t.Node | null)[]);
        this.write("]");
        return;
      case "SpreadElement":
      case "RestElement":
        this.write("...");
        this.expr(n.argument, ASSIGN);
        return;
      case "FunctionExpression":
        this.write(n.generator ? "function*" : "function");
        if (n.id) this.write(" " + n.id.name);
        this.write(" (");
        this.list(n.params);
        this.write(") ");
        this.statement(n.body);
        return;
      default:
        throw new Error(`print: unsupported expression ${n.type}`);
    }
  }

  /** The object of a member expression or the callee of a call. */
  private callee(c: t.Expression): void {
    if (c.type === "FunctionExpression" || c.type === "NumericLiteral" || c.type === "NewExpression") {
      this.write("(");
      this.expr(c, SEQ);
      this.write(")");
    } else {
      this.expr(c, CALL);
    }
  }

  private declaration(d: t.VariableDeclaration): void {
    this.enter(d);
    this.write(d.kind + " ");
    for (let i = 0; i < d.declarations.length; i++) {
      if (i > 0) this.write(", ");
      const v = d.declarations[i];
      this.enter(v);
      this.expr(v.id, PRIMARY);
      if (v.init) {
        this.write(" = ");
        this.expr(v.init, ASSIGN);
      }
    }
  }

  statement(s: t.Statement): void {
    switch (s.type) {
      case "ExpressionStatement": {
        this.enter(s);
        const e = s.expression;
        const l = leftmost(e).type;
        if (l === "FunctionExpression" || l === "ObjectExpression") {
          this.write("(");
          this.expr(e, SEQ);
          this.write(")");
        } else {
          this.expr(e, SEQ);
        }
        this.write(";");
        return;
      }
      case "VariableDeclaration":
        this.declaration(s);
        this.write(";");
        return;
      case "BlockStatement":
        this.enter(s);
        this.write("{");
        for (const b of s.body) this.statement(b);
        this.write("}");
        return;
      case "ReturnStatement":
        this.enter(s);
        this.write("return");
        if (s.argument) {
          this.write(" ");
          this.restricted(s.argument);
        }
        this.write(";");
        return;
      case "ThrowStatement":
        this.enter(s);
        this.write("throw ");
        this.restricted(s.argument);
        this.write(";");
        return;
      case "IfStatement": {
        this.enter(s);
        this.write("if (");
        this.expr(s.test, SEQ);
        this.write(") ");
        // a consequent that is not a block could capture the else (dangling else)
        const braces = s.alternate !== null && s.alternate !== undefined && s.consequent.type !== "BlockStatement";
        if (braces) this.write("{");
        this.statement(s.consequent);
        if (braces) this.write("}");
        if (s.alternate) {
          this.write(" else ");
          this.statement(s.alternate);
        }
        return;
      }
      case "WhileStatement":
        this.enter(s);
        this.write("while (");
        this.expr(s.test, SEQ);
        this.write(") ");
        this.statement(s.body);
        return;
      case "ForStatement":
        this.enter(s);
        this.write("for (");
        if (s.init) {
          if (s.init.type === "VariableDeclaration") this.declaration(s.init);
          else this.expr(s.init, SEQ);
        }
        this.write("; ");
        if (s.test) this.expr(s.test, SEQ);
        this.write("; ");
        if (s.update) this.expr(s.update, SEQ);
        this.write(") ");
        this.statement(s.body);
        return;
      case "BreakStatement":
      case "ContinueStatement":
        this.enter(s);
        this.write(s.type === "BreakStatement" ? "break" : "continue");
        if (s.label) this.write(" " + s.label.name);
        this.write(";");
        return;
      case "LabeledStatement":
        this.enter(s);
        this.write(s.label.name + ": ");
        this.statement(s.body);
        return;
      case "TryStatement":
        this.enter(s);
        this.write("try ");
        this.statement(s.block);
        if (s.handler) {
          this.write(" catch ");
          if (s.handler.param) this.write("(" + (s.handler.param as t.Identifier).name + ") ");
          this.statement(s.handler.body);
        }
        if (s.finalizer) {
          this.write(" finally ");
          this.statement(s.finalizer);
        }
        return;
      case "EmptyStatement":
        this.write(";");
        return;
      default:
        throw new Error(`print: unsupported statement ${s.type}`);
    }
  }
}

/** Prints a program; with `sourceMap`, also a v3 source map back to the Lua positions. */
/** `prefix` is text put first on line 1 (an ES module's imports), counted in the map's columns. */
export function print(program: t.Program, options: { sourceMap: boolean; sourceFileName: string; prefix?: string }): Printed {
  const p = new Printer(options.sourceMap);
  if (options.prefix !== undefined) p.text(options.prefix);
  for (const s of program.body) p.statement(s);
  return p.result(options.sourceFileName);
}
