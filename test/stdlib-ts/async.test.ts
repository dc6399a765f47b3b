// sleep, time and async through compiled Lua: concurrency, errors, intervals, the watchdog.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runLua } from "../helpers/run-lua.ts";

function lua(src: string, timeout?: number): string {
  const r = runLua(src, "t.lua", [], timeout);
  if (r.error !== undefined) return r.stdout + "ERROR: " + r.error;
  return r.stdout;
}

describe("sleep and time", () => {
  it("time() is a float near Date.now()", () => {
    assert.equal(lua("print(math.type(time()))"), "float\n");
    const t = Number(lua("print(time())"));
    assert.ok(Math.abs(t - Date.now() / 1000) < 5);
  });
  it("sleep(0.05) waits at least 40 ms", () => {
    const t0 = Date.now();
    assert.equal(lua("sleep(0.05) print('ok')"), "ok\n");
    assert.ok(Date.now() - t0 >= 40);
  });
  it("sleep rejects bad arguments", () => {
    assert.match(lua("print(pcall(sleep, -1))"), /^false\tsleep: seconds must be a non-negative number/);
    assert.match(lua("print(pcall(sleep, 'x'))"), /^false\tsleep: expected a number/);
  });
});

describe("async", () => {
  it("ten tasks sleeping 0.3 s each finish together, and a failing one does not stop the others", () => {
    const t0 = Date.now();
    const out = lua(`
      local hs = {}
      for i = 1, 10 do
        hs[i] = async.spawn(function() sleep(0.3) if i == 4 then error("task 4 failed") end return i end)
      end
      local got = {}
      for i = 1, 10 do
        local ok, r = pcall(hs[i].await, hs[i])
        got[#got + 1] = ok and tostring(r[1]) or ("E:" .. r)
      end
      print(table.concat(got, ","))`);
    const ms = Date.now() - t0;
    assert.equal(out, "1,2,3,E:t.lua:4: task 4 failed,5,6,7,8,9,10\n");
    assert.ok(ms < 1500, `took ${ms} ms; one by one would take 3000`);
  });
  it("await returns an array of all results and refuses a second await", () => {
    assert.equal(lua(`
      local h = async.spawn(function() return 1, "two", nil end)
      local r = h:await()
      print(#r, r[1], r[2])
      print(pcall(h.await, h))
      print(#async.spawn(function() end):await())`), "2\t1\ttwo\nfalse\tasync handle already awaited\n0\n");
  });
  it("a spawned task starts at the caller's next suspension point", () => {
    assert.equal(lua(`
      local h = async.spawn(function() print("task") return 1 end)
      print("main first")
      sleep(0)
      print("after")`), "main first\ntask\nafter\n");
  });
  it("spawn passes extra arguments, tasks await tasks", () => {
    assert.equal(lua(`
      local a = async.spawn(function(x, y) sleep(0.01) return x + y end, 2, 3)
      local b = async.spawn(function() return a:await()[1] * 10 end)
      print(b:await()[1])`), "50\n");
  });
  it("spawn_interval runs after each full interval until cancelled", () => {
    assert.equal(lua(`
      local n = 0
      local iv = async.spawn_interval(0.02, function() n = n + 1 end)
      sleep(0.09)
      iv:cancel()
      local seen = n
      sleep(0.05)
      print(seen > 1, seen < 6, n == seen)
      print(pcall(async.spawn_interval, 0, print))
      print(pcall(async.spawn_interval, -1, print))`),
    "true\ttrue\ttrue\nfalse\tasync.spawn_interval: interval must be positive\nfalse\tasync.spawn_interval: interval must be positive\n");
  });
  it("a coroutine inside a task can sleep; its I/O passes through resume", () => {
    assert.equal(lua(`
      local h = async.spawn(function()
        local gen = coroutine.wrap(function() sleep(0.01) coroutine.yield("a") sleep(0.01) return "b" end)
        return gen() .. gen()
      end)
      print(h:await()[1])`), "ab\n");
  });
  it("tasks still running when the main chunk ends are dropped", () => {
    assert.equal(lua(`async.spawn(function() sleep(5) print("never") end) print("done")`), "done\n");
  });
});

describe("watchdog", () => {
  it("stops a pure-Lua infinite loop, even under pcall", () => {
    const t0 = Date.now();
    assert.equal(lua("pcall(function() while true do end end) print('escaped')", 0.2), "ERROR: execution timed out after 0.2s");
    assert.ok(Date.now() - t0 < 2000);
  });
  it("stops a blocking sleep and a task loop", () => {
    assert.equal(lua("sleep(30)", 0.2), "ERROR: execution timed out after 0.2s");
    assert.equal(lua("async.spawn(function() while true do sleep(0.01) end end):await()", 0.2), "ERROR: execution timed out after 0.2s");
  });
});
