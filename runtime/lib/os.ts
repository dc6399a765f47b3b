// The os library (loslib.c) plus assay's os.hostname, os.arch and os.platform; date and time
// conversions live in os-date.ts.
import { closeSync, existsSync, openSync, renameSync, rmdirSync, unlinkSync } from "node:fs";
import { hostname as osHostname } from "node:os";
import { crypto } from "../node.ts";
import { rterror } from "../error.ts";
import { mkfloat } from "../number.ts";
import { flushOut } from "../stdout.ts";
import { LuaTable } from "../table.ts";
import { fromJs, toBytes, toJs } from "../value.ts";
import { failure } from "./errno.ts";
import { closeAll } from "./io-methods.ts";
import { runShell } from "./io-open.ts";
import { date, difftime, time } from "./os-date.ts";
import { checkInt, checkOption, checkString, named, optString } from "./libargs.ts";
import { makeLib } from "./register.ts";

function clock(): unknown {
  const u = process.cpuUsage();
  return mkfloat((u.user + u.system) / 1e6);
}

/** system(): a command through /bin/sh, waiting for it; with no command, whether a shell exists. */
function execute(...args: unknown[]): unknown {
  const cmd = optString(args, 1, "os.execute", undefined);
  if (cmd === undefined) return existsSync("/bin/sh");
  try {
    return runShell(cmd);
  } catch (e) {
    return failure(e);
  }
}

function exit(...args: unknown[]): unknown {
  const v = args[0];
  let code: number;
  if (typeof v === "boolean") code = v ? 0 : 1;
  else if (v === undefined) code = 0;
  else code = Number(BigInt.asIntN(32, BigInt(checkInt(args, 1, "os.exit"))));
  closeAll();
  flushOut();
  process.exit(((code % 256) + 256) % 256);
}

function getenv(...args: unknown[]): unknown {
  const v = process.env[toJs(checkString(args, 1, "os.getenv"))];
  return v === undefined ? undefined : fromJs(v);
}

/** C remove(): unlink, or rmdir when the name is a directory. */
function remove(...args: unknown[]): unknown {
  const name = checkString(args, 1, "os.remove");
  const p = toBytes(name);
  try {
    try {
      unlinkSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EISDIR") throw e;
      rmdirSync(p);
    }
    return true;
  } catch (e) {
    return failure(e, name);
  }
}

function rename(...args: unknown[]): unknown {
  const from = checkString(args, 1, "os.rename");
  const to = checkString(args, 2, "os.rename");
  try {
    renameSync(toBytes(from), toBytes(to));
    return true;
  } catch (e) {
    return failure(e);
  }
}

/** mkstemp("/tmp/lua_XXXXXX"): the file is created (empty) so the name stays unique. */
function tmpname(): unknown {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (let tries = 0; tries < 100; tries++) {
    const name = "/tmp/lua_" + [...crypto().randomBytes(6)].map((b) => chars[b % chars.length]).join("");
    try {
      closeSync(openSync(name, "wx", 0o600));
      return name;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") break;
    }
  }
  return rterror("unable to generate a unique filename");
}

/** Only the C locale exists here: querying or selecting it answers "C", anything else fails. */
function setlocale(...args: unknown[]): unknown {
  const l = optString(args, 1, "os.setlocale", undefined);
  checkOption(args, 2, "os.setlocale", "all", ["all", "collate", "ctype", "monetary", "numeric", "time"]);
  return l === undefined || l === "" || l === "C" || l === "POSIX" ? "C" : undefined;
}

function hostname(): unknown {
  try {
    return fromJs(osHostname());
  } catch (e) {
    return rterror(`os.hostname: ${(e as Error).message}`);
  }
}

const ARCHES: Record<string, string> = {
  x64: "x86_64", arm64: "aarch64", ia32: "x86", ppc64: "powerpc64", ppc: "powerpc", loong64: "loongarch64",
  mipsel: "mips", mips64el: "mips64",
};

/** The CPU architecture with Rust's names (std::env::consts::ARCH), as the reference reports. */
function arch(): unknown {
  return ARCHES[process.arch] ?? process.arch;
}

const PLATFORMS: Record<string, string> = { darwin: "macos", win32: "windows", sunos: "solaris" };

/** The OS name with Rust's names (std::env::consts::OS). */
function platform(): unknown {
  return PLATFORMS[process.platform] ?? process.platform;
}

export function openOs(G: LuaTable): void {
  const fns: Record<string, Function> = {
    clock, date, difftime, execute, exit, getenv, remove, rename, setlocale, time, tmpname, hostname, arch, platform,
  };
  const named_: Record<string, Function> = {};
  for (const [k, f] of Object.entries(fns)) named_[k] = named(`os.${k}`, f);
  G.set("os", makeLib(named_));
}
