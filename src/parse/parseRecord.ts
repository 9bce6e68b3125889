import { EVENT_FIELDS, SOURCE_FIELDS } from '../model/fieldTable.js';
import { DERIVED_DATE_KEYS, EventSchema, LenientEventSchema, type Event } from '../model/event.js';
import { isRecord, type FieldPath, type Position } from '../model/fieldPath.js';
import { createIssue, type Issue } from '../model/issue.js';
import { checkMode, type Mode } from '../model/mode.js';
import { jsonErrorOffset, jsonLocator } from './jsonLocator.js';
import type { ParseEventResult } from './parseEvent.js';
import { describeInput, schemaIssue } from './schemaIssue.js';
import { checkText, positionAt } from './text.js';

/** Options for {@link parseRecord}. */
export interface ParseRecordOptions {
  /** The dataset file, named in each issue. */
  file?: string;
  /** `strict` (the default) or `lenient`: which schema the record must meet. */
  mode?: Mode;
  /** 1-based line in the file where the record starts (default 1): issues give lines in the file. */
  line?: number;
  /** 1-based column where the record starts (default 1). */
  column?: number;
}

// Files spell some keys otherwise than the model (archive_url); a record of
// a built dataset uses the model's spelling, so the locator is asked in it.
const MODEL_KEYS = new Map([...EVENT_FIELDS, ...SOURCE_FIELDS].filter((f) => f.file !== f.model).map((f) => [f.file, f.model]));

const isDerived = (key: string) => (DERIVED_DATE_KEYS as readonly string[]).includes(key);

/**
 * Reads one record of a built dataset (an item of `events.json`, a line of
 * `events.ndjson`): JSON in the model's spelling (`captureLanes`,
 * `archiveUrl`), checked against the event model. The keys the build
 * derives from `date` (`dateStart`...) must agree with it and are dropped:
 * the event is what the seeds hold. Never throws for bad data; every issue
 * names the file and the line and column in it.
 *
 * @param text - the record's JSON text
 * @param options - the file, the mode, and where the record starts in the file
 * @returns the event (when the record has no error) and the issues
 *
 * @example
 * ```ts
 * const { issues } = parseRecord('{"id": "x"}', { file: 'data/events.json', line: 12, column: 3 });
 * `${issues[0].file}:${issues[0].line}:${issues[0].column} [${issues[0].code}]`;
 * // => 'data/events.json:12:10 [schema/id]'
 * ```
 */
export function parseRecord(text: string, options: ParseRecordOptions = {}): ParseEventResult {
  if (typeof text !== 'string') throw new TypeError('parseRecord: text must be a string');
  const mode = checkMode(options.mode, 'parseRecord');
  const { file } = options;
  const line = options.line ?? 1;
  const column = options.column ?? 1;
  // Positions in the record, made positions in the file.
  const shift = (p: Position): Position => ({ line: p.line + line - 1, column: p.line === 1 ? p.column + column - 1 : p.column });
  const placed = (issue: Issue): Issue => (issue.line === undefined ? { ...issue, line, column } : Object.assign(issue, shift({ line: issue.line, column: issue.column ?? 1 })));

  const issues = checkText(text, file).map(placed);
  if (issues.some((i) => i.severity === 'error')) return { issues };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    issues.push(createIssue('error', 'json/syntax', message, { file, ...shift(positionAt(text, jsonErrorOffset(text))) }));
    return { issues };
  }
  if (!isRecord(raw)) {
    issues.push(createIssue('error', 'parse/not-an-object', `expected an event (key-value pairs), got ${Array.isArray(raw) ? 'a list' : describeInput(raw)}`, { file, line, column }));
    return { issues };
  }
  const json = jsonLocator(text);
  const locate = (path: FieldPath) => json(path.map((part) => (typeof part === 'string' ? (MODEL_KEYS.get(part) ?? part) : part)));
  const schema = mode === 'strict' ? EventSchema : LenientEventSchema;
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const zi of parsed.error.issues) issues.push(placed(schemaIssue(zi, { prefix: 'schema', root: 'event', candidate: raw, locate, file })));
    return { issues };
  }
  const event: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed.data)) if (!isDerived(key)) event[key] = value;
  return { event: event as Event, issues };
}
