// The error the compiler raises for a syntax error: "chunk:line: message", as lua5.4 prints it.

export class LuaSyntaxError extends Error {
  readonly chunk: string;
  readonly line: number;
  readonly text: string;
  /** the source offset of the token the error is at, when known */
  readonly offset: number | undefined;
  constructor(chunk: string, line: number, text: string, offset?: number) {
    super(`${chunk}:${line}: ${text}`);
    this.name = "LuaSyntaxError";
    this.chunk = chunk;
    this.line = line;
    this.text = text;
    this.offset = offset;
  }
}
