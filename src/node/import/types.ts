import type { Event } from '../../model/event.js';
import type { Issue } from '../../model/issue.js';
import type { LoadEventsOptions } from '../load/loadEvents.js';

/** Options for `importEvents`. */
export interface ImportEventsOptions extends Pick<LoadEventsOptions, 'include' | 'exclude' | 'maxBytes'> {
  /** The folder to write the canonical seeds and `actors.yaml` to. */
  out: string;
  /** Write nothing; only report what an import would do. Default false. */
  dryRun?: boolean;
  /**
   * The registry to start from when `out` holds none: a previous release's
   * `actors.yaml` (or a data folder's `actors.json`), so every actor keeps
   * the id it had and only new ones are added. Refused when `out` already
   * holds an `actors.yaml` (that one is kept and added to).
   */
  registry?: string;
  /** Called as the import goes: files read (of how many), then files written (of how many). */
  onProgress?: (step: { phase: 'read' | 'write'; done: number; total: number }) => void;
}

/**
 * What became of one input file, or of one record of a dataset file (then
 * `line` says where the record starts).
 */
export type ImportFate =
  | { file: string; line?: number; fate: 'imported'; id: string }
  | { file: string; line?: number; fate: 'merged'; id: string; into: string }
  | { file: string; line?: number; fate: 'refused'; issues: Issue[] }
  | { file: string; line?: number; fate: 'not-read'; issues: Issue[] }
  | { file: string; line?: undefined; fate: 'skipped'; why: string };

/** Two files with one id that disagree on a field: the value kept and the one set aside. */
export interface ImportConflict {
  /** The event's id after import. */
  id: string;
  /** The field, as the file spells it. */
  field: string;
  /** The value kept, from `file`. */
  kept: unknown;
  /** The other value, kept in the event's `extra.twin_values`. */
  other: unknown;
  /** The file the kept value came from. */
  file: string;
  /** The file the other value came from. */
  otherFile: string;
}

/** The outcome of `importEvents`. */
export interface ImportEventsResult {
  /** Every input file with what became of it, in path order; a dataset file, every record of it, in line order. */
  files: ImportFate[];
  /** The canonical events, sorted by date, then id. */
  events: Event[];
  /** Ids that broke the id rule, and what they became (the old one is kept in `formerIds`). */
  repairedIds: { from: string; to: string }[];
  /** Fields on which twins disagreed. */
  conflicts: ImportConflict[];
  /** The registry written beside the seeds. */
  registry: {
    /** Its file. */
    file: string;
    /** Entries in it. */
    entries: number;
    /** Entries this import added. */
    added: number;
    /** Spellings this import added as aliases of entries that were already there. */
    aliasesAdded: number;
    /** Spellings (names and aliases) in it. */
    spellings: number;
  };
  /** Files written (or, with `dryRun`, that would be), relative to `out`. */
  written: string[];
  /** Files whose content was already what the import makes. */
  unchanged: number;
  /** Event files already in `out` that this import does not make: they are left alone, and a build reads them too. */
  strangers: string[];
  /** Every issue the lenient reading reported, warnings included. */
  issues: Issue[];
  /** The paths given that do not exist, or are folders holding no event file. */
  emptyPaths: string[];
  /** The tally: `imported + merged + refused + notRead + skipped = records` (records = files, unless a dataset file was read). */
  counts: { files: number; records: number; imported: number; merged: number; refused: number; notRead: number; skipped: number; hiddenFolders: number; idsRepaired: number; conflicts: number };
}
