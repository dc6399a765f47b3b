// assay command line: parse argv once, dispatch to run / exec, map outcomes to exit codes.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { runScript } from "./run-script.ts";
import { buildCommand } from "./build.ts";
import { flushOut, writeErr } from "../runtime/stdout.ts";

const VERSION = "0.1.0";


const USAGE = `assay ${VERSION}: Lua 5.4 scripts for infrastructure work, compiled to JavaScript

Usage: assay [OPTIONS] [FILE] [ARGS]...
       assay <COMMAND>

Commands:
  run      Run a Lua script (or a .yaml/.yml check file)
  build    Compile a script into one executable: build FILE -o OUT [--target node|sea] [--minify] [--sourcemap]
  exec     Run inline Lua code (-e) or a Lua file of any extension
  modules  List the available assay.* modules
  context  Show module documentation matching a query

Arguments:
  [FILE]  A .lua script or a .yaml/.yml check file

Options:
  -v, --verbose  Verbose logging
  -h, --help     Print help
  -V, --version  Print version
`;

function fail(msg: string, code = 1): number {
  writeErr(`error: ${msg}\n`);
  return code;
}

function readScript(path: string): string | undefined {
  try {
    return readFileSync(path).toString("latin1");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    fail(`reading ${path}: ${err.code === "ENOENT" ? "No such file or directory (os error 2)" : err.message}`);
    return undefined;
  }
}

function runFile(path: string, args: string[]): number {
  const name = basename(path);
  const dot = name.lastIndexOf(".");
  const ext = dot >= 0 ? name.slice(dot + 1) : "";
  if (ext === "yaml" || ext === "yml") return fail("check mode is not implemented yet");
  if (ext !== "lua") return fail(`unsupported file extension "${ext}" (expected .yaml, .yml, or .lua)`);
  const source = readScript(path);
  if (source === undefined) return 1;
  return runScript({ source, chunkName: path, scriptPath: path, args });
}

export function main(argv: string[]): number | Promise<number> {
  const args = argv.filter((a) => a !== "-v" && a !== "--verbose");
  if (args.length === 0) {
    process.stdout.write(USAGE + "\n");
    return 1;
  }
  const [cmd, ...rest] = args;
  switch (cmd) {
    case "-h": case "--help":
      process.stdout.write(USAGE);
      return 0;
    case "-V": case "--version":
      process.stdout.write(`assay ${VERSION}\n`);
      return 0;
    case "build":
      return buildCommand(rest, fail);
    case "run":
      if (rest.length === 0) return fail("the following required arguments were not provided:\n  <FILE>", 2);
      return runFile(rest[0], rest.slice(1));
    case "exec": {
      const e = rest.findIndex((a) => a === "-e" || a === "--eval");
      if (e >= 0) {
        if (rest[e + 1] === undefined) return fail("a value is required for '--eval <EVAL>' but none was supplied", 2);
        const code = Buffer.from(rest[e + 1], "utf8").toString("latin1");
        return runScript({ source: code, chunkName: "<eval>", scriptPath: "<eval>", args: rest.filter((_, i) => i !== e && i !== e + 1) });
      }
      if (rest.length === 0) return fail("exec requires either -e <code> or a file path");
      const source = readScript(rest[0]);
      if (source === undefined) return 1;
      return runScript({ source, chunkName: rest[0], scriptPath: rest[0], args: rest.slice(1) });
    }
    default:
      if (cmd.startsWith("-")) return fail(`unexpected argument '${cmd}' found\n\nUsage: assay [OPTIONS] [FILE]`, 2);
      return runFile(cmd, rest);
  }
}

const result = main(process.argv.slice(2));
if (typeof result === "number") {
  flushOut();
  process.exitCode = result;
} else {
  result.then((code) => {
    flushOut();
    process.exitCode = code;
  });
}
