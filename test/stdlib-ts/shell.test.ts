// shell.exec through compiled Lua: status/stdout/stderr/timed_out, options, timeouts, errors.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runLua } from "../helpers/run-lua.ts";

function lua(src: string): string {
  const r = runLua(src, "t.lua");
  if (r.error !== undefined) return r.stdout + "ERROR: " + r.error;
  return r.stdout;
}

describe("shell.exec", () => {
  it("returns {status, stdout, stderr, timed_out}", () => {
    assert.equal(lua(`local r = shell.exec("echo hello") print(r.status, r.stdout, r.stderr == "", r.timed_out)`), "0\thello\n\ttrue\tfalse\n");
    assert.equal(lua(`local r = shell.exec("echo error >&2") print(r.status, r.stderr, r.stdout == "")`), "0\terror\n\ttrue\n");
    assert.equal(lua(`local n = 0 for k in pairs(shell.exec("true")) do n = n + 1 end print(n)`), "4\n");
  });
  it("a non-zero exit is returned, not raised; death by a signal gives -1", () => {
    assert.equal(lua(`print(shell.exec("exit 42").status)`), "42\n");
    assert.equal(lua(`print(shell.exec("kill -9 $$").status)`), "-1\n");
  });
  it("runs through /bin/sh -c: pipes and several commands", () => {
    assert.equal(lua(`print(shell.exec("echo 'hello world' | tr 'h' 'H'").stdout)`), "Hello world\n\n");
    assert.equal(lua(`print(shell.exec("echo line1; echo line2; echo line3").stdout)`), "line1\nline2\nline3\n\n");
  });
  it("stdout and stderr are returned byte for byte", () => {
    assert.equal(lua(`local r = shell.exec("printf '\\\\377\\\\000\\\\303(' ; printf '\\\\200' >&2") print(#r.stdout, r.stdout:byte(1, -1)) print(r.stderr:byte(1, -1))`),
      "4\t255\t0\t195\t40\n128\n");
  });
  it("opts.cwd, opts.env (added to the inherited environment) and opts.stdin", () => {
    assert.equal(lua(`print(shell.exec("pwd", {cwd = "/tmp"}).stdout)`), "/tmp\n\n");
    assert.equal(lua(`print(shell.exec("echo $MY_VAR; command -v sh >/dev/null && echo path-ok", {env = {MY_VAR = "test_value"}}).stdout)`), "test_value\npath-ok\n\n");
    assert.equal(lua(`print(shell.exec("cat", {stdin = "hello from stdin"}).stdout)`), "hello from stdin\n");
    assert.equal(lua(`local r = shell.exec("od -An -tu1", {stdin = "\\0\\255"}) print((r.stdout:gsub("%s+", " ")))`), " 0 255 \n");
  });
  it("without opts.stdin the child reads /dev/null; non-table opts are ignored", () => {
    assert.equal(lua(`local r = shell.exec("cat; echo done") print(r.stdout)`), "done\n\n");
    assert.equal(lua(`print(shell.exec("echo ok", "ignored").stdout)`), "ok\n\n");
  });
  it("a timeout kills the child and discards its output", () => {
    const t0 = Date.now();
    assert.equal(lua(`local r = shell.exec("echo partial; sleep 10", {timeout = 0.2}) print(r.status, r.timed_out, r.stdout == "", r.stderr == "")`), "-1\ttrue\ttrue\ttrue\n");
    assert.ok(Date.now() - t0 < 5000);
    assert.equal(lua(`local r = shell.exec("echo quick", {timeout = 5}) print(r.status, r.timed_out, r.stdout)`), "0\tfalse\tquick\n\n");
  });
  it("invalid timeouts raise", () => {
    const msg = "false\tshell.exec: timeout must be a non-negative finite number\n";
    assert.equal(lua(`print(pcall(shell.exec, "true", {timeout = -1}))`), msg);
    assert.equal(lua(`print(pcall(shell.exec, "true", {timeout = 0/0}))`), msg);
    assert.equal(lua(`print(pcall(shell.exec, "true", {timeout = math.huge}))`), msg);
  });
  it("spawn failures and a missing command raise", () => {
    assert.equal(lua(`print(pcall(shell.exec, "pwd", {cwd = "/nonexistent/dir"}))`),
      "false\tshell.exec: failed to spawn command: No such file or directory (os error 2)\n");
    assert.equal(lua(`print(pcall(shell.exec))`), "false\tshell.exec: command string required\n");
    assert.equal(lua(`print(pcall(shell.exec, {}))`), "false\tbad argument #1 to 'shell.exec' (string expected, got table)\n");
  });
  it("stdin the child does not read fails like the original's write", () => {
    assert.equal(lua(`print(pcall(shell.exec, "true", {stdin = string.rep("x", 4000000)}))`),
      "false\tshell.exec: failed to write stdin: Broken pipe (os error 32)\n");
  });
  it("option fields of the wrong type raise", () => {
    assert.equal(lua(`print(pcall(shell.exec, "true", {cwd = {}}))`), "false\tshell.exec: option 'cwd' must be a string, got table\n");
    assert.equal(lua(`print(pcall(shell.exec, "true", {env = {A = {}}}))`), "false\tshell.exec: env value must be a string, got table\n");
    assert.equal(lua(`print(pcall(shell.exec, "true", {timeout = "soon"}))`), "false\tshell.exec: option 'timeout' must be a number, got string\n");
  });
});
