import { createHash } from 'node:crypto';
import type { Actor } from '../../model/actor.js';
import { createActorRegistry, type ActorRegistry } from '../../model/createActorRegistry.js';
import type { DatasetMeta } from '../../model/dataset.js';
import type { Event } from '../../model/event.js';
import { csvLines, type CsvTable } from '../../format/csv.js';
import { DATASET_FILE_TABLE, type DatasetFilePath } from '../../format/datasetFiles.js';
import { toDataPackage, type DataFile } from '../../format/dataPackage.js';
import { withDerivedDates } from '../../format/derivedDates.js';
import { toJSONSchema, type SchemaName } from '../../format/jsonSchema.js';
import { toNDJSON } from '../../format/ndjson.js';
import { toParquet } from '../../format/parquet.js';
import type { Dataset } from '../../query/deriveDataset.js';
import type { Tombstone } from '../../query/types.js';
import { toDatasetteMetadata } from '../sqlite/datasetteMetadata.js';
import { toSQLite } from '../sqlite/toSQLite.js';
import { datasetHistory, type DatasetChanges, type DatasetHistory } from './datasetHistory.js';
import { clean } from '../../model/clean.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Every file a build writes, relative to the data folder, in the order it
 * writes them: `datapackage.json`, which lists the others with their sizes
 * and hashes, comes last.
 *
 * @example
 * ```ts
 * [DATASET_FILES[0], DATASET_FILES.at(-1)];
 * // => ['events.json', 'datapackage.json']
 * ```
 */
export const DATASET_FILES: readonly string[] = DATASET_FILE_TABLE.map((f) => f.path);

/** Every file of the table but `datapackage.json`, which is measured from the others. */
type RenderedPath = Exclude<DatasetFilePath, 'datapackage.json'>;

/** What the renderers read. */
interface RenderInput {
  dataset: Dataset;
  registry: ActorRegistry;
  changes: DatasetChanges;
  tombstones: readonly Tombstone[];
  named: object;
  meta?: DatasetMeta;
}

/** A renderer for each file of the table, keyed by its path: a file in the table with none does not compile. */
function renderers({ dataset, registry, changes, tombstones, named, meta }: RenderInput): Record<RenderedPath, () => DatasetFileContent | Promise<DatasetFileContent>> {
  const { events } = dataset;
  const csv = (table: CsvTable) => () => gathered(csvLines(events, { table, registry }));
  const parquet = (table: CsvTable) => () => toParquet(events, { table, registry });
  const schema = (name: SchemaName) => () => json(toJSONSchema(name));
  // The database is written on a thread of its own while the other files
  // are rendered here; it is awaited in its turn (and a build that fails
  // before then leaves its failure unreported to no one).
  const sqlite = toSQLite(events, { registry, actors: dataset.actors });
  sqlite.catch(() => undefined);
  return {
    'events.json': () => gathered(eventsJson(events)),
    'events.ndjson': () => gathered(eventsNdjson(events)),
    'actors.json': () => json(dataset.actors),
    'tags.json': () => json(dataset.tags),
    'sources.json': () => json(dataset.sources),
    'stats.json': () => json({ dataset: named, ...dataset.stats }),
    'changes.json': () => json(changes),
    'tombstones.json': () => json(tombstones),
    'events.csv': csv('events'),
    'event_tags.csv': csv('event_tags'),
    'event_actors.csv': csv('event_actors'),
    'event_sources.csv': csv('event_sources'),
    'events.parquet': parquet('events'),
    'event_tags.parquet': parquet('event_tags'),
    'event_actors.parquet': parquet('event_actors'),
    'event_sources.parquet': parquet('event_sources'),
    'events.sqlite': () => sqlite,
    'metadata.json': () => json(toDatasetteMetadata(meta)),
    'schema/event.schema.json': schema('event'),
    'schema/source.schema.json': schema('source'),
    'schema/actor.schema.json': schema('actor'),
  };
}

/** Pieces of text gathered up to about a megabyte each: few writes, never the whole file at once. */
function* gathered(pieces: Iterable<string>): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    parts.push(piece);
    size += piece.length;
    if (size >= 1 << 20) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length) yield parts.join('');
}

