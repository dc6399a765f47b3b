// Pure leaf functions: bodies that make no call and change nothing outside their own locals
// (`function(x) return x + 1 end`, `function(a, b) return a.key < b.key end`). Such a function
// has a twin only because an operator could run a metamethod that yields. Called from twin code,
// it is first run plainly (runtime/leaf.ts): any metamethod aborts that run before the
// metamethod is called, and since nothing observable happened yet, the twin then runs from the
// start. A generator per call of such a helper inside a coroutine costs ~25 ns; a plain call ~1.
import type * as L from "luaparse";
import type { Context } from "../context.ts";
import { rangeOf } from "./source.ts";

const CALLS = new Set(["CallExpression", "StringCallExpression", "TableCallExpression"]);

/** Whether an expression (outside nested function bodies) contains a call. */
function callsIn(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(callsIn);
  if (node === null || typeof node !== "object") return false;
  const n = node as Record<string, unknown> & { type?: string };
  if (n.type !== undefined && CALLS.has(n.type)) return true;
  if (n.type === "FunctionDeclaration") return false; // its body does not run here
  for (const k in n) {
    if (k === "loc" || k === "range" || k === "type") continue;
    const v = n[k];
    if (v !== null && typeof v === "object" && callsIn(v)) return true;
  }
  return false;
}

/** Walks statements with the function's own locals in scope; false at the first impure one. */
function pureBlock(ctx: Context, body: L.Statement[], scope: Set<string>[]): boolean {
  const own = new Set<string>();
  const inner = [...scope, own];
  const isOwn = (name: string) => inner.some((s) => s.has(name));
  for (const s of body) {
    switch (s.type) {
      case "LocalStatement":
        if (callsIn(s.init)) return false;
        if (s.variables.some((v) => ctx.attributes.get(rangeOf(v)[0]) === "close")) return false; // __close runs
        for (const v of s.variables) own.add(v.name);
        break;
      case "AssignmentStatement":
        if (callsIn(s.init)) return false;
        for (const v of s.variables) if (v.type !== "Identifier" || !isOwn(v.name)) return false;
        break;
      case "FunctionDeclaration":
        // `local function f` makes a closure (nothing observable); `function t.f` assigns
        if (!s.isLocal) return false;
        if (s.identifier?.type === "Identifier") own.add(s.identifier.name);
        break;
      case "ReturnStatement":
        if (callsIn(s.arguments)) return false;
        break;
      case "IfStatement":
        for (const c of s.clauses) {
          if ("condition" in c && callsIn(c.condition)) return false;
          if (!pureBlock(ctx, c.body, inner)) return false;
        }
        break;
      case "WhileStatement":
        if (callsIn(s.condition) || !pureBlock(ctx, s.body, inner)) return false;
        break;
      case "RepeatStatement":
        // (the condition sees the body's locals; it only has to make no call)
        if (callsIn(s.condition) || !pureBlock(ctx, s.body, inner)) return false;
        break;
      case "DoStatement":
        if (!pureBlock(ctx, s.body, inner)) return false;
        break;
      case "ForNumericStatement":
        if (callsIn([s.start, s.end, s.step])) return false;
        if (!pureBlock(ctx, s.body, [...inner, new Set([s.variable.name])])) return false;
        break;
      case "BreakStatement": case "GotoStatement": case "LabelStatement":
        break;
      default: // calls, generic for (it calls its iterator)
        return false;
    }
  }
  return true;
}

/** Whether function f is a pure leaf (see above). */
export function isPureLeaf(ctx: Context, f: L.FunctionDeclaration, isMethod: boolean): boolean {
  const params = new Set<string>(isMethod ? ["self"] : []);
  for (const p of f.parameters) if (p.type === "Identifier") params.add(p.name);
  return pureBlock(ctx, f.body, [params]);
}
