import { compareDates } from '../../model/edtf.js';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import fg from 'fast-glob';
import { compareText as byCodePoint } from '../../model/compareText.js';
import type { Event } from '../../model/event.js';
import type { Issue } from '../../model/issue.js';
import { createIssue } from '../../model/issue.js';
import { severityOf } from '../../model/issueCodes.js';
import { checkMode, type Mode } from '../../model/mode.js';
import { duplicateIdRule, findTwins } from '../../lint/rules/duplicateId.js';
import { formerIdsRule } from '../../lint/rules/formerIds.js';
import { idFileNameRule } from '../../lint/rules/idFileName.js';
import type { LintEntry } from '../../lint/types.js';
import { locateId } from '../../parse/locate.js';
import { EVENT_EXTENSIONS, formatOf, parseEvent, type ParseEventResult } from '../../parse/parseEvent.js';
import type { DatasetLayout } from '../../parse/datasetRecords.js';
import { dataFolderEvents, datasetLayoutOf, MAX_DATASET_BYTES, readDatasetFile } from './datasetFile.js';
import { readParseCache, writeParseCache, type CachedParse } from './parseCache.js';
import { DEFAULT_MAX_FILE_BYTES, readFileBytes, readTextFile } from '../files/readTextFile.js';
import { NOT_EVENT_FILES } from './registryFile.js';

/** Options for {@link loadEvents}. */
export interface LoadEventsOptions {
  /** `strict` (the canonical model only) or `lenient` (legacy spellings mapped). Default `strict`. */
  mode?: Mode;
  /** Glob patterns, relative to each folder, of the files to read. Default every `.md`, `.markdown`, `.yaml`, `.yml` and `.json` file. */
  include?: string | string[];
  /**
   * Glob patterns, relative to each folder, of files to skip. Always skipped:
   * `node_modules`, actor registries (`actors.yaml`, `actors.yml`), what a
   * dataset says of itself (`dataset.yaml`, `dataset.yml`) and `README.md` files.
   */
  exclude?: string | string[];
  /** Files larger than this many bytes are refused with an issue; in a dataset file, records larger than this. Default 1 MiB. */
  maxBytes?: number;
  /**
   * A folder for a parse cache keyed by each file's name and content hash,
   * so a second load reuses every file that did not change. Off by default.
   */
  cache?: string;
  /** Keep every file's event, even when two files share an id (for lint). Default false: the first wins. */
  keepDuplicates?: boolean;
  /** Called as files are read (every 256 files, and at the end): how many of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** The outcome of {@link loadEvents}. */
export interface LoadEventsResult {
  /** Every event that loaded, sorted by date, then id. */
  events: Event[];
  /** Every problem, grouped by file in path order. */
  issues: Issue[];
  /** The file each event came from: `files[i]` for `events[i]`. */
  files: string[];
  /** The line where each event starts in its file: 1 for an event file, the record's line in a dataset file. */
  lines: number[];
  /** With a cache: a digest of every file's path, name and content, for callers that cache work derived from them. */
  digest?: string;
  /** How many files and records were found and what became of them; `events + notRead + refused + duplicates + skipped = records`. */
  counts: LoadCounts;
  /** The paths given that do not exist, or are folders holding no event file. */
  emptyPaths: string[];
  /** Every file looked at, in path order: `counts.files` of them. */
  found: string[];
  /** The files read as datasets (a record per event: a data folder's `events.json`, an `.ndjson` file...), in path order. */
  datasets: string[];
  /** Each record of a dataset file that was refused, with the line it starts on. */
  refusedRecords: { file: string; line: number }[];
  /** What was found and not read, and why: files that are no events, and hidden folders. */
  skipped: { path: string; why: string }[];
}

/** What became of the files {@link loadEvents} found. */
export interface LoadCounts {
  /** Event files found (and files named directly). */
  files: number;
  /**
   * Records read: one per event file, and one per event in a dataset file
   * (`events.json`, `events.ndjson`), so it equals `files` unless a dataset
   * file was read.
   */
  records: number;
  /** Events loaded. */
  events: number;
  /** Files that could not be read: missing, not a regular file, a link inside a folder, too large. */
  notRead: number;
  /** Records read but refused: an error in the file or record (or, reading strictly, a file name that is not the id). */
  refused: number;
  /** Records skipped because another has the same id. */
  duplicates: number;
  /** Files found that are no events (a README, `_index.md`): counted, not read. */
  skipped: number;
  /** Hidden folders (their names start with a dot), not searched. */
  hiddenFolders: number;
  /** Files whose parse came from the cache. */
  cached: number;
}

/** Files in an event folder that are not events. */
const ALWAYS_EXCLUDED = ['**/node_modules/**', ...NOT_EVENT_FILES.map((name) => `**/${name}`), '**/README.md'];

/**
 * The file patterns read by default.
 *
 * @example
 * ```ts
 * DEFAULT_INCLUDE.length;
 * // => 5
 * ```
 */
export const DEFAULT_INCLUDE: readonly string[] = EVENT_EXTENSIONS.map((ext) => `**/*.${ext}`);

const toList = (value: string | string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];


/**
 * Lists the event files under the given folders and files, in code-point
 * path order; actor registries, READMEs, pages such as `_index.md` and
 * hidden files are left out (loadEvents counts those it finds).
 *
 * @param paths - folders and files
 * @param options - include and exclude patterns
 * @returns the files
 *
 * @example
 * ```ts
 * listEventFiles('seeds');
 * // => ['seeds/2025-11-06--kazakhstan-abraham-accords-announcement.md']
 * ```
 */
export function listEventFiles(paths: string | string[], options: Pick<LoadEventsOptions, 'include' | 'exclude'> = {}): string[] {
  return eventFiles(paths, options)
    .filter((entry) => entry.notEvent === undefined && !entry.hidden)
    .map((entry) => entry.file);
}

/** A file to read: its path, and whether it was found inside a folder (then links are not followed). */
export interface EventFileEntry {
  /** The path. */
  file: string;
  /** True when found by walking a folder, false when named directly. */
  inFolder: boolean;
  /** True for a hidden file found in a folder: reported, not read. (Hidden folders are not searched.) */
  hidden?: boolean;
  /** True when the folder's listing says it is a regular file (not a link, a FIFO or a device). */
  regular?: boolean;
  /** Set for a dataset file (a data folder's `events.json`, or an `.ndjson` file named directly): its layout. */
  dataset?: DatasetLayout;
  /** Set for a file found in a folder that is no event (a README, `_index.md`): why. It is counted, not read. */
  notEvent?: string;
}

const isEventFile = (name: string) => formatOf(name) !== undefined;
const SKIPPED_NAMES = new Set(['node_modules']);

/** A file found in a folder: its path relative to the folder, and whether the listing says it is a regular file. */
interface Found {
  path: string;
  regular: boolean;
  /** Why the file is no event, when it is none. */
  notEvent?: string;
}

/**
 * Why a Markdown file found in an event folder is no event, when it is
 * none: a README, or a name starting with `_` (a Hugo section page,
 * `_index.md`, and its kin).
 */
function notAnEvent(name: string): string | undefined {
  if (formatOf(name) !== 'md') return undefined;
  if (/^readme\./i.test(name)) return 'a README';
  if (name.startsWith('_')) return 'a page whose name starts with _ (a Hugo section page, _index.md, and its kin)';
  return undefined;
}

/** The default patterns, walked by hand: event files under a folder, in any depth; hidden folders are named in `hidden`, not searched. */
function walk(dir: string, prefix = '', out: Found[] = [], hidden: string[] = []): Found[] {
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.')) hidden.push(name);
      else if (!SKIPPED_NAMES.has(entry.name)) walk(dir, `${name}/`, out, hidden);
    } else if (isEventFile(entry.name) && !NOT_EVENT_FILES.includes(entry.name)) {
      const why = notAnEvent(entry.name);
      out.push(why ? { path: name, regular: entry.isFile(), notEvent: why } : { path: name, regular: entry.isFile() });
    }
  }
  return out;
}

