import type { Locator } from '../model/fieldPath.js';
import type { Issue } from '../model/issue.js';
import type { Mode } from '../model/mode.js';

/** What a format's reader makes of a file's text. */
export interface RawRead {
  /** The parsed value, when the text could be parsed. */
  raw?: unknown;
  /** Where a field is written in the file. */
  locate: Locator;
  /** Problems with the text itself: syntax, fences, duplicate keys, alias limits. */
  issues: Issue[];
  /** In Markdown: the body (the summary) and the line it starts on. */
  body?: { text: string; line: number };
}

/** What a reader needs besides the text. */
export interface ReadContext {
  /** The file, named in each issue. */
  file?: string;
  /** `strict` or `lenient`: decides whether a duplicate key is an error. */
  mode: Mode;
}

/** A reader of one format: text in, raw value, locator and problems out. */
export type Reader = (text: string, context: ReadContext) => RawRead;
