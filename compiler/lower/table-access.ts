// Inline table access: t.name, t[k] and global reads, and t[k] = v writes (plain code), that go
// straight to the table's string or array part when they can, and through $index / $setindex
// otherwise (in generator twins, through their suspendable variants; see operator.ts).
//
// The table test is `(part = o?.strs / o?.arr) !== undefined` rather than `o instanceof
// $LuaTable`: only LuaTable objects have those fields, and the instanceof (its constructor is a
// closure variable, not a constant V8 can fold) cost 15–25% of a loop that counts into a table.
import * as t from "../ast.ts";
import type { Context } from "../context.ts";
import { operator } from "./operator.ts";

const and = (...xs: t.Expression[]): t.Expression => xs.reduce((a, b) => t.logicalExpression("&&", a, b));
const undef = () => t.identifier("undefined");

/**
 * (part = o?.field) !== undefined: o is a table (no other value has a `strs` or `arr` field;
 * on a string or number the lookup misses on the prototype), and part is its string or array part.
 */
function tablePart(o: t.Identifier, field: "strs" | "arr", part: t.Identifier): t.Expression {
  return t.binaryExpression("!==", t.assignmentExpression("=", part, t.optionalMemberExpression(o, t.identifier(field))), undef());
}

/** part.name, or part["…"] for a name that is not a JS identifier. */
function property(part: t.Identifier, name: string): t.MemberExpression {
  return t.isValidIdentifier(name) ? t.memberExpression(part, t.identifier(name)) : t.memberExpression(part, t.stringLiteral(name), true);
}

/**
 * t.name with a per-site inline cache: the string part is read right here, so V8 keeps a
 * monomorphic property lookup for this line; tables without the key (metatables, other values)
 * go through $index.
 *   ($o = t, <table with ($s = $o.strs)> && ($v = $s.name) !== undefined ? $v : $index($o, "name", d))
 */
export function fieldRead(ctx: Context, obj: t.Expression, name: string, desc: t.Expression[]): t.Expression {
  const o = ctx.temp(), sp = ctx.temp(), v = ctx.temp();
  const key = property(sp, name);
  return t.sequenceExpression([
    t.assignmentExpression("=", o, obj),
    t.conditionalExpression(
      and(tablePart(o, "strs", sp), t.binaryExpression("!==", t.assignmentExpression("=", v, key), undef())),
      v,
      missIsNil(o, undefined, operator(ctx, "index", [o, t.stringLiteral(name), ...desc])),
    ),
  ]);
}

/**
 * After a miss in the string or array part: nil right here when o is a table with no metatable
 * and the key cannot be elsewhere (a string key lives only in the string part; a number key
 * missing from the array part lives in the hash part, so that must be absent); else `slow`.
 *   o?.arr !== undefined && o.metatable === undefined && <keyHere> ? undefined : slow
 */
function missIsNil(o: t.Identifier, keyHere: t.Expression | undefined, slow: t.Expression): t.Expression {
  const tests: t.Expression[] = [
    t.binaryExpression("!==", t.optionalMemberExpression(o, t.identifier("arr")), undef()),
    t.binaryExpression("===", t.memberExpression(o, t.identifier("metatable")), undef()),
  ];
  if (keyHere) tests.push(keyHere);
  return t.conditionalExpression(and(...tests), undef(), slow);
}

/**
 * The method of obj:name(…): the object's own field, else the field of its metatable's
 * __index table (the usual class layout), both read inline with per-site caches; anything else
 * (a function __index, a miss, strings, other values) through $index.
 *   ($o = obj, ($s = $o?.strs) !== undefined && ($v = $s.name) !== undefined ? $v
 *    : ($m = $o?.metatable) !== undefined && ($s = $m.strs?.__index?.strs) !== undefined && ($v = $s.name) !== undefined ? $v
 *    : $index($o, "name", d))
 */
export function methodRead(ctx: Context, o: t.Identifier, name: string, desc: t.Expression[]): t.Expression {
  const sp = ctx.temp(), v = ctx.temp(), m = ctx.temp();
  const key = () => property(sp, name);
  const hit = () => t.binaryExpression("!==", t.assignmentExpression("=", v, key()), undef());
  const opt = (e: t.Expression, f: string) => t.optionalMemberExpression(e, t.identifier(f));
  return t.conditionalExpression(
    and(tablePart(o, "strs", sp), hit()),
    v,
    t.conditionalExpression(
      and(
        t.binaryExpression("!==", t.assignmentExpression("=", m, opt(o, "metatable")), undef()),
        t.binaryExpression("!==", t.assignmentExpression("=", sp, opt(opt(opt(m, "strs"), "__index"), "strs")), undef()),
        hit(),
      ),
      v,
      operator(ctx, "index", [o, t.stringLiteral(name), ...desc]),
    ),
  );
}

