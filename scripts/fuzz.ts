// Differential fuzzing against lua5.4 (make fuzz): random programs from test/helpers/random-lua.ts
// over many seeds; prints each seed whose output differs, with the first differing line.
// Usage: node scripts/fuzz.ts [first-seed] [seeds] [statements-per-program]
import { coroutineExpressionProgram, expressionProgram, forLoopProgram, formatProgram, libraryProgram, coroutineStatementProgram, patternProgram, statementProgram, syntaxProgram } from "../test/helpers/random-lua.ts";
import { firstDifference, runReference } from "../test/helpers/reference.ts";
import { runLua } from "../test/helpers/run-lua.ts";

const first = Number(process.argv[2] ?? 1000), seeds = Number(process.argv[3] ?? 100), count = Number(process.argv[4] ?? 200);
const KINDS = { expressions: expressionProgram, coroutine: coroutineExpressionProgram, loops: forLoopProgram, format: formatProgram, library: libraryProgram, statements: statementProgram, "coroutine-statements": coroutineStatementProgram, patterns: patternProgram, syntax: syntaxProgram };
let failures = 0;
for (const [kind, make] of Object.entries(KINDS)) {
  for (let seed = first; seed < first + seeds; seed++) {
    const source = make(seed, kind === "statements" || kind === "coroutine-statements" ? Math.max(1, Math.round(count / 30)) : kind === "syntax" ? Math.max(1, Math.round(count / 10)) : count);
    const diff = firstDifference(source, runReference(source, "random.lua"), runLua(source, "random.lua").stdout,
      source.split("\n").length - 1 - count - (kind === "coroutine" ? 1 : 0));
    if (diff !== undefined) {
      failures++;
      console.log(`${kind} seed ${seed}: ${diff}`);
    }
  }
}
console.log(`fuzz: ${failures} of ${Object.keys(KINDS).length * seeds} programs differ from lua5.4 (seeds ${first}..${first + seeds - 1}, ${count} statements each)`);
process.exitCode = failures > 0 ? 1 : 0;
