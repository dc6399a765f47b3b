// Float locals: a pre-pass that finds locals which only ever hold floats, so the lowering can
// keep them as raw JS doubles and compute with plain JS operators (no helper calls, no boxing
// of integral values). A local qualifies when it is not captured by a nested function and every
// value assigned to it is a float expression: a float literal, another float local, or
// + - * / where the result is a float because both operands are numbers and one is a float
// (any number / any number is a float). Everything else stays on the general path.
import type * as L from "luaparse";
import { parseNumeral } from "./lower/literals.ts";

interface Decl {
  kind: "local" | "for" | "other";
  /** expressions assigned to it (undefined: something not analysable, e.g. a call's extra value) */
  values: (L.Expression | undefined)[];
  captured: boolean;
  fn: number;
}

export interface FloatInfo {
  /** declaration nodes (LocalStatement variables) of float locals */
  floats: Set<L.Node>;
  /** Identifier use → its declaration node */
  refs: Map<L.Node, L.Node>;
  decls: Map<L.Node, Decl>;
  numeralText: (n: L.NumericLiteral) => string;
}

export function analyzeFloats(ast: L.Chunk, numeralText: (n: L.NumericLiteral) => string): FloatInfo {
  const refs = new Map<L.Node, L.Node>();
  const decls = new Map<L.Node, Decl>();
  let fnCount = 0;
  const scopes: Map<string, L.Node>[] = [new Map()];
  let fn = 0;

  const declare = (id: L.Identifier, kind: Decl["kind"], values: (L.Expression | undefined)[]): void => {
    decls.set(id, { kind, values, captured: false, fn });
    scopes[scopes.length - 1].set(id.name, id);
  };
  const resolve = (name: string): L.Node | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const d = scopes[i].get(name);
      if (d) return d;
    }
    return undefined;
  };
  const use = (id: L.Identifier): L.Node | undefined => {
    const d = resolve(id.name);
    if (d) {
      refs.set(id, d);
      const info = decls.get(d)!;
      if (info.fn !== fn) info.captured = true;
    }
    return d;
  };

  const expr = (e: L.Expression | null | undefined): void => {
    if (!e) return;
    switch (e.type) {
      case "Identifier": use(e); break;
      case "BinaryExpression": case "LogicalExpression": expr(e.left); expr(e.right); break;
      case "UnaryExpression": expr(e.argument); break;
      case "MemberExpression": expr(e.base); break;
      case "IndexExpression": expr(e.base); expr(e.index); break;
      case "CallExpression": expr(e.base); e.arguments.forEach(expr); break;
      case "StringCallExpression": expr(e.base); break;
      case "TableCallExpression": expr(e.base); expr(e.arguments); break;
      case "TableConstructorExpression":
        for (const f of e.fields) {
          if (f.type === "TableKey") expr(f.key);
          expr(f.value);
        }
        break;
      case "FunctionDeclaration": func(e); break;
      default: break;
    }
  };
  const func = (f: L.FunctionDeclaration): void => {
    const saved = fn;
    fn = ++fnCount;
    scopes.push(new Map());
    for (const p of f.parameters) if (p.type === "Identifier") declare(p, "other", [undefined]);
    block(f.body, false);
    scopes.pop();
    fn = saved;
  };
  const block = (body: L.Statement[], newScope = true): void => {
    if (newScope) scopes.push(new Map());
    for (const s of body) stmt(s);
    if (newScope) scopes.pop();
  };
  const stmt = (s: L.Statement): void => {
    switch (s.type) {
      case "LocalStatement": {
        s.init.forEach(expr);
        const n = s.init.length;
        const last = s.init[n - 1];
        const expands = last !== undefined && (last.type === "CallExpression" || last.type === "StringCallExpression" ||
          last.type === "TableCallExpression" || last.type === "VarargLiteral");
        s.variables.forEach((v, i) => {
          const value = i < n && !(expands && i >= n - 1 && s.variables.length > n) ? s.init[i] : undefined;
          declare(v, "local", [value]);
        });
        break;
      }
      case "AssignmentStatement": {
        s.init.forEach(expr);
        s.variables.forEach((v, i) => {
          if (v.type === "Identifier") {
            const d = use(v);
            if (d) decls.get(d)!.values.push(s.init.length === s.variables.length ? s.init[i] : undefined);
          } else expr(v);
        });
        break;
      }
      case "CallStatement": expr(s.expression); break;
      case "FunctionDeclaration":
        if (s.isLocal && s.identifier?.type === "Identifier") declare(s.identifier, "other", [undefined]);
        else if (s.identifier?.type === "Identifier") {
          const d = use(s.identifier);
          if (d) decls.get(d)!.values.push(undefined);
        } else if (s.identifier) expr(s.identifier);
        func(s);
        break;
      case "ReturnStatement": s.arguments.forEach(expr); break;
      case "IfStatement":
        for (const c of s.clauses) {
          if (c.type !== "ElseClause") expr(c.condition);
          block(c.body);
        }
        break;
      case "WhileStatement": expr(s.condition); block(s.body); break;
      case "RepeatStatement": scopes.push(new Map()); block(s.body, false); expr(s.condition); scopes.pop(); break;
      case "DoStatement": block(s.body); break;
      case "ForNumericStatement":
        expr(s.start); expr(s.end); expr(s.step);
        scopes.push(new Map());
        declare(s.variable, "for", [undefined]);
        block(s.body, false);
        scopes.pop();
        break;
      case "ForGenericStatement":
        s.iterators.forEach(expr);
        scopes.push(new Map());
        for (const v of s.variables) declare(v, "other", [undefined]);
        block(s.body, false);
        scopes.pop();
        break;
      default: break;
    }
  };
  block(ast.body, false);

  const info: FloatInfo = { floats: new Set(), refs, decls, numeralText };
  for (const [node, d] of decls) {
    if (d.kind === "local" && !d.captured && d.values.every((v) => v !== undefined)) info.floats.add(node);
  }
  // shrink to a fixpoint: drop locals with any non-float value
  for (let changed = true; changed;) {
    changed = false;
    for (const node of info.floats) {
      if (!decls.get(node)!.values.every((v) => isFloatExpr(info, v!))) {
        info.floats.delete(node);
        changed = true;
      }
    }
  }
  return info;
}

