// Random Lua programs for differential tests against lua5.4: expressions over values of every
// type (operators, coercions, library calls, patterns; each under pcall, printed with its
// subtype), numeric for loops with edge bounds and steps, and string.format specifications.
// Seeded, so a failing seed can be regenerated and read.

/** mulberry32: a small seeded generator, enough for choosing among alternatives. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
}

const NUMS = ["0", "1", "-1", "7", "-7", "2^53", "2^63", "3.5", "-0.0", "1e308", "1e-310", "0.1", "1/3", "-2.5",
  "math.maxinteger", "math.mininteger", "255", "0x7fffffff", "0xff", "1e15", "123456789012", "-9007199254740993",
  "2.0", "100", "3", "-3", "0.5", "1e100", "6", "-6"];
const STRS = ["'10'", "'0x1F'", "' 5 '", "'abc'", "''", "'3.25'", "'1e2'", "'hello world'", "'a,b,,c'", "'%d'",
  "'x=1, y=22'", "'\\0z'", "'\\195\\132'", "'  trim  '", "'-12'", "'0x'", "'1e'", "'inf'", "'nan'"];
const OTHER = ["nil", "true", "false", "{}", "{1,2,3}", "print"];
const BINARY = ["+", "-", "*", "/", "//", "%", "^", "..", "==", "~=", "<", "<=", ">", ">=", "&", "|", "~", "<<", ">>", "and", "or"];
const UNARY = ["-", "not", "#", "~"];
const PATS = ["'%d+'", "'(%w+)=(%w+)'", "'^%s*(.-)%s*$'", "'[aeiou]'", "'.'", "'%a*'", "'x*'", "'(%d)(%d)'", "'[^,]*'",
  "'%f[%w]%w+'", "'%b()'", "'()a'", "'%'", "'[a-'", "'(()'", "'%z'", "'%1'"];
const REPLS = ["'#'", "'%1'", "'%0%0'", "'%%'", "''", "{a='A'}", "string.upper", "'%2'", "'%9'"];
const FMTS = ["'%d'", "'%5.2f'", "'%s'", "'%x'", "'%X'", "'%g'", "'%.3g'", "'%q'", "'%i|%s'", "'%c'", "'%-5s|'", "'%.3s'",
  "'%e'", "'%a'", "'%o'", "'%+d'", "'% d'", "'%05d'", "'%10.4f'", "'%.0f'", "'%#x'", "'%.14g'", "'%u'", "'%%'", "'%5'"];

function value(r: Rng, depth: number): string {
  const x = r.next();
  if (depth <= 0 || x < 0.3) {
    const y = r.next();
    return y < 0.55 ? r.pick(NUMS) : y < 0.85 ? r.pick(STRS) : r.pick(OTHER);
  }
  const v = () => value(r, depth - 1);
  if (x < 0.55) return `(${v()} ${r.pick(BINARY)} ${v()})`;
  if (x < 0.62) return `(${r.pick(UNARY)} ${v()})`;
  switch (r.int(0, 16)) {
    case 0: return `string.format(${r.pick(FMTS)}, ${v()})`;
    case 1: return `string.find(${v()}, ${r.pick(PATS)}, ${r.pick(["1", "-3", "nil", "100", "0"])})`;
    case 2: return `string.match(${v()}, ${r.pick(PATS)})`;
    case 3: return `string.gsub(${v()}, ${r.pick(PATS)}, ${r.pick(REPLS)})`;
    case 4: return `select('#', string.byte(${v()}, ${r.pick(["1", "-1", "-100", "2"])}, ${r.pick(["-1", "3", "100"])}))`;
    case 5: return `string.sub(${v()}, ${r.pick(NUMS)}, ${r.pick(NUMS)})`;
    case 6: return `math.tointeger(${v()})`;
    case 7: return `tostring(${v()})`;
    case 8: return `tonumber(${v()}, ${r.pick(["2", "16", "36", "10", "nil", "1", "37", "8"])})`;
    case 9: return `tonumber(${v()})`;
    case 10: return `string.rep(${v()}, ${r.pick(["0", "1", "3", "-1"])}, ${r.pick(["nil", "','", "''"])})`;
    case 11: return `utf8.len(${v()})`;
    case 12: return `table.concat({${v()}, ${v()}}, ${r.pick(["','", "nil", "1"])})`;
    case 13: return `math.${r.pick(["max", "min", "fmod", "ult"])}(${v()}, ${v()})`;
    case 14: return `math.${r.pick(["floor", "ceil", "abs", "type", "sqrt", "exp", "log", "modf"])}(${v()})`;
    case 15: return `string.${r.pick(["upper", "lower", "len", "reverse"])}(${v()})`;
    default: return `select(${r.pick(["1", "2", "-1", "-2", "'#'", "0", "5"])}, ${v()}, ${v()}, ${v()})`;
  }
}

/**
 * `count` random expressions, each printed as `ok subtype:value …`. Addresses and the sign of
 * NaN are normalised (synthetic addresses and NaN signs are documented differences).
 */
