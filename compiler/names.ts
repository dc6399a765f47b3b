// JS-safe names for Lua identifiers: reserved words get a `$` suffix; compiler names contain `$`.

const JS_RESERVED = new Set(
  ("abstract arguments await boolean byte case catch char class const continue debugger default " +
    "delete double enum eval export extends final finally float for function goto implements import " +
    "in instanceof int interface let long native new null package private protected public return " +
    "short static super switch synchronized this throw throws transient try typeof var void volatile " +
    "with yield undefined NaN Infinity Object Array Math Number String Symbol Error Buffer globalThis " +
    "BigInt Map Set process require module exports").split(" "),
);

/** The JS spelling of a Lua name (before any same-scope renaming). */
export function jsName(luaName: string): string {
  return JS_RESERVED.has(luaName) ? luaName + "$" : luaName;
}
