import { EventSchema, LenientEventSchema, type Event } from '../model/event.js';
import { isRecord, type Locator } from '../model/fieldPath.js';
import { createIssue, type Issue } from '../model/issue.js';
import { severityOf } from '../model/issueCodes.js';
import { checkMode, type Mode } from '../model/mode.js';
import { normalizeEvent } from '../normalize/normalizeEvent.js';
import { readJson } from './readJson.js';
import { readMarkdown } from './readMarkdown.js';
import type { ReadContext, Reader } from './reader.js';
import { readYaml } from './readYaml.js';
import { describeInput, schemaIssue } from './schemaIssue.js';
import { checkText, normalizeNewlines } from './text.js';
import { append } from '../model/append.js';

/** The file formats an event can be written in. */
export type EventFormat = 'md' | 'yaml' | 'json';

/** Options for {@link parseEvent}. */
export interface ParseEventOptions {
  /** The file name or path, used in issues and to pick the format. */
  file?: string;
  /** The format; by default taken from the file's extension, else `md`. */
  format?: EventFormat;
  /** `strict` (the canonical model only) or `lenient` (legacy spellings mapped, with warnings). Default `strict`. */
  mode?: Mode;
  /** Texts longer than this many characters are refused. Default 1 MiB. */
  maxLength?: number;
}

/** The outcome of {@link parseEvent}. */
export interface ParseEventResult {
  /** The event, when the file has no error. */
  event?: Event;
  /** Every problem found, errors and warnings, in file order. */
  issues: Issue[];
}

/**
 * The default limit on an event text's length in characters (1 Mi), which
 * `parseEvent` checks; a file on disk is limited in bytes by
 * `DEFAULT_MAX_FILE_BYTES` (from `democracy-timeline/node`).
 *
 * @example
 * ```ts
 * DEFAULT_MAX_LENGTH;
 * // => 1048576
 * ```
 */
export const DEFAULT_MAX_LENGTH = 1024 * 1024;

/**
 * The format a file name implies: `.md`/`.markdown`, `.yaml`/`.yml`, `.json`.
 *
 * @param file - a file name or path
 * @returns the format, or undefined for other extensions
 *
 * @example
 * ```ts
 * formatOf('events/2025-11-06--x.yml');
 * // => 'yaml'
 * ```
 */
export function formatOf(file: string): EventFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  return ext === undefined ? undefined : FORMAT_OF_EXTENSION.get(ext);
}


// A field that is missing is reported at the start of the file.
const START = { line: 1, column: 1 };

/**
 * Parses one event file's text into a validated event and the issues found.
 * Never throws for bad data: every problem becomes an issue naming the file,
 * the line and column, the field and a stable code.
 *
 * @param text - the file's text
 * @param options - file name, format and mode
 * @returns the event (when there is no error) and the issues
 *
 * @example
 * ```ts
 * const text = [
 *   '---',
 *   'id: 2025-11-06--kazakhstan-abraham-accords-announcement',
 *   "date: '2025-11-06'",
 *   'title: Kazakhstan to join the Abraham Accords',
 *   'importance: high',
 *   'tags: [foreign-policy]',
 *   'actors: [Donald Trump]',
 *   'sources:',
 *   '- title: Kazakhstan to join Abraham Accords',
 *   '  url: https://www.axios.com/2025/11/06/x',
 *   '---',
 *   'Trump announced that Kazakhstan would join the Abraham Accords.',
 * ].join('\n');
 * const { event, issues } = parseEvent(text, { file: 'x.md' });
 * event;
 * // => undefined
 * `${issues[0].file}:${issues[0].line}:${issues[0].column} ${issues[0].message} [${issues[0].code}]`;
 * // => 'x.md:5:13 importance: expected an integer 1-10, or null when not rated, got "high" [schema/importance]'
 * ```
 */
export function parseEvent(text: string, options: ParseEventOptions = {}): ParseEventResult {
  if (typeof text !== 'string') throw new TypeError('parseEvent: text must be a string');
  const mode = checkMode(options.mode, 'parseEvent');
  const { file, maxLength = DEFAULT_MAX_LENGTH } = options;
  const format = options.format ?? (file !== undefined ? formatOf(file) : undefined) ?? 'md';
  // Measured before anything else is done with the text.
  if (text.length > maxLength) {
    return { issues: [createIssue('error', 'file/too-large', `${text.length} characters is over the limit of ${maxLength}`, { file })] };
  }
  try {
    return runPipeline(normalizeNewlines(text), format, { file, mode });
  } catch (error) {
    // A parser bug or an exhausted stack must not take the process down.
    return { issues: [createIssue('error', 'parse/internal', `could not be read: ${error instanceof Error ? error.message : String(error)}`, { file })] };
  }
}

/**
 * The formats of event files: each one's file extensions (the first is
 * the one written) and its reader. Which files are event files, and how
 * each is read, comes from here alone.
 *
 * @example
 * ```ts
 * EVENT_FORMATS.yaml.extensions;
 * // => ['yaml', 'yml']
 * ```
 */