/**
 * {@link listEventFiles}, saying for each file how it was found; paths that
 * do not exist or hold no event file go to `empty`, and hidden folders,
 * which are not searched, to `hiddenFolders`.
 */
export function eventFiles(paths: string | string[], options: Pick<LoadEventsOptions, 'include' | 'exclude'> = {}, empty: string[] = [], hiddenFolders: string[] = []): EventFileEntry[] {
  const include = toList(options.include) ?? [...DEFAULT_INCLUDE];
  const ignore = [...ALWAYS_EXCLUDED, ...(toList(options.exclude) ?? [])];
  const files: EventFileEntry[] = [];
  for (const path of toList(paths) ?? []) {
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      files.push({ file: path, inFolder: false }); // reported as unreadable when loaded
      empty.push(path);
      continue;
    }
    if (!isDirectory) {
      files.push(/\.(?:ndjson|jsonl)$/i.test(path) ? { file: path, inFolder: false, dataset: 'ndjson' } : { file: path, inFolder: false });
      continue;
    }
    // A built data folder: its events file holds the events; the other
    // files are derived from it.
    const events = dataFolderEvents(path);
    if (events !== undefined) {
      files.push({ file: events, inFolder: true, dataset: events.endsWith('.ndjson') ? 'ndjson' : 'json' });
      continue;
    }
    // Relative entries keep a literal backslash in a file name (absolute
    // entries turn it into a separator). Every match but a folder is read:
    // a FIFO or a device becomes an issue, and a symbolic link is reported,
    // never followed, so nothing outside the folder is read.
    // Extensions match in any case (.MD is Markdown); hidden files are listed
    // so they can be reported, never read silently or skipped silently.
    const found: Found[] = [];
    const hidden: string[] = [];
    // The default patterns are walked by hand, which also names the hidden
    // folders it does not search (and fast-glob cannot search a folder whose
    // path holds a backslash).
    if (!options.include && !options.exclude) walk(path, '', found, hidden);
    else {
      const entries = fg.sync(include, { cwd: path, ignore: [...ignore, '**/.*/**'], onlyFiles: false, followSymbolicLinks: false, dot: true, caseSensitiveMatch: false, objectMode: true });
      for (const { path: name, dirent } of entries) if (!dirent.isDirectory()) found.push({ path: name, regular: dirent.isFile() });
    }
    found.sort((a, b) => byCodePoint(a.path, b.path));
    if (found.every((f) => f.notEvent)) empty.push(path);
    // join() once for the folder: the names found are already clean relative paths.
    const root = join(path, '.');
    const prefix = root === '.' ? '' : root.endsWith(sep) ? root : root + sep;
    for (const { path: name, regular, notEvent } of found) {
      const entry: EventFileEntry = { file: sep === '/' ? prefix + name : join(path, name), inFolder: true, hidden: name.charCodeAt(name.lastIndexOf('/') + 1) === 46, regular };
      if (notEvent) entry.notEvent = notEvent;
      files.push(entry);
    }
    for (const name of hidden.sort(byCodePoint)) hiddenFolders.push(sep === '/' ? prefix + name : join(path, name));
  }
  return files;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Loads every event file under the given folders (and any files named
 * directly): `.md` with YAML front matter, `.yaml`/`.yml` and `.json`, mixed
 * freely. One bad file never stops the others; each problem is an issue
 * naming its file, and `counts` says what became of every file found. When
 * two files share an id, the file named after the id is kept (else the first
 * in path order) and each other one is reported: a warning when reading
 * leniently, an error when strictly. Reading strictly, a file must be named
 * after its id.
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
  const mode = checkMode(options.mode, 'loadEvents');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const emptyPaths: string[] = [];
  const hiddenFolders: string[] = [];
  const files = eventFiles(paths, options, emptyPaths, hiddenFolders);
  const skipped: { path: string; why: string }[] = [];
  let parsed: LintEntry[] = [];
  const issues: Issue[] = [];
  const buffer = Buffer.allocUnsafe(maxBytes + 1);
  const digest = options.cache ? createHash('sha1') : undefined;
  const cached = options.cache ? readParseCache(options.cache) : undefined;
  const used = new Map<string, CachedParse>();
  const counts: LoadCounts = { files: files.length, records: files.length, events: 0, notRead: 0, refused: 0, duplicates: 0, skipped: 0, hiddenFolders: hiddenFolders.length, cached: 0 };
  // Records of dataset files: not held to the file-name rule; where each starts.
  const lineOf = new Map<LintEntry, number>();
  const datasets: string[] = [];
  const refusedRecords: { file: string; line: number }[] = [];
  // Reads are synchronous, one file at a time: no EMFILE however many files,
  // and much less overhead than one promise per file. The loop yields now and
  // then so a large folder does not block the event loop for long.
  for (let i = 0; i < files.length; i++) {
    if (i > 0 && i % 256 === 0) {
      options.onProgress?.(i, files.length);
      if (i % 512 === 0) await yieldToEventLoop();
    }
    const { file, inFolder, hidden, regular, dataset, notEvent } = files[i]!;
    if (notEvent) {
      skipped.push({ path: file, why: `not an event: ${notEvent}` });
      counts.skipped++;
      continue;
    }
    if (hidden) {
      issues.push(createIssue('warning', 'file/hidden', 'a hidden file: not read; rename it without the leading dot to read it', { file }));
      counts.notRead++;
      continue;
    }
    let text: string | undefined;
    // A dataset file, or a JSON file named directly (which may be one): read
    // whole, the size limit applying to each record.
    if (dataset !== undefined || (!inFolder && /\.json$/i.test(file))) {
      const bytes = readFileBytes(file, MAX_DATASET_BYTES, issues, { followLinks: !inFolder, regular });
      if (bytes === undefined) {
        counts.notRead++;
        continue;
      }
      const layout = dataset ?? datasetLayoutOf(file, bytes.subarray(0, 64));
      if (layout !== undefined) {
        const read = readDatasetFile(file, bytes, layout, { mode, maxBytes }, issues);
        datasets.push(file);
        for (const line of read.refusedLines) refusedRecords.push({ file, line });
        digest?.update(`${file}\u0000${createHash('sha1').update(bytes).digest('base64')}\u0000`);
        counts.records += read.records - 1;
        counts.refused += read.refused;
        for (const { event, line } of read.events) {
          const at = { line, column: 1 };
          const entry: LintEntry = { event, file, locate: () => at };
          lineOf.set(entry, line);
          parsed.push(entry);
        }
        continue;
      }
      if (bytes.length > maxBytes) {
        issues.push(createIssue('error', 'file/too-large', `over the limit of ${maxBytes} bytes`, { file }));
        counts.notRead++;
        continue;
      }
      text = bytes.toString('utf8');
    } else text = readTextFile(file, buffer, issues, { followLinks: !inFolder, regular });
    if (text === undefined) {
      counts.notRead++;
      continue;
    }
    const format = formatOf(file) ?? 'md';
    let result: ParseEventResult;
    if (cached) {
      // The result depends on the text, its format and the mode; nothing else.
      const key = createHash('sha1').update(`${mode}\u0000${format}\u0000`).update(text).digest('base64');
      digest!.update(`${file}\u0000${key}\u0000`);
      const hit = cached.get(key);
      if (hit) {
        counts.cached++;
        result = { ...(hit.event ? { event: hit.event } : {}), issues: hit.issues.map((issue) => ({ ...issue, file })) };
      } else result = parseEvent(text, { file, mode, maxLength: Number.MAX_SAFE_INTEGER, format });
      used.set(key, { ...(result.event ? { event: result.event } : {}), issues: result.issues.map(({ file: _, ...rest }) => rest) });
    } else result = parseEvent(text, { file, mode, maxLength: Number.MAX_SAFE_INTEGER, format });
    for (const issue of result.issues) issues.push(issue);
    if (!result.event) {
      counts.refused++;
      continue;
    }
    // Identity findings point at the id: found now, while the text is at hand.
    const idAt = locateId(text, format);
    parsed.push({ event: result.event, file, locate: (path) => (path.length === 1 && path[0] === 'id' ? idAt : undefined) });
  }

  options.onProgress?.(files.length, files.length);
  // Identity across files is lint's: the loader asks its rules. Reading
  // strictly, a file must be named after its id (a record of a dataset file
  // has no name of its own); twins keep one.
  if (mode === 'strict') {
    const misnamed = new Set<LintEntry>();
    for (const entry of parsed) {
      if (lineOf.has(entry)) continue;
      for (const finding of idFileNameRule.check!(entry, LINT_CONTEXT)) {
        issues.push({ ...finding, severity: 'error' });
        misnamed.add(entry);
      }
    }
    counts.refused += misnamed.size;
    parsed = parsed.filter((entry) => !misnamed.has(entry));
  }
  if (!options.keepDuplicates) {
    const twins = findTwins(parsed);
    const findings = duplicateIdRule.checkAll!(parsed, LINT_CONTEXT);
    const skipped = new Set<LintEntry>();
    twins.forEach(({ entry }, k) => {
      issues.push({ ...findings[k]!, severity: severityOf('identity/duplicate-id', mode), message: `${findings[k]!.message}; ${lineOf.has(entry) ? 'this record' : 'this file'} is skipped` });
      skipped.add(entry);
    });
    counts.duplicates = skipped.size;
    parsed = parsed.filter((entry) => !skipped.has(entry));
  }

  // Reading strictly, each former id must lead to one event.
  if (mode === 'strict') for (const finding of formerIdsRule.checkAll!(parsed, LINT_CONTEXT)) issues.push({ ...finding, severity: 'error' });
  parsed.sort((a, b) => compareDates(a.event.date, b.event.date) || byCodePoint(a.event.id, b.event.id));
  counts.events = parsed.length;
  // Issues grouped by file, in path order (a dataset file's by line).
  const order = new Map(files.map(({ file }, i) => [file, i]));
  issues.sort((a, b) => (order.get(a.file!) ?? Infinity) - (order.get(b.file!) ?? Infinity) || (lineOf.size ? (a.line ?? 0) - (b.line ?? 0) : 0));
  if (options.cache && (counts.cached < used.size || used.size !== cached!.size)) writeParseCache(options.cache, used);
  const result: LoadEventsResult = {
    events: parsed.map((l) => l.event),
    issues,
    files: parsed.map((l) => l.file!),
    lines: parsed.map((l) => lineOf.get(l) ?? 1),
    counts,
    emptyPaths,
    found: files.map((f) => f.file),
    datasets,
    refusedRecords,
    skipped: [...skipped, ...hiddenFolders.map((path) => ({ path, why: 'a hidden folder: not searched' }))],
  };
  if (digest) result.digest = digest.digest('hex');
  return result;
}

const LINT_CONTEXT = { today: '' };
