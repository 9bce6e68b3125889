import { lstatSync } from 'node:fs';
import type { ActorRegistry } from '../../model/createActorRegistry.js';
import type { Issue } from '../../model/issue.js';
import { fixText, type FixChange } from '../../lint/fixText.js';
import { createIssue } from '../../model/issue.js';
import { datasetLayoutOf, readHead } from '../load/datasetFile.js';
import { eventFiles, type LoadEventsOptions } from '../load/loadEvents.js';
import { DEFAULT_MAX_FILE_BYTES, readTextFile } from '../files/readTextFile.js';
import { removeStaleTempFiles } from '../files/tempFiles.js';
import { writeFilesAtomic } from '../files/writeFileAtomic.js';
import { append } from '../../model/append.js';

/** Options for {@link fixFiles}. */
export interface FixFilesOptions extends Pick<LoadEventsOptions, 'include' | 'exclude' | 'maxBytes'> {
  /** Write actor names as this registry spells them. */
  registry?: ActorRegistry;
  /** Apply the fixes (each file replaced atomically). Default false: only report them. */
  write?: boolean;
  /** `keep` (default): change only the lines of what is fixed; `canonical`: write each file in the canonical layout. */
  layout?: 'keep' | 'canonical';
  /** Called as files are looked at (every 64, and at the end): how many of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** One file that the fixes change. */
export interface FixedFile {
  /** The file. */
  file: string;
  /** What changes, one line each. */
  changes: string[];
  /** Each edit: line, column, rule, and the text before and after. */
  edits: FixChange[];
  /** True when the whole file is written in the canonical layout. */
  rewritten: boolean;
  /** The file's text before the fixes. */
  before: string;
  /** The file's text after them. */
  after: string;
}

/** The outcome of {@link fixFiles}. */
export interface FixFilesResult {
  /** The files the fixes change (written when `write` was set). */
  files: FixedFile[];
  /** Files that could not be read or fixed, each with its errors. */
  issues: Issue[];
  /** How many files were looked at. */
  checked: number;
  /** Temporary files a killed fix left behind, removed before writing. */
  removedTempFiles: string[];
}

/**
 * Applies the safe fixes of {@link fixText} to every event file under the
 * paths, reading each through the same bounded reader as the loader. Files
 * with errors are left alone and reported.
 *
 * @param paths - folders and files
 * @param options - patterns, size limit, registry, and whether to write
 * @returns the files that change, and the issues
 *
 * @example
 * ```ts
 * fixFiles(['seeds']).files;
 * // => []
 * ```
 */
export function fixFiles(paths: string | string[], options: FixFilesOptions = {}): FixFilesResult {
  const buffer = Buffer.allocUnsafe((options.maxBytes ?? DEFAULT_MAX_FILE_BYTES) + 1);
  const result: FixFilesResult = { files: [], issues: [], checked: 0, removedTempFiles: [] };
  // A fix that was killed left its temporary files: gone before this one starts.
  if (options.write) for (const path of [paths].flat()) append(result.removedTempFiles, removeStaleTempFiles(path));
  const entries = eventFiles(paths, options);
  for (const { file, inFolder, regular, dataset } of entries) {
    if (result.checked % 64 === 0) options.onProgress?.(result.checked, entries.length);
    result.checked++;
    if (dataset !== undefined || (!inFolder && datasetLayoutOf(file, readHead(file)) !== undefined)) {
      result.issues.push(createIssue('error', 'file/dataset', 'a built dataset, not an event file: fix edits the event files it is built from (build writes the dataset)', { file }));
      continue;
    }
    const text = readTextFile(file, buffer, result.issues, { followLinks: !inFolder, regular });
    if (text === undefined) continue;
    const fixed = fixText(text, { file, registry: options.registry, layout: options.layout });
    append(result.issues, fixed.errors);
    if (!fixed.changed) continue;
    if (options.write && lstatSync(file).isSymbolicLink()) {
      result.issues.push(createIssue('error', 'file/symlink-write', 'a symbolic link: fix does not write through links; fix the file it points to', { file }));
      continue;
    }
    result.files.push({ file, changes: fixed.changes.length ? fixed.changes : ['canonical layout'], edits: fixed.edits, rewritten: fixed.rewritten, before: text, after: fixed.text });
  }
  options.onProgress?.(result.checked, entries.length);
  // Every file or none: a write that fails leaves each file as it was.
  if (options.write) writeFilesAtomic(result.files.map((f) => [f.file, f.after] as const));
  return result;
}
