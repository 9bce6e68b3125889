import { compareDates } from '../../model/edtf.js';
import { createHash, type Hash } from 'node:crypto';
import { compareText as byCodePoint } from '../../model/compareText.js';
import type { Issue } from '../../model/issue.js';
import { createIssue } from '../../model/issue.js';
import { severityOf } from '../../model/issueCodes.js';
import { checkMode, type Mode } from '../../model/mode.js';
import { duplicateIdRule, findTwins } from '../../lint/rules/duplicateId.js';
import { formerIdsRule } from '../../lint/rules/formerIds.js';
import { idFileNameRule } from '../../lint/rules/idFileName.js';
import type { LintEntry } from '../../lint/types.js';
import { locateId } from '../../parse/locate.js';
import { formatOf, parseEvent, type ParseEventResult } from '../../parse/parseEvent.js';
import type { DatasetLayout } from '../../parse/datasetRecords.js';
import { datasetLayoutOf, MAX_DATASET_BYTES, readDatasetFile } from './datasetFile.js';
import { readParseCache, writeParseCache, type CachedParse } from './parseCache.js';
import { DEFAULT_MAX_FILE_BYTES, readFileBytes, readTextFile } from '../files/readTextFile.js';
import { eventFiles, type EventFileEntry } from './eventFiles.js';

import type { LoadCounts, LoadEventsOptions, LoadEventsResult } from './loadTypes.js';

export type { LoadCounts, LoadEventsOptions, LoadEventsResult } from './loadTypes.js';
export { DEFAULT_INCLUDE, eventFiles, listEventFiles, type EventFileEntry } from './eventFiles.js';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const LINT_CONTEXT = { today: '' };

/** What a load gathers as it reads, file by file. */
interface Reading {
  mode: Mode;
  maxBytes: number;
  /** One buffer every file is read into. */
  buffer: Buffer;
  issues: Issue[];
  counts: LoadCounts;
  parsed: LintEntry[];
  /** Records of dataset files: not held to the file-name rule; where each starts. */
  lineOf: Map<LintEntry, number>;
  datasets: string[];
  refusedRecords: { file: string; line: number }[];
  skipped: { path: string; why: string }[];
  /** The digest of every input, when a parse cache is used, and the cache read and the one to write. */
  digest?: Hash;
  cached?: Map<string, CachedParse>;
  used: Map<string, CachedParse>;
}

/** Every record of a dataset file: each parsed event an entry at its line. */
function readDataset(r: Reading, file: string, bytes: Buffer, layout: DatasetLayout): void {
  const read = readDatasetFile(file, bytes, layout, { mode: r.mode, maxBytes: r.maxBytes }, r.issues);
  r.datasets.push(file);
  for (const line of read.refusedLines) r.refusedRecords.push({ file, line });
  r.digest?.update(`${file}\u0000${createHash('sha1').update(bytes).digest('base64')}\u0000`);
  r.counts.records += read.records - 1;
  r.counts.refused += read.refused;
  for (const { event, line } of read.events) {
    const at = { line, column: 1 };
    const entry: LintEntry = { event, file, locate: () => at };
    r.lineOf.set(entry, line);
    r.parsed.push(entry);
  }
}

/** One file's text parsed, or its parse taken from the cache: it depends on the text, its format and the mode, nothing else. */
function parseText(r: Reading, file: string, text: string): void {
  const format = formatOf(file) ?? 'md';
  let result: ParseEventResult;
  if (r.cached) {
    const key = createHash('sha1').update(`${r.mode}\u0000${format}\u0000`).update(text).digest('base64');
    r.digest!.update(`${file}\u0000${key}\u0000`);
    const hit = r.cached.get(key);
    if (hit) {
      r.counts.cached++;
      result = { ...(hit.event ? { event: hit.event } : {}), issues: hit.issues.map((issue) => ({ ...issue, file })) };
    } else result = parseEvent(text, { file, mode: r.mode, maxLength: Number.MAX_SAFE_INTEGER, format });
    r.used.set(key, { ...(result.event ? { event: result.event } : {}), issues: result.issues.map(({ file: _, ...rest }) => rest) });
  } else result = parseEvent(text, { file, mode: r.mode, maxLength: Number.MAX_SAFE_INTEGER, format });
  for (const issue of result.issues) r.issues.push(issue);
  if (!result.event) {
    r.counts.refused++;
    return;
  }
  // Identity findings point at the id: found now, while the text is at hand.
  const idAt = locateId(text, format);
  r.parsed.push({ event: result.event, file, locate: (path) => (path.length === 1 && path[0] === 'id' ? idAt : undefined) });
}

