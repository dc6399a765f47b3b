// Unit tests: string.format conversions, flags and errors against lua5.4's output.
// A row is [format, arguments, expected]; "!msg" expects an error (position and name dropped).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LuaError } from "../../runtime/error.ts";
import { MAXINTEGER, MININTEGER, mkfloat } from "../../runtime/number.ts";
import { LuaTable } from "../../runtime/table.ts";
import { str_format } from "../../runtime/lib/lstrlib/format.ts";

const F = mkfloat; // an integral float (3.0)

const ROWS: [string, unknown[], string][] = [
  ["%d", [42], "42"],
  ["%5d|%-5d|%05d", [7, 7, 7], "    7|7    |00007"],
  ["%+d % d", [5, 5], "+5  5"],
  ["%.3d", [-7], "-007"],
  ["%.0d", [0], ""],
  ["%i", [F(3)], "3"],
  ["%u", [-1], "18446744073709551615"],
  ["%o %#o", [8, 8], "10 010"],
  ["%x %X %#x %#X", [255, 255, 255, 255], "ff FF 0xff 0XFF"],
  ["%x", [MININTEGER], "8000000000000000"],
  ["%d", [MAXINTEGER], "9223372036854775807"],
  ["%#08x", [1], "0x000001"],
  ["%c", [65], "A"],
  ["%-3c|", [66], "B  |"],
  ["%f", [1 / 3], "0.333333"],
  ["%.0f %.0f %.0f", [0.5, 1.5, 2.5], "0 2 2"],
  ["%.2f", [0.125], "0.12"],
  ["%.1f", [0.25], "0.2"],
  // the int32 fast path: ties still round half-even, near-ties and carries are exact
  ["%.3f %.3f %.3f", [0.0625, 2.0625, 1.0005], "0.062 2.062 1.000"],
  ["%.2f %.2f %.1f", [0.995, 9.995, 0.95], "0.99 9.99 0.9"],
  ["%.3f %.0f %.9f", [99.9996, 2147483.5, 1 / 7], "100.000 2147484 0.142857143"],
  ["%8.3f|%-9.2f|%08.1f", [1234.5678, 3.14159, -2.25], "1234.568|3.14     |-00002.2"],
  ["%5d|%-6s|%x|%3s", [42, "ab", 3054, "long"], "   42|ab    |bee|long"],
  ["%10.4f|", [Math.PI], "    3.1416|"],
  ["%-10.2f|", [-1.005], "-1.00     |"],
  ["%+.1f", [F(0)], "+0.0"],
  ["%.0f", [F(1e21)], "1000000000000000000000"],
  ["%.0f", [F(2 ** 70)], "1180591620717411303424"],
  ["%#.0f", [1], "1."],
  ["%f", [Infinity], "inf"],
  ["%5.1f|", [-Infinity], " -inf|"],
  ["%e", [12345.678], "1.234568e+04"],
  ["%.0e", [25], "2e+01"],
  ["%#.0e", [3], "3.e+00"],
  ["%E", [1e-300], "1.000000E-300"],
  ["%.3e", [F(-0)], "-0.000e+00"],
  ["%g", [100000], "100000"],
  ["%g", [F(1e6)], "1e+06"],
  ["%g", [1e-5], "1e-05"],
  ["%g", [0.0001], "0.0001"],
  ["%.3g", [0.00012345], "0.000123"],
  ["%#g", [1], "1.00000"],
  ["%#.3g", [999.5], "1.e+03"],
  ["%#g", [999999.5], "1.e+06"],
  ["%.14g", [1234567890123.25], "1234567890123.2"],
  ["%.17g", [0.1], "0.10000000000000001"],
  ["%G", [1e-10], "1E-10"],
  ["%a", [1], "0x1p+0"],
  ["%a", [0.1], "0x1.999999999999ap-4"],
  ["%A", [-255.5], "-0X1.FFP+7"],
  ["%a", [2 ** -1074], "0x0.0000000000001p-1022"],
  ["%.0a", [1.5], "0x2p+0"],
  ["%.1a", [1.96875], "0x2.0p+0"],
  ["%#a", [1], "0x1.p+0"],
  ["%020a|", [-1.5], "-0x000000000001.8p+0|"],
  ["%a", [0], "0x0p+0"],
  ["%q", ['a\nb"c\0'], '"a\\\nb\\"c\\0"'],
  ["%q", ["\x001"], '"\\0001"'],
  ["%q", ["\x80\xff\x7f"], '"\x80\xff\\127"'],
  ["%q", [0.1], "0x1.999999999999ap-4"],
  ["%q", [MININTEGER], "0x8000000000000000"],
  ["%q", [Infinity], "1e9999"],
  ["%q", [-Infinity], "-1e9999"],
  ["%q", [NaN], "(0/0)"],
  ["%q", [F(1)], "0x1p+0"],
  ["%q", [undefined], "nil"],
  ["%q", [true], "true"],
  ["%s|%5s|%-5s|%.2s", ["abc", "ab", "ab", "xyz"], "abc|   ab|ab   |xy"],
  ["%s %s", [F(1), F(-0)], "1.0 -0.0"],
  ["%%", [], "%"],
  ["%5.2s|", ["abc"], "   ab|"],
  ["%s", ["a\0b"], "a\0b"],
  ["%d", [], "!bad argument #2 (no value)"],
  ["%d", ["x"], "!bad argument #2 (number expected, got string)"],
  ["%d", [1.5], "!bad argument #2 (number has no integer representation)"],
  ["%y", [1], "!invalid conversion '%y' to 'format'"],
  ["%", [1], "!invalid conversion '%' to 'format'"],
  ["%100d", [1], "!invalid conversion specification: '%100d'"],
  ["%.100f", [1], "!invalid conversion specification: '%.100f'"],
  ["%+x", [1], "!invalid conversion specification: '%+x'"],
  ["%05c", [65], "!invalid conversion specification: '%05c'"],
  ["%5q", [1], "!specifier '%q' cannot have modifiers"],
  ["%q", [new LuaTable()], "!bad argument #2 (value has no literal form)"],
  ["%5s", ["a\0b"], "!bad argument #2 (string contains zeros)"],
  ["%111111111111111111111d", [1], "!invalid format (too long)"],
  ["%ld", [1], "!invalid conversion '%l' to 'format'"],
];

function run(fmt: string, args: unknown[]): string {
  try {
    return str_format(fmt, ...args) as string;
  } catch (e) {
    if (!(e instanceof LuaError)) throw e;
    return "!" + String(e.value).replace(/^.*?:\d+: /, "").replace(/^bad argument (#\d+) to '[\w.]+'/, "bad argument $1");
  }
}

describe("string.format", () => {
  for (const [fmt, args, expected] of ROWS) {
    it(`${JSON.stringify(fmt)} ${args.length} arg(s)`, () => assert.equal(run(fmt, args), expected));
  }
});
