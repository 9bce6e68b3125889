import type * as z from 'zod';
import { EventSchema, LenientEventSchema, type Event } from '../model/event.js';
import type { Issue, Severity } from '../model/issue.js';
import { EVENT_ID_PATTERN, idDate } from '../model/ids.js';
import { isRecord, normalizeEvent, type Mode } from '../normalize/normalizeEvent.js';
import { splitFrontMatter } from './frontmatter.js';
import { formatPath, jsonErrorOffset, jsonLocator, yamlLocator, type FieldPath, type Position } from './locate.js';
import { findMojibake } from './mojibake.js';
import { normalizeNewlines, positionAt } from './text.js';
import { loadYaml } from './yaml.js';

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
 * The default limit on a file's length in characters (1 MiB).
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
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'json') return 'json';
  return undefined;
}

function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(input) ?? String(input);
  } catch {
    text = String(input);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// File keys differ from model keys in two places.
// A field that is missing is reported at the start of the file.
const START: Position = { line: 1, column: 1 };

const FILE_KEY: Record<string, string> = { captureLanes: 'capture_lanes', archiveUrl: 'archive_url' };

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
 * // => 'x.md:5:13 importance: expected an integer 1-10, got "high" [schema/importance]'
 * ```
 */
export function parseEvent(text: string, options: ParseEventOptions = {}): ParseEventResult {
  const { file, mode = 'strict', maxLength = DEFAULT_MAX_LENGTH } = options;
  const issues: Issue[] = [];
  const add: Add = (severity, code, message, at, path) => {
    const issue: Issue = { severity, code, message };
    if (file !== undefined) issue.file = file;
    if (at !== undefined) {
      issue.line = at.line;
      if (at.column !== undefined) issue.column = at.column;
    }
    if (path) issue.path = path;
    issues.push(issue);
  };
  if (typeof text !== 'string') throw new TypeError('parseEvent: text must be a string');
  if (mode !== 'strict' && mode !== 'lenient') throw new TypeError(`parseEvent: mode must be 'strict' or 'lenient'`);
  // Measured before anything else is done with the text.
  if (text.length > maxLength) {
    add('error', 'file/too-large', `${text.length} characters is over the limit of ${maxLength}`);
    return { issues };
  }
  try {
    return parseChecked(normalizeNewlines(text), options, mode, issues, add);
  } catch (error) {
    // A parser bug or an exhausted stack must not take the process down.
    add('error', 'parse/internal', `could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return { issues };
  }
}

type Add = (severity: Severity, code: string, message: string, at?: { line: number; column?: number }, path?: string) => void;