export function expressionProgram(seed: number, count: number, inCoroutine = false): string {
  const r = new Rng(seed);
  const lines = [
    // addresses (also upper-cased or reversed by the expression) and NaN signs
    "local function norm(s) return (s:gsub('0[xX]%x%x%x%x%x%x+', 'ADDR'):gsub('%x%x%x%x%x%x+[xX]0', 'RDDA'):gsub('%-?nan', 'NAN'):gsub('%-?NAN', 'NAN'):gsub('nan%-', 'NAN')) end",
    "local function show(ok, ...) local t = table.pack(...) local o = {tostring(ok)} for i = 1, t.n do local v = t[i] " +
      "o[#o+1] = (math.type(v) or type(v)) .. ':' .. (type(v) == 'table' and 'tbl' or type(v) == 'function' and 'fn' or norm(tostring(v))) end " +
      "print(table.concat(o, ' ')) end",
  ];
  // inside a coroutine, the statements run as generator twins (calls through twins, leaf runs)
  if (inCoroutine) lines.push("coroutine.wrap(function()");
  for (let i = 0; i < count; i++) lines.push(`show(pcall(function() local x = ${value(r, r.int(1, 3))} return x end))`);
  if (inCoroutine) lines.push("end)()");
  return lines.join("\n") + "\n";
}

/** The same expressions, run inside a coroutine. */
export function coroutineExpressionProgram(seed: number, count: number): string {
  return expressionProgram(seed, count, true);
}

const FOR_VALUES = ["0", "1", "-1", "3", "10", "-10", "0.5", "-0.5", "2.5", "1e300", "-1e300", "math.maxinteger",
  "math.mininteger", "math.maxinteger - 1", "math.mininteger + 2", "2^53", "-2^53", "1/0", "-1/0", "0/0", "'3'", "'1.5'",
  "nil", "{}", "9007199254740993", "0x7ffffffffffffffe", "7.0", "-3.0", "100000"];

/** `count` numeric for loops with random bounds and steps: iterations, first and last values, or the error. */
export function forLoopProgram(seed: number, count: number): string {
  const r = new Rng(seed);
  const lines = ["local function run(a, b, c) local n, first, last = 0, nil, nil local ok, err = pcall(function() " +
    "if c == nil then for i = a, b do n = n + 1; first = first or i; last = i; if n > 50 then break end end " +
    "else for i = a, b, c do n = n + 1; first = first or i; last = i; if n > 50 then break end end end end) " +
    "print(ok, ok and n or err, math.type(first), first, last) end"];
  for (let i = 0; i < count; i++) {
    lines.push(`run(${r.pick(FOR_VALUES)}, ${r.pick(FOR_VALUES)}, ${r.next() < 0.2 ? "nil" : r.pick(FOR_VALUES)})`);
  }
  return lines.join("\n") + "\n";
}

const FORMAT_VALUES = ["0", "1", "-1", "3.14159", "-2.5", "1e300", "1e-300", "2^63", "math.maxinteger", "math.mininteger",
  "0.1", "123456789", "1/3", "-0.0", "1e15", "1e16", "999999.5", "0.000123456", "5e-324", "1.7976931348623157e308",
  "255", "65", "-65", "2^53+1", "1e21", "12345.6789", "0.5", "1.5", "2.5"];

/** `count` string.format calls with random flags, width, precision and conversion. */
export function formatProgram(seed: number, count: number): string {
  const r = new Rng(seed);
  const lines = ["local function f(fmt, v) local ok, r = pcall(string.format, fmt, v) print(fmt, ok, r) end"];
  for (let i = 0; i < count; i++) {
    const flags = [..."-+ #0"].filter(() => r.next() < 0.2).join("");
    const width = r.next() < 0.6 ? "" : String(r.int(0, 25));
    const p = r.next();
    const prec = p < 0.5 ? "" : p < 0.9 ? "." + r.int(0, 20) : ".";
    lines.push(`f('%${flags}${width}${prec}${r.pick([..."dixXofeEgGaAcsq"])}', ${r.pick(FORMAT_VALUES)})`);
  }
  return lines.join("\n") + "\n";
}

