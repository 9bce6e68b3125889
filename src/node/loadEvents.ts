import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import type { Event } from '../model/event.js';
import type { Issue } from '../model/issue.js';
import type { Mode } from '../normalize/normalizeEvent.js';
import { DEFAULT_MAX_LENGTH, formatOf, parseEvent } from '../parse/parseEvent.js';

/** Options for {@link loadEvents}. */
export interface LoadEventsOptions {
  /** `strict` (the canonical model only) or `lenient` (legacy spellings mapped). Default `strict`. */
  mode?: Mode;
  /** Glob patterns, relative to each folder, of the files to read. Default every `.md`, `.markdown`, `.yaml`, `.yml` and `.json` file. */
  include?: string | string[];
  /** Glob patterns, relative to each folder, of files to skip. `node_modules` is always skipped. */
  exclude?: string | string[];
  /** Files larger than this many bytes are refused with an issue. Default 1 MiB. */
  maxBytes?: number;
}

/** The outcome of {@link loadEvents}. */
export interface LoadEventsResult {
  /** Every event that loaded, sorted by date, then id. */
  events: Event[];
  /** Every problem, grouped by file in path order. */
  issues: Issue[];
}

/** The file patterns read by default. */
export const DEFAULT_INCLUDE = ['**/*.md', '**/*.markdown', '**/*.yaml', '**/*.yml', '**/*.json'];

const toList = (value: string | string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lists the event files under the given folders and files, in code-point path order. */
export function listEventFiles(paths: string | string[], options: Pick<LoadEventsOptions, 'include' | 'exclude'> = {}): string[] {
  const include = toList(options.include) ?? DEFAULT_INCLUDE;
  const ignore = ['**/node_modules/**', ...(toList(options.exclude) ?? [])];
  const files: string[] = [];
  for (const path of toList(paths) ?? []) {
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      files.push(path); // reported as unreadable when loaded
      continue;
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    // Relative entries keep a literal backslash in a file name (absolute
    // entries turn it into a separator); symlinks are never followed, so
    // nothing outside the folder is read.
    const entries = fg.sync(include, { cwd: path, ignore, onlyFiles: true, followSymbolicLinks: false, dot: false });
    entries.sort(byCodePoint);
    for (const entry of entries) files.push(join(path, entry));
  }
  return files;
}

function readText(file: string, maxBytes: number, issues: Issue[]): string | undefined {
  try {
    // stat first so an oversized file is never read; readFileSync with an
    // encoding then reads and decodes in one call, the fastest way Node has.
    const size = statSync(file).size;
    if (size > maxBytes) {
      issues.push({ severity: 'error', code: 'file/too-large', message: `${size} bytes is over the limit of ${maxBytes}`, file });
      return undefined;
    }
    // Invalid UTF-8 decodes to U+FFFD, which parseEvent reports with its line.
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    issues.push({ severity: 'error', code: 'file/read', message: `could not be read${code ? ` (${code})` : ''}`, file });
    return undefined;
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Loads every event file under the given folders (and any files named
 * directly): `.md` with YAML front matter, `.yaml`/`.yml` and `.json`, mixed
 * freely. One bad file never stops the others; each problem is an issue
 * naming its file. When two files share an id the first in path order wins
 * and the other gets a warning.
 *
 * @param paths - folders and files
 * @param options - mode, include and exclude patterns, size limit
 * @returns the events, sorted by date then id, and the issues
 *
 * @example
 * ```ts
 * import { loadEvents } from 'democracy-timeline/node';
 *
 * const { events, issues } = await loadEvents('seeds');
 * events[0].id;
 * // => '2025-11-06--kazakhstan-abraham-accords-announcement'
 * ```
 */
export async function loadEvents(paths: string | string[], options: LoadEventsOptions = {}): Promise<LoadEventsResult> {
  const mode = options.mode ?? 'strict';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LENGTH;
  const files = listEventFiles(paths, options);
  const events: Event[] = [];
  const issues: Issue[] = [];
  const owner = new Map<string, string>();
  // Reads are synchronous, one file at a time: no EMFILE however many files,
  // and much less overhead than one promise per file. The loop yields now and
  // then so a large folder does not block the event loop for long.
  for (let i = 0; i < files.length; i++) {
    if (i > 0 && i % 512 === 0) await yieldToEventLoop();
    const file = files[i]!;
    const text = readText(file, maxBytes, issues);
    if (text === undefined) continue;
    const result = parseEvent(text, { file, mode, maxLength: Number.MAX_SAFE_INTEGER, format: formatOf(file) ?? 'md' });
    for (const issue of result.issues) issues.push(issue);
    const event = result.event;
    if (!event) continue;
    const first = owner.get(event.id);
    if (first !== undefined) {
      issues.push({
        severity: 'warning',
        code: 'identity/duplicate-id',
        message: `id "${event.id}" is already loaded from ${first}; this file is skipped`,
        file,
        path: 'id',
      });
      continue;
    }
    owner.set(event.id, file);
    events.push(event);
  }
  events.sort((a, b) => byCodePoint(a.date, b.date) || byCodePoint(a.id, b.id));
  return { events, issues };
}
