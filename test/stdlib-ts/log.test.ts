// log builtins through the CLI: one line per call on stderr in the process log format.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { runLua } from "../helpers/run-lua.ts";

function cli(code: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync("node_modules/.bin/node", ["--stack-size=4000", "cli/main.ts", "exec", "-e", code], {
    encoding: "utf8", env: { ...process.env, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z (?: INFO| WARN|ERROR) .*$/;

describe("log", () => {
  it("log.info writes to stderr only and the script exits 0", () => {
    const r = cli("log.info('hello')");
    assert.equal(r.status, 0);
    assert.equal(r.stdout, "");
    assert.ok(r.stderr.includes("hello"));
    assert.ok(r.stderr.includes("INFO"));
  });
  it("each level writes one line in the format <RFC3339 µs> <LEVEL padded to 5> <message>", () => {
    const r = cli("log.info('one') log.warn('two') log.error('three')", { NO_COLOR: "1" });
    const lines = r.stderr.trimEnd().split("\n").filter((l) => /one|two|three/.test(l));
    assert.equal(lines.length, 3);
    for (const l of lines) assert.match(l, LINE);
    assert.ok(lines[0].endsWith("Z  INFO one"));
    assert.ok(lines[1].endsWith("Z  WARN two"));
    assert.ok(lines[2].endsWith("Z ERROR three"));
  });
  it("colours are on by default and off with NO_COLOR", () => {
    assert.ok(cli("log.warn('c')").stderr.includes("\x1b[33m WARN\x1b[0m c"));
    assert.ok(!cli("log.warn('c')", { NO_COLOR: "1" }).stderr.includes("\x1b["));
  });
  it("numbers are converted; message bytes are written unchanged", () => {
    const r = cli("log.info(42) log.info(1.5) log.info('caf\\u{e9} \\xff')", { NO_COLOR: "1" });
    assert.ok(r.stderr.includes(" INFO 42\n"));
    assert.ok(r.stderr.includes(" INFO 1.5\n"));
    const raw = spawnSync("node_modules/.bin/node", ["--stack-size=4000", "cli/main.ts", "exec", "-e", "log.info('\\xff')"], {
      env: { ...process.env, NO_COLOR: "1" },
    }).stderr as Buffer;
    assert.ok(raw.includes(Buffer.from(" INFO \xff\n", "latin1")));
    assert.ok(r.stderr.includes(" INFO café "));
  });
  it("a table message raises a conversion error naming the function", () => {
    const r = cli("log.info({})", { NO_COLOR: "1" });
    assert.equal(r.status, 1);
    assert.ok(r.stderr.includes("bad argument #1 to 'log.info' (string expected, got table)"));
  });
  it("has info, warn and error only; they return nothing", () => {
    const r = runLua(`local k = {} for n in pairs(log) do k[#k + 1] = n end table.sort(k) print(table.concat(k, " "), log.debug)
      print(pcall(log.info))`, "t.lua");
    assert.equal(r.stdout, "error info warn\tnil\nfalse\tbad argument #1 to 'log.info' (string expected, got no value)\n");
    const n = cli("print(select('#', log.info('x')), select('#', log.warn('y')), select('#', log.error('z')))");
    assert.equal(n.stdout, "0\t0\t0\n");
  });
});