export const EVENT_FORMATS: Readonly<Record<EventFormat, { extensions: readonly string[]; read: Reader }>> = {
  md: { extensions: ['md', 'markdown'], read: readMarkdown },
  yaml: { extensions: ['yaml', 'yml'], read: readYaml },
  json: { extensions: ['json'], read: readJson },
};

/** Every event file extension, as {@link EVENT_FORMATS} lists them. */
export const EVENT_EXTENSIONS: readonly string[] = Object.values(EVENT_FORMATS).flatMap((f) => f.extensions);

const FORMAT_OF_EXTENSION = new Map(Object.entries(EVENT_FORMATS).flatMap(([format, f]) => f.extensions.map((ext) => [ext, format as EventFormat] as const)));

/** The reader of each format. */
export const READERS: Record<EventFormat, Reader> = { md: EVENT_FORMATS.md.read, yaml: EVENT_FORMATS.yaml.read, json: EVENT_FORMATS.json.read };

/** Text in, event and issues out: the text checks, the format's reader, normalizing, the summary rule, the schema. */
function runPipeline(text: string, format: EventFormat, context: ReadContext): ParseEventResult {
  const { file, mode } = context;
  const issues = checkText(text, file);
  if (issues.some((i) => i.severity === 'error')) return { issues };

  const read = READERS[format](text, context);
  append(issues, read.issues);
  const { raw, locate, body } = read;
  if (raw === undefined) return { issues };
  // A date a reader took for a number is read as it is written: `date: 1e3`
  // or `2025.0` is that text (and refused), never the year 1000 or 2025.
  if (isRecord(raw) && typeof raw.date === 'number') {
    const written = writtenScalar(text, locate(['date']));
    if (written !== undefined && written !== String(raw.date)) raw.date = written;
  }
  if (!isRecord(raw)) {
    issues.push(createIssue('error', 'parse/not-an-object', `expected key-value pairs, got ${Array.isArray(raw) ? 'a list' : describeInput(raw)}`, { file, line: 1 }));
    return { issues };
  }

  const normalized = normalizeEvent(raw, { mode, file, locate });
  const candidate = normalized.candidate;
  if (body !== undefined) append(issues, applyBody(candidate, body.text, context, locate));
  for (const issue of normalized.issues) {
    // `- #MeToo` is a comment to YAML: the item was empty. Say why.
    if (issue.code === 'legacy/null-item' && issue.line !== undefined && /^\s*-\s*#/.test(lineAt(text, issue.line))) {
      issue.message += `; in YAML a # starts a comment, so the value was never read: quote it ('${lineAt(text, issue.line).replace(/^\s*-\s*/, '').trim()}') to keep it`;
    }
    issues.push(issue);
  }

  const schema = mode === 'strict' ? EventSchema : LenientEventSchema;
  const parsed = schema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) for (const zi of parsed.error.issues) issues.push(schemaIssue(zi, { prefix: 'schema', root: 'event', candidate, locate, file }));

  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  // No tags is allowed, but no tag query will ever find the event.
  if (parsed.success && Array.isArray(candidate.tags) && candidate.tags.length === 0) {
    issues.push(createIssue('warning', 'lint/no-tags', 'tags: none; the event loads, but no query by tag finds it: add at least one', { file, ...(locate(['tags']) ?? START), path: 'tags' }));
  }
  const ok = parsed.success && !issues.some((i) => i.severity === 'error');
  return ok ? { event: parsed.data as Event, issues } : { issues };
}

/** The text of a 1-based line. */
function lineAt(text: string, line: number): string {
  let start = 0;
  for (let n = 1; n < line; n++) {
    start = text.indexOf('\n', start) + 1;
    if (start === 0) return '';
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

/** The text of a one-line scalar written at a position: up to a comment, a comma or a closing bracket. */
function writtenScalar(text: string, at: { line: number; column: number } | undefined): string | undefined {
  if (!at) return undefined;
  let start = 0;
  for (let n = 1; n < at.line; n++) {
    start = text.indexOf('\n', start) + 1;
    if (start === 0) return undefined;
  }
  const end = text.indexOf('\n', start);
  const line = text.slice(start + at.column - 1, end === -1 ? text.length : end);
  return /^[^\s,\]}#]+/.exec(line)?.[0];
}

/**
 * The summary rule of Markdown files: the body is the summary. A summary in
 * the front matter is read when the body is empty (leniently), else kept in
 * `extra`.
 */
function applyBody(candidate: Record<string, unknown>, body: string, context: ReadContext, locate: Locator): Issue[] {
  const { file, mode } = context;
  if (candidate.summary === undefined) {
    candidate.summary = body;
    return [];
  }
  const at = { file, ...(locate(['summary']) ?? START), path: 'summary' };
  if (body === '' && mode === 'lenient' && typeof candidate.summary === 'string') {
    return [createIssue('warning', 'legacy/summary-in-frontmatter', 'summary: read from the front matter; the body is empty', at)];
  }
  const extra = (candidate.extra ??= {}) as Record<string, unknown>;
  extra.summary = candidate.summary;
  candidate.summary = body;
  return [createIssue(severityOf('legacy/extra-key', mode), 'legacy/extra-key', 'summary: the body is the summary; the front matter key is kept in extra', at)];
}

