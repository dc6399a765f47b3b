// One-line Lua → the JS the compiler emits for the chunk body: the lowering table of
// docs/architecture.md, held exact, so a change to the output is a deliberate one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { compile } from "../../compiler/index.ts";

/** The chunk function's body without its temporaries' declaration and the final return. */
function body(src: string): string {
  const code = compile(src, "t.lua", { sourceMap: false }).code;
  const start = code.indexOf("$chunk (...$va) {") + "$chunk (...$va) {".length;
  return code.slice(start, code.lastIndexOf("return $EMPTY;};});")).replace(/^let (\$t\d+(, )?)+;/, "");
}

const ROWS: [string, string, string][] = [
  ["integer numeral", "local x = 1",
    "let x = 1;"],
  ["integer past 2^53: a bigint literal", "local x = 9007199254740993",
    "let x = 9007199254740993n;"],
  ["float local held as a raw double", "local x = 2.0",
    "let x = 2;"],
  ["hex float", "local x = 0x1p4",
    "let x = 16;"],
  ["string escapes decoded at compile time", "local s = 'a\\tb\\x41\\u{48}\\065'",
    "let s = \"a\\tbAHA\";"],
  ["arithmetic through a helper with operand names", "local a, b = 1, 2; local c = a + b",
    "let a = 1, b = 2;let c = $add(a, b, \"local 'a'\", \"local 'b'\");"],
  ["concatenation", "local a; local c = a .. 'x'",
    "let a = undefined;let c = $concat(a, \"x\", \"local 'a'\", \"constant 'x'\");"],
  ["and/or keep Lua values", "local a, b; local c = a and b or 1",
    "let a = undefined, b = undefined;let c = ($t1 = ($t2 = a, $t2 === undefined || $t2 === false ? $t2 : b), $t1 === undefined || $t1 === false ? 1 : $t1);"],
  ["not", "local a; local c = not a",
    "let a = undefined;let c = !$truthy(a);"],
  ["comparison", "local a, b; if a < b then a = b end",
    "let a = undefined, b = undefined;if ($lt(a, b)) {a = b;}"],
  ["equality", "local a, b; local c = a == b",
    "let a = undefined, b = undefined;let c = $eq(a, b);"],
  ["global call", "print('hi')",
    "$call(($t1 = $env, ($t2 = $t1?.strs) !== undefined && ($t3 = $t2.print) !== undefined ? $t3 : $t1?.arr !== undefined && $t1.metatable === undefined ? undefined : $index($t1, \"print\", \"upvalue '_ENV'\")), \"global 'print'\")(\"hi\");"],
  ["field read inline", "local t = {}; local v = t.k",
    "let t = $table();let v = ($t1 = t, ($t2 = $t1?.strs) !== undefined && ($t3 = $t2.k) !== undefined ? $t3 : $t1?.arr !== undefined && $t1.metatable === undefined ? undefined : $index($t1, \"k\", \"local 't'\"));"],
  ["element read inline", "local t = {}; local v = t[1]",
    "let t = $table();let v = ($t1 = t, $t2 = 1, typeof $t2 === \"string\" ? ($t3 = $t1?.strs) !== undefined && ($t4 = $t3[$t2]) !== undefined ? $t4 : $t1?.arr !== undefined && $t1.metatable === undefined ? undefined : $index($t1, $t2, \"local 't'\") : typeof $t2 === \"number\" && (($t3 = $t1?.arr) !== undefined && ($t4 = $t3[$t2 - 1]) !== undefined) ? $t4 : $t1?.arr !== undefined && $t1.metatable === undefined && (typeof $t2 === \"number\" && $t1.hash === undefined) ? undefined : $index($t1, $t2, \"local 't'\"));"],
  ["field write inline (a new key drops the pairs key list)", "local t = {}; t.k = 1",
    "let t = $table();$t1 = t, $t2 = 1, ($t3 = $t1?.strs) !== undefined && $t2 !== undefined && ($t3.k !== undefined || (($t4 = $t1.metatable) === undefined || $t4.strs?.__newindex === undefined) && ($t1.keyList = undefined, true)) ? $t3.k = $t2 : $setindex($t1, \"k\", $t2, \"local 't'\");"],
  ["element write inline", "local t, k = {}, 'x'; t[k] = 2",
    "let t = $table(), k = \"x\";$t1 = t, $t2 = k, $t3 = 2, typeof $t2 === \"string\" ? ($t4 = $t1?.strs) !== undefined && $t3 !== undefined && (($t5 = $t1.metatable) === undefined || $t5.strs?.__newindex === undefined) ? ($t1.keyList = undefined, $t4[$t2] = $t3) : $setindex($t1, $t2, $t3, \"local 't'\") : ($t4 = $t1?.arr) !== undefined && $t1.metatable === undefined && $t3 !== undefined && typeof $t2 === \"number\" && Number.isInteger($t2) && $t2 >= 1 ? $t2 <= $t4.length ? $t4[$t2 - 1] = $t3 : $t2 === $t4.length + 1 && $t2 > $t1.hashIntMax ? $append($t1, $t3) : $setindex($t1, $t2, $t3, \"local 't'\") : $setindex($t1, $t2, $t3, \"local 't'\");"],
  ["table constructor", "local t = {1, 2, x = 3}",
    "let t = $table([1, 2], undefined, ($t1 = $strs(), $t1.x = 3, $t1));"],
  ["method call", "local o; o:m(1)",
    "let o = undefined;$t1 = o, $call(($t2 = $t1?.strs) !== undefined && ($t3 = $t2.m) !== undefined ? $t3 : ($t4 = $t1?.metatable) !== undefined && ($t2 = $t4?.strs?.__index?.strs) !== undefined && ($t3 = $t2.m) !== undefined ? $t3 : $index($t1, \"m\", \"local 'o'\"), \"method 'm'\")($t1, 1);"],
  ["self tail call becomes a loop", "local function f(n) if n == 0 then return 0 end return f(n - 1) end",
    "let f = $fn(function f$f ($a0) {let $t1, $t2;tail$1: while (true) {let n = $a0;if (($t1 = n) === 0 || (typeof $t1 === \"object\" || typeof $t1 === \"bigint\") && $eq($t1, 0)) {return 0;}{$t2 = $sub(n, 1, \"local 'n'\");$a0 = $t2;continue tail$1;}}}, function* f$g ($a0) {let $t1, $t2, $t3, $t4;tail$2: while (true) {let n$1 = $a0;if (($t1 = n$1) === 0 || (typeof $t1 === \"object\" || typeof $t1 === \"bigint\") && (($t2 = $eqT($t1, 0)) === $SUSPEND ? yield* $mm() : $t2)) {return 0;}{$t3 = ($t4 = $subT(n$1, 1, \"local 'n'\")) === $SUSPEND ? yield* $mm() : $t4;$a0 = $t3;continue tail$2;}}});"],
  ["numeric for", "for i = 1, 10 do end",
    "for (let $i2 = 1, $e2 = $forlimit(10, true); $i2 <= $e2; $i2 += 1) {let i = $i2;}"],
  ["generic for", "local t; for k, v in pairs(t) do end",
    "let t = undefined;{let $p1 = $forin($results($call(($t1 = $env, ($t2 = $t1?.strs) !== undefined && ($t3 = $t2.pairs) !== undefined ? $t3 : $t1?.arr !== undefined && $t1.metatable === undefined ? undefined : $index($t1, \"pairs\", \"upvalue '_ENV'\")), \"global 'pairs'\")(t))), $f1 = $p1[0], $st1 = $p1[1], $c1 = $p1[2], $x1 = $p1[3], $xe1;try {for (; ; ) {let k = $forstep($f1, $st1, $c1), v = $second.v;if (k === undefined) break;$c1 = k;}} catch ($e) {$xe1 = $e;throw $e;} finally {if ($x1 !== undefined) $close($x1, $xe1);}}"],
  ["while", "while true do break end",
    "while (true) {break;}"],
  ["repeat", "local i = 0; repeat i = i + 1 until i > 3",
    "let i = 0;loop$1: while (true) {i = $add(i, 1, \"local 'i'\");if ($gt(i, 3)) break loop$1;}"],
  ["goto continue", "for i = 1, 3 do if i == 2 then goto continue end ::continue:: end",
    "for (let $i2 = 1, $e2 = $forlimit(3, true); $i2 <= $e2; $i2 += 1) {let i = $i2;continue$3: {if (($t1 = i) === 2 || (typeof $t1 === \"object\" || typeof $t1 === \"bigint\") && $eq($t1, 2)) {break continue$3;}}}"],
  ["const local", "local x <const> = 5; local y = x",
    "let x = 5;let y = x;"],
  ["float arithmetic on raw doubles", "local zr, zi = 0.0, 0.0; zr = zr * zr - zi * zi",
    "let zr = 0, zi = 0;zr = zr * zr - zi * zi;"],
  ["64-bit chain fused", "local seed = 1; seed = seed * 6364136223846793005 + 1442695040888963407",
    "let seed = 1;seed = typeof seed === \"bigint\" || Number.isInteger(seed) ? $norm(BigInt.asIntN(64, $big(seed) * 6364136223846793005n + 1442695040888963407n)) : $add($mul(seed, 6364136223846793005n, \"local 'seed'\"), 1442695040888963407n);"],
];

for (const [what, lua, js] of ROWS) {
  test(`lowers ${what}: ${lua}`, () => {
    assert.equal(body(lua), js);
  });
}

test("a syntax error is a LuaSyntaxError with Lua's wording, not a JS error", () => {
  assert.throws(() => compile("local x = = 1", "t.lua"), /^.*t\.lua:1: unexpected symbol near '='/);
});
