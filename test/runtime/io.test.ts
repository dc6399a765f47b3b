// The io and os libraries where fixtures cannot reach: stdin through a pipe, os.exit codes and
// flushing, buffered files closed at exit, TZ-dependent local time, assay's os extras.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

const root = join(import.meta.dirname, "..", "..");
const node = join(root, "node_modules", ".bin", "node");
const work = mkdtempSync(join(tmpdir(), "assay-io-test-"));
after(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** Runs `assay exec -e code` with optional stdin bytes and extra environment. */
function run(code: string, input?: string | Buffer, env: Record<string, string | undefined> = {}): Run {
  const r = spawnSync(node, ["--stack-size=4000", "cli/main.ts", "exec", "-e", code], {
    cwd: root,
    input: input ?? "",
    env: { ...process.env, ...env },
    timeout: 30000,
  });
  return { stdout: r.stdout.toString("latin1"), stderr: r.stderr.toString("latin1"), status: r.status };
}

describe("stdin through a pipe", () => {
  it("reads lines, numbers and the rest", () => {
    const r = run(`
      print(io.read("n", "n"))
      print(io.read())
      print(io.read("L"))
      for l in io.lines() do io.write("[", l, "]") end
      print(io.read("a") == "", io.read("l"), io.read(0))`, "12 3.5 rest\nsecond\nthird\nfourth");
    assert.equal(r.stdout, "12\t3.5\n rest\nsecond\n\n[third][fourth]true\tnil\tnil\n");
    assert.equal(r.status, 0);
  });

  it("reads large and binary input unchanged", () => {
    const data = Buffer.alloc(300000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 8)) & 255;
    const r = run(`local s = io.read("a"); io.write(#s, " ", s:byte(1), " ", s:byte(-1), "\\n"); io.stdout:write(s)`, data);
    const header = `${data.length} ${data[0]} ${data[data.length - 1]}\n`;
    assert.equal(r.stdout.slice(0, header.length), header);
    assert.ok(Buffer.from(r.stdout.slice(header.length), "latin1").equals(data));
  });

  it("sees end of input on an empty pipe", () => {
    const r = run(`print(io.read(), io.read("a"), io.read("n"), io.stdin:read(1))`);
    assert.equal(r.stdout, "nil\t\tnil\tnil\n");
  });

  it("reports a pipe as not seekable", () => {
    const r = run(`print(io.stdin:seek("cur"))`, "data");
    assert.equal(r.stdout, "nil\tIllegal seek\t29\n");
  });
});

describe("os.exit", () => {
  const cases: [string, number][] = [
    ["os.exit()", 0], ["os.exit(true)", 0], ["os.exit(false)", 1], ["os.exit(3)", 3],
    ["os.exit(256 + 5)", 5], ["os.exit(-1)", 255], ["os.exit('7')", 7], ["os.exit(0, true)", 0],
  ];
  for (const [code, status] of cases) {
    it(`${code} exits with ${status}`, () => {
      assert.equal(run(code).status, status);
    });
  }

  it("ends the process at once, after flushing stdout and open files", () => {
    const file = join(work, "exit.txt");
    const r = run(`
      io.write("buffered ")
      local f = io.open(${JSON.stringify(file)}, "w")
      f:write("file data")
      print("line")
      os.exit(4)
      print("not reached")`);
    assert.equal(r.status, 4);
    assert.equal(r.stdout, "buffered line\n");
    assert.equal(readFileSync(file, "latin1"), "file data");
  });

  it("rejects a non-integral code", () => {
    const r = run(`print(pcall(os.exit, 1.5))`);
    assert.equal(r.stdout, "false\tbad argument #1 to 'os.exit' (number has no integer representation)\n");
  });
});

describe("files left open", () => {
  it("are flushed when the script ends", () => {
    const file = join(work, "open.txt");
    const r = run(`local f = io.open(${JSON.stringify(file)}, "w"); f:write("kept")`);
    assert.equal(r.status, 0);
    assert.equal(readFileSync(file, "latin1"), "kept");
  });

  it("a popen in write mode runs at exit", () => {
    const r = run(`local p = io.popen("cat", "w"); p:write("through cat\\n")`);
    assert.equal(r.stdout, "through cat\n");
  });
});

