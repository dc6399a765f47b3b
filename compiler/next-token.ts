// The next Lua token after a source offset (blanks and comments skipped): where lua5.4's
// parser stands when it reports an error, for "near 'x'" and for the error's line.

/** The Lua token starting at or after `offset` (blanks and comments skipped); text "" at the end. */
export function nextToken(src: string, offset: number): { offset: number; text: string } {
  let i = offset;
  for (;;) {
    while (i < src.length && /\s/.test(src[i])) i++;
    if (src.startsWith("--", i)) {
      const long = /^--\[(=*)\[/.exec(src.slice(i, i + 260));
      if (long) {
        const close = src.indexOf("]" + long[1] + "]", i);
        i = close < 0 ? src.length : close + long[1].length + 2;
      } else {
        const nl = src.indexOf("\n", i);
        i = nl < 0 ? src.length : nl + 1;
      }
      continue;
    }
    break;
  }
  if (i >= src.length) return { offset: i, text: "" };
  const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 256));
  if (word) return { offset: i, text: word[0] };
  const op = /^(?:\.\.\.|\.\.|==|~=|<=|>=|<<|>>|\/\/|::|.)/s.exec(src.slice(i, i + 3))!;
  return { offset: i, text: op[0] };
}