function parseChecked(
  text: string,
  options: ParseEventOptions,
  mode: Mode,
  issues: Issue[],
  add: Add,
): ParseEventResult {
  const { file } = options;
  const format = options.format ?? (file !== undefined ? formatOf(file) : undefined) ?? 'md';
  // One scan finds every text that needs a closer look: NUL, U+FFFD, and
  // the lead characters of mis-decoded UTF-8.
  if (/[\u0000\ufffd\u00c2-\u00f4]/.test(text)) {
    const nul = text.indexOf('\u0000');
    if (nul !== -1) {
      add('error', 'text/nul', 'contains a NUL character: not a text file', positionAt(text, nul));
      return { issues };
    }
    const bad = text.indexOf('\ufffd');
    if (bad !== -1) add('warning', 'text/invalid-utf8', 'contains bytes that are not valid UTF-8 (shown as \ufffd)', positionAt(text, bad));
    const damaged = findMojibake(text);
    if (damaged.length > 0) {
      const first = damaged[0]!;
      add(
        'warning',
        'text/mojibake',
        `"${first.found}" looks like UTF-8 read as Windows-1252 (meant "${first.repaired}")${damaged.length > 1 ? `; ${damaged.length} places` : ''}; run fix to repair`,
        positionAt(text, first.index),
      );
    }
  }

  // 1. Text -> raw object, and a way to find a field in the text.
  let raw: unknown;
  let locate: (path: FieldPath) => Position | undefined;
  let body: { text: string; line: number } | undefined;
  if (format === 'json') {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      add('error', 'json/syntax', message.replace(/\s+/g, ' '), positionAt(text, jsonErrorOffset(text)));
      return { issues };
    }
    locate = jsonLocator(text);
  } else {
    let yamlText = text;
    let offset = 0;
    if (format === 'md') {
      const parts = splitFrontMatter(text);
      if ('problem' in parts) {
        add('error', 'frontmatter/missing', parts.problem, { line: parts.line, column: 1 });
        return { issues };
      }
      if (parts.falseFence !== undefined) {
        add('error', 'frontmatter/fence', "a line starting with '---' inside the front matter; only a line that is exactly '---' closes it", { line: parts.falseFence, column: 1 });
        return { issues };
      }
      yamlText = parts.yaml;
      offset = parts.yamlLine - 1;
      body = { text: parts.body.trim(), line: parts.bodyLine };
    }
    const yaml = loadYaml(yamlText);
    for (const p of yaml.problems) {
      const severity: Severity = p.code === 'yaml/duplicate-key' && mode === 'lenient' ? 'warning' : 'error';
      add(severity, p.code, p.message, p.line !== undefined ? { line: p.line + offset + 1, column: (p.column ?? 0) + 1 } : undefined);
    }
    if (yaml.value === undefined || issues.some((i) => i.severity === 'error' && i.code.startsWith('yaml/'))) {
      if (yaml.value === undefined && yaml.problems.length === 0) add('error', 'yaml/empty', 'the front matter is empty', { line: offset + 1 });
      return { issues };
    }
    raw = yaml.value;
    // The scan of the YAML's lines happens once, and only for a file with issues.
    let find: ((path: FieldPath) => Position | undefined) | undefined;
    locate = (path) => {
      // In Markdown the summary is the body, unless the front matter has one.
      if (format === 'md' && path[0] === 'summary' && body && !(isRecord(raw) && 'summary' in raw)) return { line: body.line, column: 1 };
      find ??= yamlLocator(yamlText);
      const pos = find(path);
      return pos && { line: pos.line + offset, column: pos.column };
    };
  }
  if (!isRecord(raw)) {
    add('error', 'parse/not-an-object', `expected key-value pairs, got ${Array.isArray(raw) ? 'a list' : describeInput(raw)}`, { line: 1 });
    return { issues };
  }

  // 2. Raw object -> canonical candidate.
  const normalized = normalizeEvent(raw, mode);
  const candidate = normalized.candidate;
  if (body !== undefined) {
    if (candidate.summary !== undefined) {
      if (body.text === '' && mode === 'lenient' && typeof candidate.summary === 'string') {
        add('warning', 'legacy/summary-in-frontmatter', 'summary: read from the front matter; the body is empty', locate(['summary']), 'summary');
      } else {
        const extra = (candidate.extra ??= {}) as Record<string, unknown>;
        extra.summary = candidate.summary;
        add(mode === 'lenient' ? 'warning' : 'error', 'legacy/extra-key', 'summary: the body is the summary; the front matter key is kept in extra', locate(['summary']), 'summary');
        candidate.summary = body.text;
      }
    } else candidate.summary = body.text;
  }
  for (const n of normalized.issues) add(n.severity, n.code, n.message, locate(n.path) ?? START, formatPath(n.path));

  // 3. Schema.
  const schema = mode === 'strict' ? EventSchema : LenientEventSchema;
  const parsed = schema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) {
    for (const zi of parsed.error.issues) addSchemaIssue(zi, candidate, locate, add);
  }

  // 4. Identity: id vs date vs file name.
  const id = candidate.id;
  if (typeof id === 'string') {
    const legacy: Severity = mode === 'strict' ? 'error' : 'warning';
    if (mode === 'lenient' && parsed.success && !EVENT_ID_PATTERN.test(id)) {
      add('warning', 'legacy/id-format', `id: "${id}" is not written YYYY-MM-DD--kebab-slug`, locate(['id']), 'id');
    }
    const day = idDate(id);
    if (mode === 'lenient' && day !== undefined && typeof candidate.date === 'string' && day !== candidate.date) {
      add('warning', 'legacy/id-date-mismatch', `id: starts with ${day} but the date is ${candidate.date}`, locate(['id']), 'id');
    }
    if (file !== undefined) {
      const base = file.split(/[/\\]/).pop()!.replace(/\.[^.]+$/, '');
      if (base !== id) {
        add(legacy, 'identity/file-name', `id: "${id}" differs from the file name "${base}"`, locate(['id']), 'id');
      }
    }
  }

  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const ok = parsed.success && !issues.some((i) => i.severity === 'error');
  return ok ? { event: parsed.data as Event, issues } : { issues };
}

function addSchemaIssue(
  zi: z.core.$ZodIssue,
  candidate: Record<string, unknown>,
  locate: (path: FieldPath) => Position | undefined,
  add: Add,
): void {
  const path = zi.path.filter((p): p is string | number => typeof p !== 'symbol');
  const filePath = path.map((p) => (typeof p === 'string' ? (FILE_KEY[p] ?? p) : p));
  const field = path.filter((p) => typeof p === 'string').join('.');
  const code = `schema/${field || 'event'}`;
  const where = formatPath(filePath);
  let message: string;
  if (zi.code === 'unrecognized_keys') {
    message = `unknown ${zi.keys.length > 1 ? 'keys' : 'key'} ${zi.keys.join(', ')}`;
  } else {
    const missing = zi.input === undefined && !hasPath(candidate, path);
    message = `${where ? `${where}: ` : ''}${zi.message}${missing ? ', but it is missing' : `, got ${describeInput(zi.input)}`}`;
  }
  add('error', code, message, locate(filePath) ?? START, where);
}

function hasPath(root: unknown, path: readonly (string | number)[]): boolean {
  let node: unknown = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) return false;
    node = (node as Record<string | number, unknown>)[part];
  }
  return true;
}