/** One file found: skipped, not read (said), a dataset file's records, or one event file parsed. */
function readEntry(r: Reading, { file, inFolder, hidden, regular, dataset, notEvent }: EventFileEntry): void {
  if (notEvent) {
    r.skipped.push({ path: file, why: `not an event: ${notEvent}` });
    r.counts.skipped++;
    return;
  }
  if (hidden) {
    r.issues.push(createIssue('warning', 'file/hidden', 'a hidden file: not read; rename it without the leading dot to read it', { file }));
    r.counts.notRead++;
    return;
  }
  let text: string | undefined;
  // A dataset file, or a JSON file named directly (which may be one): read
  // whole, the size limit applying to each record.
  if (dataset !== undefined || (!inFolder && /\.json$/i.test(file))) {
    const bytes = readFileBytes(file, MAX_DATASET_BYTES, r.issues, { followLinks: !inFolder, regular });
    if (bytes === undefined) {
      r.counts.notRead++;
      return;
    }
    const layout = dataset ?? datasetLayoutOf(file, bytes.subarray(0, 64));
    if (layout !== undefined) return readDataset(r, file, bytes, layout);
    if (bytes.length > r.maxBytes) {
      r.issues.push(createIssue('error', 'file/too-large', `over the limit of ${r.maxBytes} bytes`, { file }));
      r.counts.notRead++;
      return;
    }
    text = bytes.toString('utf8');
  } else text = readTextFile(file, r.buffer, r.issues, { followLinks: !inFolder, regular });
  if (text === undefined) r.counts.notRead++;
  else parseText(r, file, text);
}

/**
 * Identity across files, which is lint's: the loader asks its rules.
 * Reading strictly, a file must be named after its id (a record of a
 * dataset file has no name of its own) and each former id must lead to one
 * event; twins keep one, unless `keepDuplicates`.
 */
function checkIdentity(r: Reading, keepDuplicates: boolean): void {
  if (r.mode === 'strict') {
    const misnamed = new Set<LintEntry>();
    for (const entry of r.parsed) {
      if (r.lineOf.has(entry)) continue;
      for (const finding of idFileNameRule.check!(entry, LINT_CONTEXT)) {
        r.issues.push({ ...finding, severity: 'error' });
        misnamed.add(entry);
      }
    }
    r.counts.refused += misnamed.size;
    r.parsed = r.parsed.filter((entry) => !misnamed.has(entry));
  }
  if (!keepDuplicates) {
    const twins = findTwins(r.parsed);
    const findings = duplicateIdRule.checkAll!(r.parsed, LINT_CONTEXT);
    const skipped = new Set<LintEntry>();
    twins.forEach(({ entry }, k) => {
      r.issues.push({ ...findings[k]!, severity: severityOf('identity/duplicate-id', r.mode), message: `${findings[k]!.message}; ${r.lineOf.has(entry) ? 'this record' : 'this file'} is skipped` });
      skipped.add(entry);
    });
    r.counts.duplicates = skipped.size;
    r.parsed = r.parsed.filter((entry) => !skipped.has(entry));
  }
  if (r.mode === 'strict') for (const finding of formerIdsRule.checkAll!(r.parsed, LINT_CONTEXT)) r.issues.push({ ...finding, severity: 'error' });
}

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
  const cached = options.cache ? readParseCache(options.cache) : undefined;
  const r: Reading = {
    mode,
    maxBytes,
    buffer: Buffer.allocUnsafe(maxBytes + 1),
    issues: [],
    counts: { files: files.length, records: files.length, events: 0, notRead: 0, refused: 0, duplicates: 0, skipped: 0, hiddenFolders: hiddenFolders.length, cached: 0 },
    parsed: [],
    lineOf: new Map(),
    datasets: [],
    refusedRecords: [],
    skipped: [],
    ...(cached ? { digest: createHash('sha1'), cached } : {}),
    used: new Map(),
  };
  // Reads are synchronous, one file at a time: no EMFILE however many files,
  // and much less overhead than one promise per file. The loop yields now and
  // then so a large folder does not block the event loop for long.
  for (let i = 0; i < files.length; i++) {
    if (i > 0 && i % 256 === 0) {
      options.onProgress?.(i, files.length);
      if (i % 512 === 0) await yieldToEventLoop();
    }
    readEntry(r, files[i]!);
  }
  options.onProgress?.(files.length, files.length);
  checkIdentity(r, options.keepDuplicates ?? false);

  const { parsed, issues, lineOf, counts } = r;
  parsed.sort((a, b) => compareDates(a.event.date, b.event.date) || byCodePoint(a.event.id, b.event.id));
  counts.events = parsed.length;
  // Issues grouped by file, in path order (a dataset file's by line).
  const order = new Map(files.map(({ file }, i) => [file, i]));
  issues.sort((a, b) => (order.get(a.file!) ?? Infinity) - (order.get(b.file!) ?? Infinity) || (lineOf.size ? (a.line ?? 0) - (b.line ?? 0) : 0));
  if (options.cache && (counts.cached < r.used.size || r.used.size !== cached!.size)) writeParseCache(options.cache, r.used);
  return {
    events: parsed.map((l) => l.event),
    issues,
    files: parsed.map((l) => l.file!),
    lines: parsed.map((l) => lineOf.get(l) ?? 1),
    counts,
    emptyPaths,
    found: files.map((f) => f.file),
    datasets: r.datasets,
    refusedRecords: r.refusedRecords,
    skipped: [...r.skipped, ...hiddenFolders.map((path) => ({ path, why: 'a hidden folder: not searched' }))],
    ...(r.digest ? { digest: r.digest.digest('hex') } : {}),
  };
}