const PACK_FMTS = ["'i4'", "'<i8'", "'>I2'", "'b'", "'B'", "'h'", "'H'", "'j'", "'J'", "'d'", "'f'", "'n'", "'s1'", "'z'",
  "'i3'", "'<i16'", "'!4 i3'", "'c5'", "'xi4'", "'=I5'", "'>j'", "'T'", "'i0'", "'i17'", "'Xi4'"];
const DATE_FMTS = ["'!%Y-%m-%d %H:%M:%S'", "'!%c'", "'!%x %X %p'", "'!%j %U %W %w %a %A %b %B'", "'!%y %e %D %F %T %R'",
  "'!%G %g %V %u'", "'!%%'", "'!%Ez'", "'!%q'", "'!*t'", "'*t'"];

function libValue(r: Rng, depth: number): string {
  const v = () => (depth <= 0 || r.next() < 0.4 ? (r.next() < 0.6 ? r.pick(NUMS) : r.pick(STRS)) : libValue(r, depth - 1));
  switch (r.int(0, 14)) {
    case 0: return `string.pack(${r.pick(PACK_FMTS)}, ${v()})`;
    case 1: return `string.unpack(${r.pick(PACK_FMTS)}, string.pack(${r.pick(PACK_FMTS)}, ${v()}) .. '\0\0\0\0\0\0\0\0\0')`;
    case 2: return `string.packsize(${r.pick(PACK_FMTS)})`;
    case 3: return `utf8.char(${r.pick(["72", "228", "8364", "128512", "0x7FFFFFFF", "-1", "0x10FFFF", "0xD800"])}, ${r.pick(["65", "0", "1114111"])})`;
    case 4: return `utf8.codepoint(${r.pick(["'h\\195\\169llo'", "'\\u{10FFFF}x'", "'\\xff'", "'abc'", "''"])}, ${r.pick(["1", "-1", "2", "0", "10"])}, ${r.pick(["1", "-1", "3", "nil"])})`;
    case 5: return `utf8.offset(${r.pick(["'h\\195\\169llo'", "'a\\u{20AC}b'", "'abc'"])}, ${r.pick(["1", "-1", "2", "0", "3", "-3", "9"])}, ${r.pick(["nil", "1", "2", "-1", "4"])})`;
    case 6: return `utf8.len(${r.pick(["'h\\195\\169llo'", "'\\xff'", "'abc'", "'\\u{7FFFFFFF}'"])}, ${r.pick(["1", "-1", "2", "0", "-9"])}, ${r.pick(["nil", "-1", "2", "10"])}, ${r.pick(["nil", "true"])})`;
    case 7: return `os.date(${r.pick(DATE_FMTS)}, ${r.pick(["0", "86399", "1700000000", "951782400", "-86400", "253402300799", "1e20", "1.5"])})`;
    case 8: return `os.time({year = ${r.pick(["2024", "1970", "2000", "1969", "'2001'", "2024.0", "1e10"])}, month = ${r.pick(["1", "2", "13", "0", "-1", "12"])}, day = ${r.pick(["1", "29", "31", "0", "400"])}, hour = ${r.pick(["0", "12", "25", "nil"])}, isdst = false})`;
    case 9: return `table.concat({${v()}, ${v()}, ${v()}}, ${r.pick(["'-'", "''"])}, ${r.pick(["1", "2", "0", "-1"])}, ${r.pick(["3", "2", "1", "5"])})`;
    case 10: return `select(${r.pick(["1", "-1", "-3", "2", "4", "'#'"])}, table.unpack({${v()}, ${v()}, ${v()}}, ${r.pick(["1", "2", "-1", "0"])}, ${r.pick(["3", "2", "1", "nil", "4"])}))`;
    case 11: return `string.byte(${v()}, ${r.pick(["1", "-1", "2", "0"])}, ${r.pick(["-1", "3", "10"])})`;
    case 12: return `string.format(${r.pick(["'%5.1s|%-3d|%x'", "'%q %q'", "'%s %s %s'", "'%.20f'", "'%10.3e %g'", "'%c%c'", "'%i %u'"])}, ${v()}, ${v()}, ${v()})`;
    case 13: return `(${v()} ${r.pick(["&", "|", "~", "<<", ">>", "//", "%"])} ${v()})`;
    default: return `(function() math.randomseed(${r.pick(["1", "42", "0", "-7", "2^53", "1.5"])}) return math.random(${r.pick(["", "10", "1, 6", "0", "-5, 5", "math.mininteger, math.maxinteger", "3, 1"])}) end)()`;
  }
}