/**
 * t[k] read straight from the string part when k is a string there, or from the array part
 * when k is an index inside it; anything else (hash part, metatables, other keys and values)
 * through $index. The string test comes first: a string key then costs no array-part test,
 * and a number key one typeof more (a word-counting loop ran ~4% faster; V8's type feedback
 * already removes the tests that cannot pass, so a key known to be an integer gained nothing).
 *   ($o = t, $k = k, typeof $k === "string"
 *     ? (($p = $o?.strs) !== undefined && ($v = $p[$k]) !== undefined ? $v : <miss is nil> ? undefined : $index($o, $k, d))
 *     : typeof $k === "number" && ($p = $o?.arr) !== undefined && ($v = $p[$k - 1]) !== undefined ? $v
 *     : <miss is nil, no hash part> ? undefined : $index($o, $k, d))
 */
export function elementRead(ctx: Context, obj: t.Expression, key: t.Expression, desc: t.Expression[]): t.Expression {
  const o = ctx.temp(), k = ctx.temp(), p = ctx.temp(), v = ctx.temp();
  const isNumber = () => t.binaryExpression("===", t.unaryExpression("typeof", k), t.stringLiteral("number"));
  const isString = () => t.binaryExpression("===", t.unaryExpression("typeof", k), t.stringLiteral("string"));
  const noHash = () => t.binaryExpression("===", t.memberExpression(o, t.identifier("hash")), undef());
  const hit = (part: t.Identifier, at: t.Expression) =>
    t.binaryExpression("!==", t.assignmentExpression("=", v, t.memberExpression(part, at, true)), undef());
  const arrayHit = () => and(tablePart(o, "arr", p), hit(p, t.binaryExpression("-", k, t.numericLiteral(1))));
  const slow = () => operator(ctx, "index", [o, k, ...desc]);
  // a miss with a string key, or a number key and no hash part, on a plain table is nil without a call
  const read = t.conditionalExpression(
    isString(),
    t.conditionalExpression(and(tablePart(o, "strs", p), hit(p, k)), v, missIsNil(o, undefined, slow())),
    t.conditionalExpression(and(isNumber(), arrayHit()), v, missIsNil(o, and(isNumber(), noHash()), slow())),
  );
  return t.sequenceExpression([t.assignmentExpression("=", o, obj), t.assignmentExpression("=", k, key), read]);
}

/**
 * t.name = v stored straight into the string part when t is a table that has one, v is not nil
 * (nothing to delete) and no __newindex can apply: the key is already there, or t has no
 * metatable, or its metatable has no __newindex. Objects' fields (`self.n = self.n + 1`,
 * new fields on instances of a class) stay inline; everything else goes through $setindex.
 *   ($o = t, $v = v, <table with ($s = $o.strs)> && $v !== undefined &&
 *    ($s.name !== undefined || (($m = $o.metatable) === undefined || $m.strs?.__newindex === undefined) &&
 *     ($o.keyList = undefined, true)))
 *     ? $s.name = $v : $setindex($o, "name", $v, d)
 * (a new key makes the table's key list for pairs stale: LuaTable.keyList)
 */
/** `$o.keyList = undefined`: a string key may be added to $o (see LuaTable.keyList). */
function dropKeyList(o: t.Identifier): t.Expression {
  return t.assignmentExpression("=", t.memberExpression(o, t.identifier("keyList")), undef());
}

export function fieldWrite(ctx: Context, obj: t.Expression, name: string, value: t.Expression, d: string | undefined): t.Expression {
  const o = ctx.temp(), v = ctx.temp(), sp = ctx.temp(), m = ctx.temp();
  const key = () => property(sp, name);
  const args: t.Expression[] = [o, t.stringLiteral(name), v];
  if (d) args.push(t.stringLiteral(d));
  const noNewindex = t.binaryExpression("===",
    t.optionalMemberExpression(t.memberExpression(m, t.identifier("strs")), t.identifier("__newindex")), undef());
  return t.sequenceExpression([
    t.assignmentExpression("=", o, obj),
    t.assignmentExpression("=", v, value),
    t.conditionalExpression(
      and(
        tablePart(o, "strs", sp),
        t.binaryExpression("!==", v, undef()),
        t.logicalExpression("||",
          t.binaryExpression("!==", key(), undef()),
          // a new key: no __newindex may apply, and the table's key list goes stale
          t.logicalExpression("&&",
            t.logicalExpression("||",
              t.binaryExpression("===", t.assignmentExpression("=", m, t.memberExpression(o, t.identifier("metatable"))), undef()),
              noNewindex),
            t.sequenceExpression([dropKeyList(o), t.booleanLiteral(true)]))),
      ),
      t.assignmentExpression("=", key(), v),
      t.callExpression(ctx.rt("setindex"), args),
    ),
  ]);
}

