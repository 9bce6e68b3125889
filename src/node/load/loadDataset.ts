import { join } from 'node:path';
import type { Actor } from '../../model/actor.js';
import type { DatasetMeta } from '../../model/dataset.js';
import { isRecord } from '../../model/fieldPath.js';
import type { Issue } from '../../model/issue.js';
import { withDerivedDates, type DatasetEvent } from '../../format/derivedDates.js';
import type { DatasetStats, SourceSummary, TagSummary } from '../../query/deriveDataset.js';
import type { Tombstone } from '../../query/types.js';
import { readFileBytes } from '../files/readTextFile.js';
import { dataFolderEvents, MAX_DATASET_BYTES } from './datasetFile.js';
import { loadActors } from './loadActors.js';
import { loadEvents } from './loadEvents.js';
import { firstError } from './readDataset.js';

/** A built dataset, in the shape `democracy-timeline/data` gives the package's own. */
export interface LoadedDataset {
  /** Every event, sorted by date, then id, each with its date spelled out (`dateStart`...). */
  events: DatasetEvent[];
  /** The actor registry with each actor's event count and first and last dates. */
  actors: Actor[];
  /** Every tag with its count and first and last dates. */
  tags: TagSummary[];
  /** Every distinct source URL with the ids of the events citing it. */
  sources: SourceSummary[];
  /** Counts over the dataset. */
  stats: DatasetStats;
  /** Every event id no longer in the dataset, and where it went. */
  tombstones: Tombstone[];
  /** What the dataset says of itself (`datapackage.json`): name, title, version, licences, sources, citation. */
  dataset: DatasetMeta;
  /** The data folder read. */
  path: string;
}

/** A JSON file of the folder, checked to be a list or an object as the build writes it. */
function readJson<T>(dir: string, name: string, shape: 'list' | 'object'): T {
  const file = join(dir, name);
  const issues: Issue[] = [];
  const bytes = readFileBytes(file, MAX_DATASET_BYTES, issues);
  if (bytes === undefined) throw new TypeError(firstError(issues) ?? `${file}: could not be read`);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new TypeError(`${file}: not JSON (${(error as Error).message})`);
  }
  if (shape === 'list' ? !Array.isArray(value) : !isRecord(value)) throw new TypeError(`${file}: expected a JSON ${shape === 'list' ? 'list' : 'object'}, as build writes it`);
  return value as T;
}

/**
 * Reads a built data folder (what `build` or `get` writes) into the shape
 * `democracy-timeline/data` gives the package's own dataset, so moving from
 * the shipped dataset to another is one line. Every event is checked
 * against the model; the other files must be there and be what `build`
 * writes. `dir` may be the data folder or a folder holding `data/` (as
 * `get --out DIR` makes).
 *
 * @param dir - a data folder, or a folder with a `data/` folder in it
 * @returns the dataset
 * @throws TypeError naming the file (and the line, for an event) when a file is missing or wrong
 *
 * @example
 * ```ts
 * const { events, stats, dataset } = await loadDataset('data');
 * [events.length === stats.events, dataset.name];
 * // => [true, 'democracy-timeline']
 * ```
 */
export async function loadDataset(dir: string): Promise<LoadedDataset> {
  const path = dataFolderEvents(dir) === undefined && dataFolderEvents(join(dir, 'data')) !== undefined ? join(dir, 'data') : dir;
  if (dataFolderEvents(path) === undefined) throw new TypeError(`${dir}: not a built data folder (no events.json with a datapackage.json beside it); run 'democracy-timeline build' or 'democracy-timeline get'`);
  const loaded = await loadEvents(path, { mode: 'strict' });
  const problem = firstError(loaded.issues);
  if (problem) throw new TypeError(problem);
  const actors = await loadActors(join(path, 'actors.json'));
  const actorProblem = firstError(actors.issues);
  if (actorProblem) throw new TypeError(actorProblem);
  const meta = readJson<DatasetMeta>(path, 'datapackage.json', 'object');
  const { name, title, description, version, homepage, licenses, sources, contributors, citation } = meta;
  return {
    events: loaded.events.map(withDerivedDates),
    actors: actors.actors,
    tags: readJson<TagSummary[]>(path, 'tags.json', 'list'),
    sources: readJson<SourceSummary[]>(path, 'sources.json', 'list'),
    stats: readJson<DatasetStats>(path, 'stats.json', 'object'),
    tombstones: readJson<Tombstone[]>(path, 'tombstones.json', 'list'),
    dataset: JSON.parse(JSON.stringify({ name, title, description, version, homepage, licenses, sources, contributors, citation })) as DatasetMeta,
    path,
  };
}
