/**
 * Text as it comes out of a file, made ready to parse: byte-order mark
 * removed and line endings made `\n`, which keeps line numbers unchanged.
 */
export function normalizeNewlines(text: string): string {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = start ? text.slice(start) : text;
  return body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
}

/** 1-based line and column of a character offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}
