// process and os builtins through compiled Lua: listing, signals, wait_idle; host facts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { runLua } from "../helpers/run-lua.ts";

function lua(src: string): string {
  const r = runLua(src, "t.lua");
  if (r.error !== undefined) return r.stdout + "ERROR: " + r.error;
  return r.stdout;
}

const ownName = readFileSync(`/proc/${process.pid}/comm`, "utf8").trim();

describe("process.list / process.is_running", () => {
  it("lists {pid, name, cmdline?} entries, this process included", () => {
    const out = lua(`
      local l = process.list()
      print(#l >= 1, l[1].pid ~= nil, l[1].name ~= nil)
      local ok = true
      for _, p in ipairs(l) do
        if math.type(p.pid) ~= "integer" or type(p.name) ~= "string" or p.name == "" then ok = false end
        if p.cmdline ~= nil and (type(p.cmdline) ~= "string" or p.cmdline == "") then ok = false end
      end
      print(ok)
      for _, p in ipairs(l) do if p.pid == ${process.pid} then print(p.name, p.cmdline:find("node", 1, true) ~= nil) end end`);
    assert.equal(out, `true\ttrue\ttrue\ntrue\n${ownName}\ttrue\n`);
  });
  it("is_running matches names exactly", () => {
    assert.equal(lua(`print(process.is_running("definitely_not_a_real_process_name_xyz"), process.is_running(${JSON.stringify(ownName)}), process.is_running(${JSON.stringify(ownName.slice(0, -1))}))`),
      "false\ttrue\tfalse\n");
  });
});

describe("process.kill", () => {
  it("signals a process, 0 checks existence, and a dead pid raises", () => {
    const out = lua(`
      local pid = tonumber(shell.exec("sleep 300 </dev/null >/dev/null 2>&1 & echo $!").stdout)
      print(process.kill(pid, 0))
      print(process.kill(pid, 9))
      local gone = false
      for _ = 1, 50 do
        if not pcall(process.kill, pid, 0) then gone = true break end
        sleep(0.1)
      end
      print(gone)`);
    assert.equal(out, "true\ntrue\ntrue\n");
  });
  it("default signal is SIGTERM", () => {
    assert.equal(lua(`
      local pid = tonumber(shell.exec("sleep 300 </dev/null >/dev/null 2>&1 & echo $!").stdout)
      print(process.kill(pid))
      local gone = false
      for _ = 1, 50 do if not pcall(process.kill, pid, 0) then gone = true break end sleep(0.1) end
      print(gone)`), "true\ntrue\n");
  });
  it("raises the spec's messages", () => {
    assert.equal(lua(`print(pcall(process.kill, 999999999))`),
      "false\tprocess.kill: failed to send signal 15 to pid 999999999: No such process (os error 3)\n");
    assert.equal(lua(`print(pcall(process.kill))`), "false\tprocess.kill: pid required\n");
    assert.equal(lua(`print(pcall(process.kill, "123"))`), "false\tprocess.kill: pid must be a number\n");
    assert.equal(lua(`print(pcall(process.kill, 0))`), "false\tprocess.kill: pid must be > 0, got 0\n");
    assert.equal(lua(`print(pcall(process.kill, -5))`), "false\tprocess.kill: pid must be > 0, got -5\n");
    assert.equal(lua(`print(pcall(process.kill, 0.9))`), "false\tprocess.kill: pid must be > 0, got 0\n");
    assert.equal(lua(`print(pcall(process.kill, ${process.pid}, -1))`), "false\tprocess.kill: signal must be >= 0, got -1\n");
    assert.equal(lua(`print(pcall(process.kill, ${process.pid}, "9"))`), "false\tprocess.kill: signal must be a number\n");
    assert.equal(lua(`print(pcall(process.kill, ${process.pid}, 999))`),
      `false\tprocess.kill: failed to send signal 999 to pid ${process.pid}: Invalid argument (os error 22)\n`);
  });
});

describe("process.wait_idle", () => {
  it("returns true at once when none of the names runs", () => {
    assert.equal(lua(`print(process.wait_idle("definitely_nonexistent_process_xyz123", 2, 0.1))`), "true\n");
    assert.equal(lua(`print(process.wait_idle({"nonexistent_a", "nonexistent_b"}, 2, 0.1))`), "true\n");
  });
  it("returns false at the deadline while a name keeps running; timeout 0 gives false", () => {
    const t0 = Date.now();
    assert.equal(lua(`print(process.wait_idle({"nonexistent_a", ${JSON.stringify(ownName)}}, 0.3, 0.1))`), "false\n");
    const ms = Date.now() - t0;
    assert.ok(ms >= 250 && ms < 3000, `took ${ms} ms`);
    assert.equal(lua(`print(process.wait_idle("nonexistent_a", 0))`), "false\n");
  });
  it("polls through the globals time, sleep and process.is_running", () => {
    assert.equal(lua(`
      local calls, sleeps = 0, 0
      process.is_running = function(n) calls = calls + 1 return calls < 3 end
      sleep = function(s) sleeps = sleeps + 1 end
      print(process.wait_idle("x", 5, 0.01), calls, sleeps)`), "true\t3\t2\n");
  });
  it("suspends only its own task inside async.spawn", () => {
    assert.equal(lua(`
      local ticks = 0
      local h = async.spawn(function() return process.wait_idle(${JSON.stringify(ownName)}, 0.3, 0.05) end)
      local t = async.spawn(function() for _ = 1, 5 do ticks = ticks + 1 sleep(0.02) end end)
      print(h:await()[1], ticks)`), "false\t5\n");
  });
  it("a bad names argument raises", () => {
    assert.match(lua(`print(pcall(process.wait_idle, nil, 1, 0.1))`), /^false\tbad argument #1 to 'for iterator' \(table expected, got nil\)\n$/);
  });
});

describe("os", () => {
  it("keeps Lua's os library and adds hostname, arch and platform", () => {
    const out = lua(`
      print(type(os.hostname()), #os.hostname() > 0)
      local a = os.arch() print(a == "x86_64" or a == "aarch64" or a == "arm")
      local p = os.platform() print(p == "linux" or p == "macos" or p == "windows")
      print(math.type(os.time()), type(os.date("%Y")), type(os.clock()), type(os.getenv))`);
    assert.equal(out, "string\ttrue\ntrue\ntrue\ninteger\tstring\tnumber\tfunction\n");
  });
});
