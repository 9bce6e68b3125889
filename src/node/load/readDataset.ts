import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Issue } from '../../model/issue.js';
import type { DatasetSide } from '../../diff/types.js';
import { dataFolderEvents } from './datasetFile.js';
import { loadActors } from './loadActors.js';
import { loadEvents, type LoadCounts } from './loadEvents.js';
import { findRegistryFile } from './registryFile.js';

/** A dataset read from disk, with what was not read. */
export interface ReadDatasetResult extends DatasetSide {
  /** What was read: a data folder (`events.json`), an events file, or a folder of event files. */
  kind: 'data' | 'file' | 'seeds';
  /** The path read. */
  path: string;
  /** The files that did not load, and why (seeds folders only). */
  issues: Issue[];
  /** What became of each file (seeds folders only). */
  counts?: LoadCounts;
}

/** The first error of a data file, as one line naming the file and place: what `readDataset` and `loadDataset` throw. */
export function firstError(issues: readonly Issue[]): string | undefined {
  const error = issues.find((i) => i.severity === 'error');
  return error && `${error.file ?? ''}${error.line !== undefined ? `:${error.line}:${error.column ?? 1}` : ''}: ${error.message} [${error.code}]`;
}

/**
 * Reads one side of a comparison: a data folder (`events.json`, and
 * `actors.json` when there), a JSON file of events, a folder of event files
 * (read leniently, with its `actors.yaml` or `actors.yml` when there), or `installed`: the
 * dataset of the democracy-timeline package installed where the command
 * runs (`node_modules/democracy-timeline/data`).
 *
 * @param path - the path, or `installed`
 * @param cwd - where `installed` is looked up from
 * @returns the events, the actors, and what was not read
 *
 * @example
 * ```ts
 * (await readDataset('data')).kind;
 * // => 'data'
 * ```
 */
export async function readDataset(path: string, cwd = process.cwd()): Promise<ReadDatasetResult> {
  if (path === 'installed') {
    let data: string;
    try {
      data = dirname(createRequire(join(resolve(cwd), 'package.json')).resolve('democracy-timeline/data/events.json'));
    } catch {
      throw new TypeError("installed: no democracy-timeline package is installed here; run 'npm install democracy-timeline' or name a folder");
    }
    return { ...(await readDataset(data)), path: data };
  }
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new TypeError(`${path}: does not exist`);
  const dataFolder = stat.isDirectory() && dataFolderEvents(path) !== undefined;
  if (stat.isFile() || dataFolder) {
    // A built dataset: every record must meet the model, and so must its actors.json.
    const loaded = await loadEvents(path, { mode: 'strict' });
    const problem = firstError(loaded.issues);
    if (problem) throw new TypeError(problem);
    const actorsFile = dataFolder ? join(path, 'actors.json') : undefined;
    const actors = actorsFile && existsSync(actorsFile) ? await loadActors(actorsFile) : undefined;
    const actorProblem = actors && firstError(actors.issues);
    if (actorProblem) throw new TypeError(actorProblem);
    return { kind: dataFolder ? 'data' : 'file', path, events: loaded.events, ...(actors ? { actors: actors.actors } : {}), issues: [], counts: loaded.counts };
  }
  const loaded = await loadEvents(path, { mode: 'lenient' });
  const registry = findRegistryFile([path]);
  const actors = registry !== undefined ? await loadActors(registry) : undefined;
  const issues = [...loaded.issues.filter((i) => i.severity === 'error'), ...(actors?.issues ?? [])];
  return { kind: 'seeds', path, events: loaded.events, ...(actors ? { actors: actors.actors } : {}), issues, counts: loaded.counts };
}
