import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { Actor } from '../../model/actor.js';
import { UNSAFE_TEXT } from '../../model/fields.js';
import { isRecord } from '../../model/fieldPath.js';
import type { Issue } from '../../model/issue.js';
import { readTextFileLimited } from '../files/readTextFile.js';
import type { Dataset } from '../../query/deriveDataset.js';
import type { Tombstone } from '../../query/types.js';
import { diffDatasets } from '../../diff/diffDatasets.js';
import type { DatasetDiff, DatasetSide } from '../../diff/types.js';
import { readDataset } from '../load/readDataset.js';
import { compareText } from '../../model/compareText.js';

/** What changed since the previous release: a {@link DatasetDiff}, with both versions. */
export interface DatasetChanges extends DatasetDiff {
  /** The previous release's version; null when there was none. */
  from: string | null;
  /** This build's version; null when the dataset gives none. */
  to: string | null;
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

const line = (what: string, max: number) =>
  z.string({ error: `expected ${what} as text` }).check(
    z.minLength(1, { error: `expected ${what}, got an empty string` }),
    z.maxLength(max, { error: `expected ${what} of at most ${max} characters` }),
    z.refine((v) => !UNSAFE_TEXT.test(v), { error: `expected ${what} with no control character` }),
  );
// A previous release is another's file: its tombstones are checked before they are carried on.
const TombstonesSchema = z.array(z.strictObject({ id: line('an id', 300), removedIn: line('a version', 100), replacedBy: z.optional(line('an id', 300)) }), { error: 'expected a list of tombstones' });

/**
 * Reads a previous release: a data folder (with its datapackage.json and
 * tombstones.json), an events file, or `installed`. Its tombstones are
 * checked before they are carried on: each `{ id, removedIn, replacedBy? }`
 * of one-line text, each id once; anything else is refused, naming the
 * file and the tombstone.
 */
export async function readRelease(previous: string): Promise<Release> {
  const read = await readDataset(previous);
  const folder = read.kind === 'data' ? read.path : undefined;
  const jsonOf = (name: string): unknown => {
    if (!folder || !existsSync(join(folder, name))) return undefined;
    const issues: Issue[] = [];
    const text = readTextFileLimited(join(folder, name), 256 * 1024 * 1024, issues);
    if (text === undefined) throw new TypeError(`${join(folder, name)}: ${issues[0]?.message ?? 'could not be read'}`);
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new TypeError(`${join(folder, name)}: not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  const meta = jsonOf('datapackage.json');
  const version = isRecord(meta) && typeof meta.version === 'string' ? meta.version : null;
  const parsed = TombstonesSchema.safeParse(jsonOf('tombstones.json') ?? []);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new TypeError(`${join(folder ?? previous, 'tombstones.json')}: ${first.path.length ? `tombstone ${first.path.map(String).join('.')}: ` : ''}${first.message}`);
  }
  const seen = new Set<string>();
  for (const [i, t] of parsed.data.entries()) {
    if (seen.has(t.id)) throw new TypeError(`${join(folder ?? previous, 'tombstones.json')}: tombstone ${i}: the id ${t.id} is buried twice`);
    seen.add(t.id);
  }
  return { side: read, version, tombstones: parsed.data.map((t) => (t.replacedBy === undefined ? { id: t.id, removedIn: t.removedIn } : { id: t.id, removedIn: t.removedIn, replacedBy: t.replacedBy })) };
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
 * release's, and one for every id that found an event in it (as an id or
 * a former id) and finds nothing now: removed, renamed or merged away, or
 * dropped from a `formerIds` list. No id that resolved ever resolves to
 * nothing. A tombstone says where its id went (`replacedBy`), followed to
 * an id that finds an event now, through renames and later removals, or to
 * the last removal of the chain; an id keeps the version it first left in.
 * A tombstone whose id is an event's again is dropped.
 *
 * @param dataset - this build's dataset
 * @param actors - this build's registry
 * @param version - this build's version (a new tombstone says `unversioned` without one; `build` asks for one when there is a previous release)
 * @param previous - the previous release, or none
 * @returns `changes.json` and `tombstones.json`
 */
export function datasetHistory(dataset: Dataset, actors: readonly Actor[], version: string | null, previous?: Release): DatasetHistory {
  const diff = diffDatasets(previous?.side ?? { events: [] }, { events: dataset.events, actors });
  const live = new Map<string, string>();
  for (const e of dataset.events) live.set(e.id, e.id);
  for (const e of dataset.events) for (const former of e.formerIds ?? []) if (!live.has(former)) live.set(former, e.id);
  const stones = new Map<string, Tombstone>();
  // The previous release's, but for an id that is an event's again.
  for (const t of previous?.tombstones ?? []) if (live.get(t.id) !== t.id) stones.set(t.id, t);
  // An id keeps the version it first left in; where it leads is this release's word, when it has one.
  const bury = (id: string, to?: string) => {
    const removedIn = stones.get(id)?.removedIn ?? version ?? 'unversioned';
    // With nowhere new to go, it still leads where it did.
    const replacedBy = to ?? stones.get(id)?.replacedBy;
    stones.set(id, replacedBy === undefined ? { id, removedIn } : { id, removedIn, replacedBy });
  };
  for (const r of diff.events.removed) bury(r.id);
  for (const r of diff.events.renamed) bury(r.from, r.to);
  for (const m of diff.events.merged) for (const id of m.from) bury(id, m.into);
  for (const d of diff.events.dropped) bury(d.id, d.replacedBy);
  // Each replacedBy followed to where it leads now: an event, or the last removal.
  const follow = (start: string): string => {
    const seen = new Set<string>();
    for (let id = start; ; ) {
      const found = live.get(id);
      if (found !== undefined) return found;
      const next = stones.get(id)?.replacedBy;
      if (next === undefined || seen.has(next)) return id;
      seen.add(id);
      id = next;
    }
  };
  const tombstones = [...stones.values()]
    .map((t) => (t.replacedBy === undefined ? t : { ...t, replacedBy: follow(t.replacedBy) }))
    .sort((a, b) => compareText(a.id, b.id));
  return { changes: { from: previous?.version ?? null, to: version, ...diff }, tombstones };
}
