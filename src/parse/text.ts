import { createIssue, type Issue } from '../model/issue.js';
import type { Position } from '../model/fieldPath.js';

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

/** The offsets where each line of a text starts, for offset -> line and column by binary search: for many offsets of one text (`positionAt` answers one). */
export function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** What the text itself says before it is parsed: a NUL means it is not text; U+FFFD marks bytes that were not UTF-8. */
export function checkText(text: string, file: string | undefined): Issue[] {
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return [createIssue('error', 'text/nul', 'contains a NUL character: not a text file', { file, ...positionAt(text, nul) })];
  const bad = text.indexOf('\ufffd');
  if (bad !== -1) return [createIssue('warning', 'text/invalid-utf8', 'contains bytes that are not valid UTF-8 (shown as \ufffd)', { file, ...positionAt(text, bad) })];
  return [];
}