describe("descriptor pressure", () => {
  it("files never closed by the script do not exhaust descriptors", () => {
    const base = join(work, "many");
    const code = `
      local names = {}
      for i = 1, 300 do
        names[i] = ${JSON.stringify(base)} .. i
        local f = io.open(names[i], "w") f:write("file ", i) f:close()
      end
      local n = 0
      for round = 1, 2 do
        for i = 1, 300 do if io.open(names[i]):read("a") == "file " .. i then n = n + 1 end end
      end
      local open = {}
      for i = 1, 300 do open[i] = io.open(names[i], "a+") open[i]:write("+") end
      for i = 1, 300 do open[i]:seek("set") if open[i]:read("a") == "file " .. i .. "+" then n = n + 1 end end
      print(n)`;
    const r = spawnSync("/bin/sh", ["-c", `ulimit -n 64 && exec "$0" --stack-size=4000 cli/main.ts exec -e "$1"`, node, code],
      { cwd: root, timeout: 30000 });
    assert.equal(r.stderr.toString(), "");
    assert.equal(r.stdout.toString(), "900\n");
  });
});

describe("output order", () => {
  it("keeps print, io.write and io.stdout in one stream, stderr after pending stdout", () => {
    const r = run(`print(1) io.write(2, "\\n") io.stdout:write("3\\n") io.stderr:write("e\\n") print(4)`);
    assert.equal(r.stdout, "1\n2\n3\n4\n");
    assert.equal(r.stderr, "e\n");
  });

  it("a popen reader's stderr follows what was printed before", () => {
    const r = run(`print("before") local p = io.popen("echo err >&2; echo out") print(p:read("a"), p:close())`);
    assert.equal(r.stdout, "before\nout\n\ttrue\texit\t0\n");
    assert.equal(r.stderr, "err\n");
  });
});

describe("local time zone from TZ", () => {
  const show = `print(os.date("%Y-%m-%d %H:%M:%S %Z %z", 1700000000), os.date("*t", 1690000000).isdst)`;
  const cases: [string, string][] = [
    ["UTC", "2023-11-14 22:13:20 UTC +0000\tfalse\n"],
    ["Europe/Berlin", "2023-11-14 23:13:20 CET +0100\ttrue\n"],
    ["America/New_York", "2023-11-14 17:13:20 EST -0500\ttrue\n"],
    ["Asia/Kolkata", "2023-11-15 03:43:20 IST +0530\tfalse\n"],
    ["CET-1CEST,M3.5.0,M10.5.0/3", "2023-11-14 23:13:20 CET +0100\ttrue\n"],
    ["<+0330>-3:30", "2023-11-15 01:43:20 +0330 +0330\tfalse\n"],
    ["", "2023-11-14 22:13:20 UTC +0000\tfalse\n"],
  ];
  const zoneinfo = existsSync("/usr/share/zoneinfo/Europe/Berlin");
  for (const [tz, expected] of cases) {
    it(`TZ=${JSON.stringify(tz)}`, { skip: !zoneinfo && tz.includes("/") }, () => {
      assert.equal(run(show, "", { TZ: tz }).stdout, expected);
    });
  }

  it("os.time inverts local time, picking the later offset in an overlap", () => {
    const r = run(`
      local t = os.time({year = 2023, month = 10, day = 29, hour = 2, min = 30})
      print(t, os.date("%H:%M %Z", t))
      t = os.time({year = 2023, month = 3, day = 26, hour = 2, min = 30})
      print(t, os.date("%H:%M %Z", t))`, "", { TZ: "Europe/Berlin" });
    assert.equal(r.stdout, "1698543000\t02:30 CET\n1679794200\t03:30 CEST\n");
  });
});

describe("assay's os extras", () => {
  it("hostname, arch and platform", () => {
    const r = run(`print(type(os.hostname()), #os.hostname() > 0, os.arch(), os.platform())`);
    const arch = { x64: "x86_64", arm64: "aarch64" }[process.arch as string] ?? process.arch;
    const platform = { darwin: "macos", win32: "windows" }[process.platform as string] ?? process.platform;
    assert.equal(r.stdout, `string\ttrue\t${arch}\t${platform}\n`);
  });

  it("the standard os functions stay", () => {
    const r = run(`for _, k in ipairs({"clock", "date", "difftime", "execute", "exit", "getenv", "remove",
      "rename", "setlocale", "time", "tmpname"}) do io.write(k, "=", type(os[k]), " ") end print()`);
    assert.match(r.stdout, /clock=function date=function difftime=function execute=function exit=function getenv=function remove=function rename=function setlocale=function time=function tmpname=function/);
  });
});
