// Tracebacks and argument errors tell builtins apart from runtime helpers by JS function name
// (runtime/error.ts): a helper that compiled code calls must not share a name with a builtin.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createEnvironment } from "../../stdlib-ts/index.ts";
import { builtinNames } from "../../runtime/error.ts";
import * as helpers from "../../runtime/helpers.ts";

// builtins exported for compiled code to compare with, never to call
const COMPARED_ONLY = new Set(["select"]);

test("no runtime helper is named like a builtin", () => {
  createEnvironment();
  assert.ok(builtinNames.has("print") && builtinNames.size > 100, "builtins registered");
  const clashes = Object.entries(helpers)
    .filter(([k, v]) => typeof v === "function" && builtinNames.has((v as Function).name) && !COMPARED_ONLY.has(k))
    .map(([k, v]) => `$${k} is named ${(v as Function).name}`);
  assert.deepEqual(clashes, []);
});
