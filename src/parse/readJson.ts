import { createIssue } from '../model/issue.js';
import { jsonErrorOffset, jsonLocator } from './jsonLocator.js';
import type { RawRead, ReadContext } from './reader.js';
import { positionAt } from './text.js';

/**
 * Reads a JSON event file. A syntax error names the line and column of the
 * first character that breaks the JSON.
 *
 * @param text - the file's text
 * @param context - the file
 * @returns the raw value, a locator and the problems
 */
export function readJson(text: string, context: ReadContext): RawRead {
  try {
    return { raw: JSON.parse(text), locate: jsonLocator(text), issues: [] };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    const at = positionAt(text, jsonErrorOffset(text));
    return { locate: () => undefined, issues: [createIssue('error', 'json/syntax', message, { file: context.file, ...at })] };
  }
}