/** events.json as JSON.stringify(list, null, 2) writes it, an event at a time: the list is never one string. */
function* eventsJson(events: readonly Event[]): Generator<string> {
  if (!events.length) {
    yield '[]\n';
    return;
  }
  yield '[\n  ';
  for (let i = 0; i < events.length; i++) {
    if (i) yield ',\n  ';
    yield JSON.stringify(withDerivedDates(events[i]!), null, 2).replace(/\n/g, '\n  ');
  }
  yield '\n]\n';
}

/** events.ndjson, an event a line. */
function* eventsNdjson(events: readonly Event[]): Generator<string> {
  for (const event of events) yield toNDJSON([withDerivedDates(event)]);
}

/** A file's content as {@link renderDatasetFiles} gives it: whole, or in pieces for the largest files. */
export type DatasetFileContent = string | Uint8Array | Iterable<string>;

/**
 * The files of the dataset, one at a time, each rendered only when asked
 * for, so a build holds one output at a time, never all of them (the
 * largest, events.json and events.ndjson, come in pieces, to be read
 * before the next file is asked for); `datapackage.json`, measured from
 * the others, comes last. Deterministic: the same dataset gives
 * byte-identical files.
 *
 * @param dataset - the derived dataset
 * @param actors - the registry, for actor ids in event_actors.csv
 * @param version - the data's version (default: the one `meta` gives)
 * @param history - the changes since the previous release and the tombstones (default: as if there were none)
 * @param meta - what the dataset says of itself (`dataset.yaml`)
 * @returns `[path, content]` pairs, in the order of {@link DATASET_FILES}
 */
export async function* renderDatasetFiles(dataset: Dataset, actors: readonly Actor[], version?: string, history?: DatasetHistory, meta?: DatasetMeta): AsyncGenerator<[string, DatasetFileContent]> {
  const registry = createActorRegistry(actors);
  const { changes, tombstones } = history ?? datasetHistory(dataset, actors, version ?? meta?.version ?? null);
  // Which dataset this is, as stats.json names it.
  const named = clean({ name: meta?.name, title: meta?.title, version: version ?? meta?.version });
  const measured: DataFile[] = [];
  const render = renderers({ dataset, registry, changes, tombstones, named, meta });
  for (const name of DATASET_FILES) {
    if (name === 'datapackage.json') continue;
    const content = await render[name as RenderedPath]();
    const hash = createHash('sha256');
    if (typeof content === 'string' || content instanceof Uint8Array) {
      measured.push({ path: name, bytes: Buffer.byteLength(content), sha256: hash.update(content).digest('hex') });
      yield [name, content];
      continue;
    }
    // Measured as the reader takes each piece.
    let bytes = 0;
    let read = false;
    yield [
      name,
      (function* () {
        for (const piece of content) {
          bytes += Buffer.byteLength(piece);
          hash.update(piece);
          yield piece;
        }
        read = true;
      })(),
    ];
    if (!read) throw new TypeError(`renderDatasetFiles: read ${name} whole before asking for the next file`);
    measured.push({ path: name, bytes, sha256: hash.digest('hex') });
  }
  yield ['datapackage.json', json(toDataPackage({ version, meta, files: measured }))];
}

/**
 * Renders every file of the dataset, keyed by path relative to the data
 * folder (see {@link renderDatasetFiles}, which gives them one at a time).
 * Deterministic: the same dataset gives byte-identical files.
 *
 * @param dataset - the derived dataset
 * @param actors - the registry, for actor ids in event_actors.csv
 * @param version - the data's version (default: the one `meta` gives)
 * @param history - the changes since the previous release and the tombstones (default: as if there were none)
 * @param meta - what the dataset says of itself (`dataset.yaml`)
 * @returns path -> content
 *
 * @example
 * ```ts
 * const { dataset } = deriveDataset(events, actors);
 * [...(await renderDataset(dataset, actors, '0.1.0')).keys()].slice(0, 3);
 * // => ['events.json', 'events.ndjson', 'actors.json']
 * ```
 */
export async function renderDataset(dataset: Dataset, actors: readonly Actor[], version?: string, history?: DatasetHistory, meta?: DatasetMeta): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  for await (const [name, content] of renderDatasetFiles(dataset, actors, version, history, meta)) files.set(name, typeof content === 'string' || content instanceof Uint8Array ? content : [...content].join(''));
  return files;
}
