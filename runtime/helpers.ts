// Everything generated code may reference: the chunk factory receives this module as $rt and
// binds the names it uses to `$name` constants (see compiler/emit.ts).
export { LuaFloat, dbl, mkfloat } from "./number.ts";
export { big, norm } from "./int64.ts";
export { EMPTY, first, results, truthy } from "./value.ts";
export {
  add, addF, addFL, band, bump, divK, geK, gtK, leK, ltK, powK, bnot, bor, bxor, call, concat, div, eq, ge, gt, idiv, idivF, index, le, len, lt, mod, modF, mul, mulF, mulFL,
  neq, not, pow, setindex, site, shl, shr, sub, subF, subZero, unm,
} from "./ops.ts";
export { strs, table } from "./construct.ts";
export { LuaTable, append } from "./table.ts";
export { forin, forint, forlimit, forprep, forval, nth } from "./loops.ts";
export { fill } from "./fill.ts";
export { forstep, second } from "./forstep.ts";
// (named closeVariable: a runtime function named like a builtin, coroutine.close, would count as one in tracebacks)
export { checkclose, closeVariable as close } from "./close.ts";
export { fn, gcall, twin } from "./twin.ts";
export { SUSPEND, addT, dx, eqT, indexT, ltT, mm, setindexT, subT } from "./defer.ts";
export { yieldTwin } from "./lib/coroutine.ts";
// the builtin select, so that compiled select(i, ...) can test for it (compiler/lower/vararg-select.ts)
export { select } from "./lib/base.ts";
// a chunk compiled as an ES module registers its URL, so its stack frames map to the Lua chunk
export { registerChunk } from "./error.ts";
export { RETRY, leaf0, leaf1, leaf2, leaf3, leafA } from "./leaf.ts";
export { fnT } from "./drive.ts";