/** `count` calls of library functions with many argument shapes (pack, utf8, os.date/time, unpack, random). */
export function libraryProgram(seed: number, count: number): string {
  const r = new Rng(seed);
  const lines = [
    "local function norm(s) return (s:gsub('0x%x%x%x%x%x%x+', 'ADDR'):gsub('%-?nan', 'NAN')) end",
    "local function show(ok, ...) local t = table.pack(...) local o = {tostring(ok)} for i = 1, t.n do local v = t[i] " +
      "o[#o+1] = (math.type(v) or type(v)) .. ':' .. (type(v) == 'table' and 'tbl' or norm(string.format('%q', v == v and v or 0/0))) end " +
      "print(table.concat(o, ' ')) end",
  ];
  for (let i = 0; i < count; i++) lines.push(`show(pcall(function() return ${libValue(r, r.int(0, 2))} end))`);
  return lines.join("\n") + "\n";
}

const SVARS = ["a", "b", "c", "s", "n"];
const SLITS = ["1", "2", "-3", "0", "2.5", "'x'", "'7'", "nil", "true", "false", "10", "1e3", "2^31", "math.maxinteger"];

function stmtExpr(r: Rng, d: number, fi: number): string {
  const x = r.next();
  const e = () => stmtExpr(r, d - 1, fi);
  if (d <= 0 || x < 0.3) return r.pick([...SVARS, r.pick(SLITS), "t[1]", "#t", "select('#', ...)", "(...)"]);
  if (x < 0.55) return `(${e()} ${r.pick(["+", "-", "*", "//", "%", "..", "==", "<", "and", "or", "~="])} ${e()})`;
  if (x < 0.65 && fi > 0) return `f${r.int(0, fi - 1)}(${Array.from({ length: r.int(0, 3) }, e).join(", ")})`;
  if (x < 0.72) return `(function(...) return ${e()} end)(${e()})`;
  if (x < 0.8) { const k = r.int(1, 3); return `fs[${k}] and fs[${k}]() or 0`; }
  if (x < 0.88) return `#{${Array.from({ length: r.int(0, 3) }, e).join(", ")}}`;
  return `select(${r.pick(["1", "2", "-1", "'#'"])}, ${Array.from({ length: r.int(1, 3) }, e).join(", ")})`;
}

function stmtBlock(r: Rng, d: number, fi: number, depth: number): string {
  const ind = "  ".repeat(depth);
  const out: string[] = [];
  for (let i = r.int(1, 4); i > 0; i--) {
    const x = r.next();
    const e = (n: number) => stmtExpr(r, n, fi);
    const inner = () => stmtBlock(r, d - 1, fi, depth + 1);
    if (x < 0.2) out.push(`${ind}${r.pick(SVARS)} = ${e(2)}`);
    else if (x < 0.3) out.push(`${ind}${r.pick(SVARS)}, ${r.pick(SVARS)} = ${e(1)}, ${e(1)}`);
    else if (x < 0.4) out.push(`${ind}t[#t + 1] = ${e(2)}`);
    else if (x < 0.5 && d > 0) out.push(`${ind}if ${e(1)} then\n${inner()}\n${ind}else\n${inner()}\n${ind}end`);
    else if (x < 0.62 && d > 0) {
      const v = `i${r.int(0, 9)}`;
      out.push(`${ind}for ${v} = ${r.pick(["1", "3", "-2", "'2'"])}, ${r.pick(["3", "0", "5", "2.5"])}${r.pick(["", ", 2", ", -1", ", 0.5"])} do\n` +
        `${ind}  fs[#fs + 1] = function() return ${v} end\n${ind}  n = n + 1\n${ind}  if n > 40 then break end\n${inner()}\n${ind}end`);
    } else if (x < 0.7 && d > 0) {
      out.push(`${ind}for k, v in ipairs({${Array.from({ length: r.int(0, 4) }, () => e(1)).join(", ")}}) do\n` +
        `${ind}  s = s .. tostring(k) .. tostring(v)\n${ind}  if k == 2 then goto cont end\n${ind}  n = n + 1\n${ind}  ::cont::\n${ind}end`);
    } else if (x < 0.78 && d > 0) {
      out.push(`${ind}do\n${ind}  local a = ${e(1)}\n${ind}  fs[#fs + 1] = function() a = (a or 0) .. '!' return a end\n${inner()}\n${ind}end`);
    } else if (x < 0.86) out.push(`${ind}local w = 0 while w < ${r.pick(["2", "0", "'3'", "1.5"])} do w = w + 1 s = s .. w end`);
    else if (x < 0.9) out.push(`${ind}c = select('#', ${e(1)})`);
    else if (x < 0.95) {
      // counting updates (compiled to $bump), with or without `or`; string keys only (an
      // integer key could leave a hole in t, and #t is then any border)
      const k = r.pick(["'x'", "'y'", "s"]);
      const cell = k === "'x'" && r.next() < 0.5 ? "t.x" : `t[${k}]`;
      out.push(`${ind}${cell} = ${r.next() < 0.6 ? `(${cell} or ${r.pick(["0", "1", "-2"])})` : cell} + ${r.pick(["1", "2", "-1", "0"])}`);
    }
    else out.push(`${ind}b = {${Array.from({ length: r.int(0, 3) }, () => (r.next() < 0.5 ? e(1) : "...")).join(", ")}}`);
  }
  return out.join("\n");
}

