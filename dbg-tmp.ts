import { syntaxProgram } from "./test/helpers/random-lua.ts";
import { writeFileSync } from "node:fs";
const seed = Number(process.argv[2]), line = Number(process.argv[3]);
const src = syntaxProgram(seed, 15).split("\n")[line];
const lua: string = new Function("return " + src.slice(4, -1).replace(/\\(\d{3})/g, (_, d) => "\\x" + Number(d).toString(16).padStart(2, "0")))();
writeFileSync("/tmp/synx.lua", lua);