/**
 * t[k] = v stored straight into the string part when k is a string and t has one and no
 * __newindex can apply (no metatable, or one without __newindex); or into the array part when
 * k is an index inside it, or appended when it is the next one (and no hash-part key could
 * follow it: LuaTable.hashIntMax), when t has no metatable. Only for v not nil (nothing to
 * trim or delete). Everything else through $setindex. String keys are tested first, as in
 * elementRead.
 *   ($o = t, $k = k, $v = v, typeof $k === "string"
 *     ? (<table with ($p = $o.strs)> && $v !== undefined && (($m = $o.metatable) === undefined || $m.strs?.__newindex === undefined)
 *        ? ($o.keyList = undefined, $p[$k] = $v) : $setindex(…))
 *     : <table with ($p = $o.arr)> && $o.metatable === undefined && $v !== undefined && typeof $k === "number" && $k >= 1 && Number.isInteger($k)
 *        ? ($k <= $p.length ? $p[$k - 1] = $v : $k === $p.length + 1 && $k > $o.hashIntMax ? $append($o, $v) : $setindex(…))
 *        : $setindex($o, $k, $v, d))
 */
export function elementWrite(ctx: Context, obj: t.Expression, key: t.Expression, value: t.Expression, d: string | undefined): t.Expression {
  const o = ctx.temp(), k = ctx.temp(), v = ctx.temp(), p = ctx.temp();
  const len = () => t.memberExpression(p, t.identifier("length"));
  const args: t.Expression[] = [o, k, v];
  if (d) args.push(t.stringLiteral(d));
  const slow = () => t.callExpression(ctx.rt("setindex"), args);
  const notNil = () => t.binaryExpression("!==", v, undef());
  // an integer index into the array part, or the next one appended (no hash key can follow it)
  const arrayStore = (keyTests: t.Expression[]): t.Expression => t.conditionalExpression(
    and(
      tablePart(o, "arr", p),
      t.binaryExpression("===", t.memberExpression(o, t.identifier("metatable")), undef()),
      notNil(),
      ...keyTests,
      t.binaryExpression(">=", k, t.numericLiteral(1)),
    ),
    t.conditionalExpression(
      t.binaryExpression("<=", k, len()),
      t.assignmentExpression("=", t.memberExpression(p, t.binaryExpression("-", k, t.numericLiteral(1)), true), v),
      t.conditionalExpression(
        and(
          t.binaryExpression("===", k, t.binaryExpression("+", len(), t.numericLiteral(1))),
          t.binaryExpression(">", k, t.memberExpression(o, t.identifier("hashIntMax")))),
        t.callExpression(ctx.rt("append"), [o, v]),
        slow(),
      ),
    ),
    slow(),
  );
  const m = ctx.temp();
  const noNewindex = t.logicalExpression("||",
    t.binaryExpression("===", t.assignmentExpression("=", m, t.memberExpression(o, t.identifier("metatable"))), undef()),
    t.binaryExpression("===",
      t.optionalMemberExpression(t.memberExpression(m, t.identifier("strs")), t.identifier("__newindex")), undef()));
  const store = t.conditionalExpression(
    t.binaryExpression("===", t.unaryExpression("typeof", k), t.stringLiteral("string")),
    t.conditionalExpression(
      and(tablePart(o, "strs", p), notNil(), noNewindex),
      // (the key may be new: the table's key list goes stale)
      t.sequenceExpression([dropKeyList(o), t.assignmentExpression("=", t.memberExpression(p, k, true), v)]),
      slow(),
    ),
    arrayStore([
      t.binaryExpression("===", t.unaryExpression("typeof", k), t.stringLiteral("number")),
      t.callExpression(t.memberExpression(t.identifier("Number"), t.identifier("isInteger")), [k]),
    ]),
  );
  return t.sequenceExpression([
    t.assignmentExpression("=", o, obj),
    t.assignmentExpression("=", k, key),
    t.assignmentExpression("=", v, value),
    store,
  ]);
}
