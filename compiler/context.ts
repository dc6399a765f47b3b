// Per-compile state: scopes and bindings, per-function temporaries, runtime helpers used,
// hoisted constants, goto label targets and loop labels.
import * as t from "./ast.ts";
import type { Attribute } from "./parse.ts";
import { jsName } from "./names.ts";
import { nextToken } from "./next-token.ts";
import type { FloatInfo } from "./floats.ts";

export interface Binding {
  lua: string;
  js: string;
  fn: FunctionState;
  attrib?: Attribute;
  /** a float local held as a raw JS double (see floats.ts) */
  float?: boolean;
  /** a compile-time constant (`local x <const> = "s"`, `= 42`, …): lua5.4 keeps no variable
   *  for it, so errors name it `constant 's'` when it is a string and not at all otherwise */
  constant?: { str?: string };
  /** a `local function` whose name is never assigned: it always holds that Lua function, so
   *  plain code calls it directly, without $call */
  luaFunction?: boolean;
}

export interface GotoTarget {
  /** JS label of the wrapper; `continue` for backward jumps, `break` for forward ones */
  js: string;
  kind: "break" | "continue";
  /** the label's line, for "already defined on line N" */
  line: number;
  /** the label's source offset: a label conflicts only with same-named ones defined before it */
  offset: number;
}

export interface LoopState {
  label: string;
  /** set when a `break` had to name the loop because a goto wrapper loop sits in between */
  labelled: boolean;
  wrappersInside: number;
}

/** A local function whose self tail calls become a loop (proper tail calls without a stack). */
export interface TailSelf {
  binding: Binding;
  /** JS names that hold the next iteration's arguments */
  holders: string[];
  label: string;
  used: boolean;
}

export class FunctionState {
  readonly parent: FunctionState | undefined;
  tailSelf: TailSelf | undefined;
  /** how many `<close>` blocks enclose the code being lowered (no tail calls inside) */
  closeDepth = 0;
  readonly isVararg: boolean;
  /** lowering the generator twin: calls may suspend (`yield*`) */
  readonly generator: boolean;
  temps: string[] = [];
  loops: LoopState[] = [];
  /** Lua locals registered and in scope (lua5.4 allows 200 per function, hidden ones included) */
  active = 0;
  /** the line where the function starts (undefined: the main chunk), for limit errors */
  line: number | undefined = undefined;
  /** source offset just past the function's `end` (undefined: the main chunk, which ends at EOF) */
  end: number | undefined = undefined;
  constructor(parent: FunctionState | undefined, isVararg: boolean, generator = false) {
    this.parent = parent;
    this.isVararg = isVararg;
    this.generator = generator;
  }
}

export class Scope {
  readonly parent: Scope | undefined;
  readonly fn: FunctionState;
  readonly vars = new Map<string, Binding>();
  readonly gotos = new Map<string, GotoTarget>();
  /** locals registered in this block (a redeclared name counts again, as in Lua) */
  count = 0;
  constructor(parent: Scope | undefined, fn: FunctionState) {
    this.parent = parent;
    this.fn = fn;
  }
}

export class Context {
  readonly chunk: string;
  readonly source: string;
  readonly attributes: Map<number, Attribute>;
  readonly helpers = new Set<string>();
  /** global names read or written through the chunk environment (for `assay build`) */
  readonly globals = new Set<string>();
  /** float locals and identifier resolution from the pre-pass (floats.ts) */
  floats: FloatInfo | undefined;
  /** names assigned anywhere in the chunk (a local function with such a name is not a loop candidate) */
  assignedNames = new Set<string>();
  readonly constants: t.VariableDeclarator[] = [];
  private readonly constantIds = new Map<string, string>();
  private readonly nameCounts = new Map<string, number>();
  private labelCount = 0;
  scope: Scope;
  fn: FunctionState;
  /** line of the `end` of the block being lowered (for errors raised when closing) */
  blockEndLine: number | undefined;

  constructor(chunk: string, source: string, attributes: Map<number, Attribute>) {
    this.chunk = chunk;
    this.source = source;
    this.attributes = attributes;
    this.floats = undefined;
    this.fn = new FunctionState(undefined, true);
    this.scope = new Scope(undefined, this.fn);
  }