/**
 * `count` functions of random statements (assignments, multiple assignment, numeric and ipairs
 * loops with closures over their variables, goto, do-blocks with captured locals, varargs),
 * each called with and without arguments, then every closure they left behind. Division and
 * modulo by zero are normalised (their error lines are a documented difference).
 */
export function statementProgram(seed: number, count: number): string {
  const r = new Rng(seed);
  const lines = [
    "local fs = {}",
    "local function norm(s) return (s:gsub('^.-:%d+: attempt to divide by zero', 'DIV0'):gsub(\"^.-:%d+: attempt to perform 'n%%0'\", 'MOD0')" +
      ":gsub('0x%x%x%x%x%x%x+', 'ADDR')) end",
    "local function show(...) local t = table.pack(...) local o = {} for i = 1, t.n do local v = t[i] o[#o+1] = (math.type(v) or type(v)) .. ':' .. " +
      "(type(v) == 'table' and ('tbl' .. #v) or type(v) == 'function' and 'fn' or norm(tostring(v))) end print(table.concat(o, ' ')) end",
  ];
  for (let i = 0; i < count; i++) {
    lines.push(`local function f${i}(...)`, "  local a, b, c, s, n, t = ...", "  a, b, c, s, n, t = a or 1, b or 2, c or 'x', '', 0, {}");
    lines.push(stmtBlock(r, 2, i, 1));
    lines.push(`  return ${stmtExpr(r, 2, i)}, ${stmtExpr(r, 1, i)}, s, n, #t`, "end");
    const args = Array.from({ length: r.int(0, 3) }, () => r.pick(SLITS));
    lines.push(`show(pcall(${[`f${i}`, ...args].join(", ")}))`, `show(pcall(f${i}))`);
  }
  lines.push("local r = {} for i = 1, #fs do local ok, v = pcall(fs[i]) r[#r + 1] = tostring(ok) .. ':' .. norm(tostring(v)) end print(table.concat(r, ' '))");
  return lines.join("\n") + "\n";
}

const PAT_ATOMS = ["a", "b", "x", ".", "%a", "%d", "%s", "%w", "%p", "%l", "%u", "%x", "%c", "%g", "%S", "%D", "%A", "%W",
  "[ab]", "[^ab]", "[a-c]", "[%d_]", "[^%s]", "[%a-]", "[]]", "[^]]", "%.", "%%", "%-", "%]", "[a%-z]", "é"];
const PAT_SUBJECTS = ["'abc'", "'aaa bbb'", "'x=1, y=22'", "'  trim  '", "'a.b-c'", "'[x]'", "'%d'", "''", "'abcabc'", "'2024-01-02'",
  "'foo(bar)baz'", "'\\0a\\0'", "'AbC dEf'", "'a\\nb'", "'hello world from lua'", "'((a)(b))'", "'xxaxx'"];