/** Whether e always yields a float (given the current float locals). */
export function isFloatExpr(info: FloatInfo, e: L.Expression): boolean {
  switch (e.type) {
    case "NumericLiteral":
      return "float" in parseNumeral(info.numeralText(e));
    case "Identifier": {
      const d = info.refs.get(e);
      return d !== undefined && info.floats.has(d);
    }
    case "UnaryExpression":
      return e.operator === "-" && isFloatExpr(info, e.argument);
    case "BinaryExpression": {
      const op = e.operator as string;
      if (op === "/") return isNumeric(info, e.left) && isNumeric(info, e.right);
      if (op === "+" || op === "-" || op === "*") {
        return (isFloatExpr(info, e.left) && isNumeric(info, e.right)) || (isNumeric(info, e.left) && isFloatExpr(info, e.right));
      }
      return false;
    }
    default:
      return false;
  }
}

/** Whether e always yields a number (integer or float), never anything else and never an error. */
export function isNumeric(info: FloatInfo, e: L.Expression): boolean {
  switch (e.type) {
    case "NumericLiteral":
      return true;
    case "Identifier": {
      const d = info.refs.get(e);
      if (d === undefined) return false;
      if (info.floats.has(d)) return true;
      const decl = info.decls.get(d)!;
      if (decl.kind === "for") return decl.values.length === 1; // never assigned in the body
      // a local only ever given numeric literals (`local N = 400`)
      return decl.kind === "local" && decl.values.every((v) => v !== undefined && (v.type === "NumericLiteral" ||
        (v.type === "UnaryExpression" && v.operator === "-" && v.argument.type === "NumericLiteral")));
    }
    case "UnaryExpression":
      return e.operator === "-" && isNumeric(info, e.argument);
    case "BinaryExpression":
      return isFloatExpr(info, e);
    default:
      return false;
  }
}
