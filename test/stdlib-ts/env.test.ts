// env builtins through compiled Lua: process environment, check-injected values, list.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runLua } from "../helpers/run-lua.ts";

function lua(src: string): string {
  const r = runLua(src, "t.lua");
  if (r.error !== undefined) return r.stdout + "ERROR: " + r.error;
  return r.stdout;
}

describe("env.get", () => {
  it("reads the process environment; unset names give nil without raising", () => {
    process.env.ASSAY_TEST_VAR = "hello";
    assert.equal(lua(`print(env.get("ASSAY_TEST_VAR"), env.get("ASSAY_DEFINITELY_UNSET_VAR"))`), "hello\tnil\n");
    delete process.env.ASSAY_TEST_VAR;
  });
  it("names the OS cannot hold give nil", () => {
    assert.equal(lua(`print(env.get(""), env.get("A=B"), env.get("A\\0B"))`), "nil\tnil\tnil\n");
  });
  it("values are UTF-8 byte strings", () => {
    process.env.ASSAY_TEST_UTF8 = "café";
    assert.equal(lua(`local v = env.get("ASSAY_TEST_UTF8") print(#v, v == "caf\\u{e9}")`), "5\ttrue\n");
    delete process.env.ASSAY_TEST_UTF8;
  });
  it("a non-string name raises a conversion error naming env.get", () => {
    assert.equal(lua(`print(pcall(env.get, {}))`), "false\tbad argument #1 to 'env.get' (string expected, got table)\n");
  });
});

describe("env.set", () => {
  it("sets, overwrites and (with nil) unsets the process variable; returns nothing", () => {
    assert.equal(lua(`
      print(select('#', env.set("ASSAY_TEST_SET_VAR", "from_lua")))
      print(env.get("ASSAY_TEST_SET_VAR"))
      env.set("ASSAY_TEST_SET_VAR", "second")
      print(env.get("ASSAY_TEST_SET_VAR"))`), "0\nfrom_lua\nsecond\n");
    assert.equal(process.env.ASSAY_TEST_SET_VAR, "second");
    assert.equal(lua(`env.set("ASSAY_TEST_SET_VAR", nil) print(env.get("ASSAY_TEST_SET_VAR"))`), "nil\n");
    assert.equal(process.env.ASSAY_TEST_SET_VAR, undefined);
  });
  it("numbers are converted; values reach shell.exec children", () => {
    assert.equal(lua(`env.set("ASSAY_TEST_NUM", 42) print(env.get("ASSAY_TEST_NUM")) print(shell.exec("echo $ASSAY_TEST_NUM").stdout)`), "42\n42\n\n");
    delete process.env.ASSAY_TEST_NUM;
  });
  it("invalid names and values raise", () => {
    assert.equal(lua(`print(pcall(env.set, "", "x"))`), 'false\tenv.set: invalid variable name ""\n');
    assert.equal(lua(`print(pcall(env.set, "A=B", "x"))`), 'false\tenv.set: invalid variable name "A=B"\n');
    assert.equal(lua(`print(pcall(env.set, "ASSAY_T", {}))`), "false\tbad argument #2 to 'env.set' (string expected, got table)\n");
  });
});

describe("env.list", () => {
  it("is an array of {key, value} for every process variable, including ones just set", () => {
    const out = lua(`
      env.set("ASSAY_TEST_LIST_VAR", "listed")
      local l, found, ok = env.list(), false, true
      for _, e in ipairs(l) do
        if type(e.key) ~= "string" or type(e.value) ~= "string" then ok = false end
        if e.key == "ASSAY_TEST_LIST_VAR" and e.value == "listed" then found = true end
      end
      print(#l > 0, ok, found)
      env.set("ASSAY_TEST_LIST_VAR", nil)`);
    assert.equal(out, "true\ttrue\ttrue\n");
    const n = Object.keys(process.env).length;
    assert.equal(lua(`print(#env.list())`), `${n}\n`);
  });
});

describe("env._check_env / env._process_get", () => {
  it("check-injected values win in env.get but stay out of the process, env.list and children", () => {
    process.env.ASSAY_TEST_SHADOW = "process";
    const out = lua(`
      env._check_env.ASSAY_TEST_SHADOW = "injected"
      env._check_env.ASSAY_TEST_ONLY_CHECK = "only"
      print(env.get("ASSAY_TEST_SHADOW"), env.get("ASSAY_TEST_ONLY_CHECK"))
      print(env._process_get("ASSAY_TEST_SHADOW"), env._process_get("ASSAY_TEST_ONLY_CHECK"))
      local seen = false
      for _, e in ipairs(env.list()) do if e.key == "ASSAY_TEST_ONLY_CHECK" then seen = true end end
      print(seen, shell.exec("echo x$ASSAY_TEST_ONLY_CHECK").stdout)`);
    assert.equal(out, "injected\tonly\nprocess\tnil\nfalse\tx\n\n");
    delete process.env.ASSAY_TEST_SHADOW;
  });
  it("env.get reads the current _check_env table", () => {
    assert.equal(lua(`env._check_env = {K = "v"} print(env.get("K"), type(env._process_get))`), "v\tfunction\n");
  });
  it("the table holds exactly the spec's members", () => {
    assert.equal(lua(`local k = {} for n in pairs(env) do k[#k + 1] = n end table.sort(k) print(table.concat(k, " "))`),
      "_check_env _process_get get list set\n");
  });
});
