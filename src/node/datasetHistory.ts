import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../model/actor.js';
import type { Dataset } from '../query/deriveDataset.js';
import type { Tombstone } from '../query/types.js';
import { diffDatasets, readDataset, type DatasetDiff, type DatasetSide } from './diffDatasets.js';

/** What changed since the previous release: a {@link DatasetDiff}, with both versions. */
export interface DatasetChanges extends DatasetDiff {
  /** The previous release's version; null when there was none. */
  from: string | null;
  /** This build's version. */
  to: string;
}

/** `changes.json` and `tombstones.json`. */
export interface DatasetHistory {
  changes: DatasetChanges;
  tombstones: Tombstone[];
}

/** A previous release: its events and actors, version and tombstones. */
export interface Release {
  side: DatasetSide;
  version: string | null;
  tombstones: Tombstone[];
}

/** Reads a previous release: a data folder (with its datapackage.json and tombstones.json), an events file, or `installed`. */
export async function readRelease(previous: string): Promise<Release> {
  const read = await readDataset(previous);
  const folder = read.kind === 'data' ? read.path : undefined;
  const jsonOf = <T>(name: string): T | undefined => (folder && existsSync(join(folder, name)) ? (JSON.parse(readFileSync(join(folder, name), 'utf8')) as T) : undefined);
  const version = jsonOf<{ version?: unknown }>('datapackage.json')?.version;
  const tombstones = jsonOf<Tombstone[]>('tombstones.json') ?? [];
  if (!Array.isArray(tombstones) || tombstones.some((t) => typeof t?.id !== 'string' || typeof t.removedIn !== 'string')) throw new TypeError(`${previous}: tombstones.json is not a list of { id, removedIn }`);
  return { side: read, version: typeof version === 'string' ? version : null, tombstones };
}

/** A digest of the previous release named, so a warm build notices when it changes. */
export function previousDigest(previous: string | undefined): string {
  if (!previous || previous === 'none') return 'none';
  const hash = createHash('sha1').update(previous);
  for (const name of ['events.json', 'actors.json', 'tombstones.json', 'datapackage.json']) {
    const file = join(previous, name);
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  if (existsSync(previous) && statSync(previous).isFile()) hash.update(readFileSync(previous));
  return hash.digest('hex');
}

/**
 * The changes since a previous release, and the tombstones: the previous
 * release's, and one for each id this one removes, renames or merges away.
 * A tombstone whose id is an event's again is dropped.
 *
 * @param dataset - this build's dataset
 * @param actors - this build's registry
 * @param version - this build's version
 * @param previous - the previous release, or none
 * @returns `changes.json` and `tombstones.json`
 */
export function datasetHistory(dataset: Dataset, actors: readonly Actor[], version: string, previous?: Release): DatasetHistory {
  const diff = diffDatasets(previous?.side ?? { events: [] }, { events: dataset.events, actors });
  const now = new Set(dataset.events.map((e) => e.id));
  const stones = new Map<string, Tombstone>();
  for (const t of previous?.tombstones ?? []) if (!now.has(t.id)) stones.set(t.id, t);
  for (const r of diff.events.removed) stones.set(r.id, { id: r.id, removedIn: version });
  for (const r of diff.events.renamed) stones.set(r.from, { id: r.from, removedIn: version, replacedBy: r.to });
  for (const m of diff.events.merged) for (const id of m.from) stones.set(id, { id, removedIn: version, replacedBy: m.into });
  const tombstones = [...stones.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { changes: { from: previous?.version ?? null, to: version, ...diff }, tombstones };
}

