import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import fg from 'fast-glob';
import { compareText as byCodePoint } from '../../model/compareText.js';
import { EVENT_EXTENSIONS, formatOf } from '../../parse/parseEvent.js';
import type { DatasetLayout } from '../../parse/datasetRecords.js';
import { dataFolderEvents } from './datasetFile.js';
import { NOT_EVENT_FILES } from './registryFile.js';

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
export function listEventFiles(paths: string | string[], options: { include?: string | string[]; exclude?: string | string[] } = {}): string[] {
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
export function eventFiles(paths: string | string[], options: { include?: string | string[]; exclude?: string | string[] } = {}, empty: string[] = [], hiddenFolders: string[] = []): EventFileEntry[] {
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
