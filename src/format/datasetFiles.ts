const TABLE = [
  { path: 'events.json', description: 'Every event as a JSON array, sorted by date, then id (schema/event.schema.json).' },
  { path: 'events.ndjson', description: 'Every event, one JSON document a line.' },
  { path: 'actors.json', description: 'The actor registry with event counts and first and last dates (schema/actor.schema.json).' },
  { path: 'tags.json', description: 'Every tag with its count and first and last dates.' },
  { path: 'sources.json', description: 'Every distinct source URL with the ids of the events citing it.' },
  { path: 'stats.json', description: 'Counts: events, actors, tags, sources, publishers; per year, importance, tag, publisher and status; provenance per status and source coverage.' },
  { path: 'changes.json', description: 'What changed since the previous release, record by record: events added, removed, changed (fields with old and new values), renamed or merged; actors; and the version bump it asks for.' },
  { path: 'tombstones.json', description: 'Every event id no longer in the dataset: { id, removedIn, replacedBy? }, so a link to it can still say where it went.' },
  { path: 'events.csv', description: 'One row an event, scalar columns.' },
  { path: 'event_tags.csv', description: 'One row per tag of an event.' },
  { path: 'event_actors.csv', description: 'One row per actor of an event.' },
  { path: 'event_sources.csv', description: 'One row per source of an event.' },
  { path: 'events.parquet', description: 'One row an event, typed (date a DATE, integers as integers), with tags, actors and capture lanes as lists.' },
  { path: 'event_tags.parquet', description: 'One row per tag of an event (Parquet).' },
  { path: 'event_actors.parquet', description: 'One row per actor of an event (Parquet).' },
  { path: 'event_sources.parquet', description: 'One row per source of an event (Parquet).' },
  { path: 'events.sqlite', description: 'A SQLite database: events (typed, tags and actors as JSON arrays), event_tags, event_actors, event_sources (foreign keys to events), actors, and events_fts, full-text search with accents folded.' },
  { path: 'metadata.json', description: 'Datasette metadata for events.sqlite: title, licence, source, each table and column described (datasette events.sqlite --metadata metadata.json).' },
  { path: 'schema/event.schema.json', description: 'The JSON Schema (draft 2020-12) of an event in events.json and events.ndjson.' },
  { path: 'schema/source.schema.json', description: 'The JSON Schema (draft 2020-12) of a source.' },
  { path: 'schema/actor.schema.json', description: 'The JSON Schema (draft 2020-12) of an actor in actors.json.' },
  { path: 'datapackage.json' },
] as const satisfies readonly { path: string; description?: string }[];

/** The path of a file a build writes. */
export type DatasetFilePath = (typeof TABLE)[number]['path'];

/**
 * Every file a build writes, relative to the data folder, in the order it
 * writes them, with what each holds (as `datapackage.json` says it):
 * `build`, the descriptor and the README's table of the dataset all come
 * from this list, and the build's renderers are keyed by its paths (a path
 * with no renderer does not compile). `datapackage.json` itself, which
 * lists the others with their sizes and hashes, comes last.
 *
 * @example
 * ```ts
 * DATASET_FILE_TABLE[0].path;
 * // => 'events.json'
 * ```
 */
export const DATASET_FILE_TABLE: readonly { path: DatasetFilePath; description?: string }[] = TABLE;
