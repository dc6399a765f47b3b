// The documented differences from lua5.4 (docs/semantics.md), asserted so that a change in
// behaviour is noticed. These cases were taken out of the lua5.4-compared fixtures.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runLua } from "../helpers/run-lua.ts";

function out(src: string): string {
  const r = runLua(src, "k.lua");
  return r.error === undefined ? r.stdout : r.stdout + "ERROR: " + r.error;
}

describe("known differences from lua5.4", () => {
  it("string.dump cannot produce bytecode", () => {
    assert.equal(out("print(pcall(string.dump, print))"), "false\tunable to dump given function\n");
    assert.equal(out("print(load('\\27Lua', 'bin', 't'))"), "nil\tattempt to load a binary chunk (mode is 't')\n");
  });
  it("a tail call keeps the caller's frame, so error level 2 still has a position", () => {
    assert.equal(out(`
      local function check(v) if type(v) ~= "number" then error("expected number", 2) end end
      local function user() return check("x") end
      print(pcall(user))`), "false\tk.lua:3: expected number\n");
  });
  it("integer division and modulo by zero report the operation's line (lua5.4.4: the last call's)", () => {
    assert.equal(out("local function q()\n  local a = tostring(1)\n  local y = 1 // 0\nend\nprint(pcall(q))"),
      "false\tk.lua:3: attempt to divide by zero\n");
    assert.equal(out("local function r()\n  local b = 2\n  return b % 0\nend\nprint(pcall(r))"),
      "false\tk.lua:3: attempt to perform 'n%0'\n");
  });
  it("NaN prints as -nan whatever its sign", () => {
    assert.equal(out("print(0/0, -(0/0))"), "-nan\t-nan\n");
  });
});
