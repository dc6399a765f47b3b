// Random programs (test/helpers/random-lua.ts) run by lua5.4 and by assay must print the same:
// a few fixed seeds here; `make fuzz` runs many more (scripts/fuzz.ts).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { coroutineExpressionProgram, expressionProgram, forLoopProgram, formatProgram, libraryProgram, coroutineStatementProgram, patternProgram, statementProgram, syntaxProgram } from "./helpers/random-lua.ts";
import { firstDifference, runReference } from "./helpers/reference.ts";
import { runLua } from "./helpers/run-lua.ts";

const KINDS = { expressions: expressionProgram, "expressions in a coroutine": coroutineExpressionProgram, "for loops": forLoopProgram, "string.format": formatProgram, "library calls": libraryProgram, "statement programs": statementProgram, "statement programs in a coroutine": coroutineStatementProgram, "Lua patterns": patternProgram, "syntax errors": syntaxProgram };

for (const [kind, make] of Object.entries(KINDS)) {
  describe(`random ${kind} against lua5.4`, () => {
    for (const seed of [1, 2, 3]) {
      it(`seed ${seed}`, () => {
        const count = kind.startsWith("statement programs") ? 6 : kind === "syntax errors" ? 20 : 150;
        const source = make(seed, count);
        const expected = runReference(source, "random.lua");
        const got = runLua(source, "random.lua").stdout;
        const header = source.split("\n").length - 1 - count - (kind.includes("coroutine") ? 1 : 0); // the lines before the statements
        assert.equal(firstDifference(source, expected, got, header), undefined);
      });
    }
  });
}
