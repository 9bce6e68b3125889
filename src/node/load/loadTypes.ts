// The options and results of loadEvents.
import type { Event } from '../../model/event.js';
import type { Issue } from '../../model/issue.js';
import type { Mode } from '../../model/mode.js';

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

