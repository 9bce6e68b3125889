import type { Actor } from '../../model/actor.js';
import type { Issue } from '../../model/issue.js';
import { parseActors } from '../../parse/parseActors.js';
import { readTextFileLimited } from '../files/readTextFile.js';

/** The outcome of {@link loadActors}. */
export interface LoadActorsResult {
  /** The registry entries, when the file is valid. */
  actors: Actor[];
  /** What is wrong with the file. */
  issues: Issue[];
  /** The file's text, when it could be read. */
  text?: string;
}

/** Options for {@link loadActors}. */
export interface LoadActorsOptions {
  /** Files larger than this many bytes are refused with an issue. Default 64 MiB (what `import` writes for 30,000 events is under 1 MiB). */
  maxBytes?: number;
}

/**
 * Reads an actor registry (`seeds/actors.yaml`): a YAML list of `{ id, name,
 * aliases, kind }`. Problems come back as issues with their line; a file that
 * is not a regular file, or is too large, is an issue too.
 *
 * @param file - the YAML file
 * @param options - the size limit
 * @returns the entries and the issues; no entries when any error
 *
 * @example
 * ```ts
 * (await loadActors('seeds/actors.yaml')).actors.map((a) => a.id);
 * // => ['donald-trump', 'kassym-jomart-tokayev', 'marco-rubio']
 * ```
 */
export async function loadActors(file: string, options: LoadActorsOptions = {}): Promise<LoadActorsResult> {
  const issues: Issue[] = [];
  // A built actors.json may be larger than any registry written by hand.
  const text = readTextFileLimited(file, options.maxBytes ?? 64 * 1024 * 1024, issues);
  if (text === undefined) return { actors: [], issues };
  return { ...parseActors(text, file), text };
}