  /** Identifier of runtime helper `name` (`$name`), recording that the chunk uses it. */
  rt(name: string): t.Identifier {
    this.helpers.add(name);
    return t.identifier("$" + name);
  }

  /** A hoisted constant computed once per chunk (boxed floats, big literals). */
  constant(key: string, init: () => t.Expression): t.Identifier {
    let id = this.constantIds.get(key);
    if (id === undefined) {
      id = `$k${this.constantIds.size + 1}`;
      this.constantIds.set(key, id);
      this.constants.push(t.variableDeclarator(t.identifier(id), init()));
    }
    return t.identifier(id);
  }

  temp(): t.Identifier {
    const name = `$t${this.fn.temps.length + 1}`;
    this.fn.temps.push(name);
    return t.identifier(name);
  }

  label(base: string): string {
    return `${base.replace(/[^A-Za-z0-9_]/g, "_")}$${++this.labelCount}`;
  }

  private lineStarts: number[] | undefined;

  /**
   * The line lua5.4 reports for an error raised once the parser has moved past `offset`: the
   * line of the next token (for the end of the main chunk, the line of <eof>).
   */
  lineAfter(offset: number): number {
    return this.position(nextToken(this.source, offset).offset).line;
  }

  /** The line of the error for gotos left unresolved in the current function (at its end). */
  functionEndLine(): number {
    return this.lineAfter(this.fn.end ?? this.source.length);
  }

  /** 1-based line and 0-based column of a source offset. */
  position(offset: number): { line: number; column: number } {
    if (this.lineStarts === undefined) {
      this.lineStarts = [0];
      for (let i = 0; i < this.source.length; i++) if (this.source.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
    const ls = this.lineStarts;
    let lo = 0, hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - ls[lo] };
  }

  pushScope(): void {
    this.scope = new Scope(this.scope, this.fn);
  }
  popScope(): void {
    this.fn.active -= this.scope.count;
    this.scope = this.scope.parent!;
  }

  pushFunction(isVararg: boolean, generator = false, line?: number, end?: number): FunctionState {
    this.fn = new FunctionState(this.fn, isVararg, generator);
    this.fn.line = line;
    this.fn.end = end;
    this.scope = new Scope(this.scope, this.fn);
    return this.fn;
  }
  popFunction(): void {
    this.scope = this.scope.parent!;
    this.fn = this.fn.parent!;
  }

  /**
   * Counts n locals registered in the current block; past lua5.4's limit of 200 per function,
   * raises its error. `after`: source offset just past the name (the error is "near" the next token).
   */
  reserve(n: number, after: number | undefined): void {
    this.scope.count += n;
    this.fn.active += n;
    if (this.fn.active <= MAXVARS) return;
    const where = this.fn.line === undefined ? "main function" : `function at line ${this.fn.line}`;
    const tok = after === undefined ? undefined : nextToken(this.source, after);
    const line = tok === undefined ? 0 : this.position(tok.offset).line;
    const near = tok === undefined ? "" : tok.text === "" ? " near <eof>" : ` near '${tok.text}'`;
    throw new CompileError(line, `too many local variables (limit is ${MAXVARS}) in ${where}${near}`);
  }

  /** Declares a Lua local in the current scope; returns its binding with a unique JS name. */
  declare(lua: string, attrib?: Attribute, after?: number): Binding {
    this.reserve(1, after);
    const base = jsName(lua);
    const n = this.nameCounts.get(base) ?? 0;
    this.nameCounts.set(base, n + 1);
    const js = n === 0 ? base : `${base}$${n}`;
    const b: Binding = { lua, js, fn: this.fn, attrib };
    this.scope.vars.set(lua, b);
    return b;
  }

  resolve(lua: string): Binding | undefined {
    for (let s: Scope | undefined = this.scope; s; s = s.parent) {
      const b = s.vars.get(lua);
      if (b) return b;
    }
    return undefined;
  }

  findGoto(name: string): GotoTarget | undefined {
    for (let s: Scope | undefined = this.scope; s && s.fn === this.fn; s = s.parent) {
      const g = s.gotos.get(name);
      if (g) return g;
    }
    return undefined;
  }
}

/** lparser.c MAXVARS: active locals per function. */
const MAXVARS = 200;

export class CompileError extends Error {
  readonly line: number;
  readonly text: string;
  constructor(line: number, text: string) {
    super(text);
    this.line = line;
    this.text = text;
  }
}