function randomPattern(r: Rng): string {
  const parts: string[] = [];
  if (r.next() < 0.15) parts.push("^");
  let open = 0;
  for (let n = r.int(1, 3); n > 0; n--) {
    const x = r.next();
    if (x < 0.12) { parts.push("("); open++; continue; }
    if (x < 0.2 && open > 0) { parts.push(")"); open--; continue; }
    if (x < 0.24) { parts.push("()"); continue; }
    if (x < 0.28) { parts.push(r.pick(["%b()", "%b[]", "%f[%w]", "%f[%W]", "%f[%a]"])); continue; }
    if (x < 0.31 && parts.some((p) => p === "(")) { parts.push("%1"); continue; }
    parts.push(r.pick(PAT_ATOMS) + r.pick(["", "", "*", "+", "-", "?"]));
  }
  while (open-- > 0) parts.push(")");
  if (r.next() < 0.15) parts.push("$");
  return parts.join("");
}

/** `count` find/match/gmatch/gsub calls with random Lua patterns (captures, anchors, %b, %f, back-references). */
export function patternProgram(seed: number, count: number): string {
  const r = new Rng(seed);
  const lines = [
    "local function show(ok, ...) local t = table.pack(...) local o = {tostring(ok)} for i = 1, t.n do local v = t[i] " +
      "o[#o+1] = (math.type(v) or type(v)) .. ':' .. (type(v) == 'string' and string.format('%q', v) or tostring(v)) end print(table.concat(o, ' ')) end",
    "local function all(s, p) local o = {} for a, b in string.gmatch(s, p) do o[#o + 1] = tostring(a) .. '|' .. tostring(b) if #o > 20 then break end end return table.concat(o, ',') end",
  ];
  for (let i = 0; i < count; i++) {
    const p = `'${randomPattern(r).replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
    const s = r.pick(PAT_SUBJECTS);
    switch (r.int(0, 4)) {
      case 0: lines.push(`show(pcall(string.find, ${s}, ${p}, ${r.pick(["1", "2", "-3", "nil"])}))`); break;
      case 1: lines.push(`show(pcall(string.match, ${s}, ${p}))`); break;
      case 2: lines.push(`show(pcall(all, ${s}, ${p}))`); break;
      case 3: lines.push(`show(pcall(string.gsub, ${s}, ${p}, ${r.pick(["'<%0>'", "'%1'", "'#'", "''", "'%%'", "{a = 'A', b = false}", "string.upper", "function(x) return nil end", "'%2'"])}, ${r.pick(["nil", "1", "2"])}))`); break;
      default: lines.push(`show(pcall(string.find, ${s}, ${p}, 1, true))`);
    }
  }
  return lines.join("\n") + "\n";
}

const MUTATION_TOKENS = ["end", "(", ")", "=", "then", "do", ",", "local", "function", "[", "]", "{", "}", "..", "+", "if",
  "return", "'", "\"", "::", "goto", "break", "...", "0x", "1e", "[[", "--[[", "<const>", "<close>", "<bad>", "~", "//", "::a::"];

/** A Lua string literal holding s (any bytes). */
function luaQuote(s: string): string {
  return "\"" + [...s].map((c) => {
    const n = c.charCodeAt(0);
    return c === "\"" || c === "\\" ? "\\" + c : n < 32 || n > 126 ? "\\" + String(n).padStart(3, "0") : c;
  }).join("") + "\"";
}

/**
 * `count` random statement programs, each broken by one mutation (a token deleted, inserted or
 * replaced), loaded with load(): the syntax error messages (or success) are printed.
 */
export function syntaxProgram(seed: number, count: number): string {
  const r = new Rng(seed * 7 + 1);
  const lines = ["local function try(src) local f, e = load(src, '=m') print(f ~= nil, e) end"];
  for (let i = 0; i < count; i++) {
    const words = statementProgram(seed * 1000 + i, 2).split(/(\s+)/);
    const at = r.int(0, words.length - 1), m = r.next();
    if (m < 0.4) words[at] = "";
    else if (m < 0.7) words[at] = `${words[at]} ${r.pick(MUTATION_TOKENS)} `;
    else words[at] = r.pick(MUTATION_TOKENS);
    lines.push(`try(${luaQuote(words.join(""))})`);
  }
  return lines.join("\n") + "\n";
}

/** The statement programs run inside a coroutine (twins, leaf runs, closures made in twins). */
export function coroutineStatementProgram(seed: number, count: number): string {
  const lines = statementProgram(seed, count).split("\n");
  return [...lines.slice(0, 3), "coroutine.wrap(function(...)", ...lines.slice(3, -1), "end)()", ""].join("\n");
}
