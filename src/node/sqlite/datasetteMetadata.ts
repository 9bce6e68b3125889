import type { DatasetMeta } from '../../model/dataset.js';
import { ACTOR_COLUMNS, sqlColumns } from './toSQLite.js';
import { clean } from '../../model/clean.js';

/** A table's entry in Datasette's metadata: what it holds, each column, and how Datasette shows it. */
export interface DatasetteTable {
  description: string;
  columns: Record<string, string>;
  facets?: ({ array: string } | string)[];
  label_column?: string;
  fts_table?: string;
  sort?: string;
}

/** Datasette's `metadata.json`: the dataset's title, licence and source, and the `events` database's tables. */
export interface DatasetteMetadata {
  title: string;
  description?: string;
  license?: string;
  license_url?: string;
  source?: string;
  source_url?: string;
  databases: { events: { tables: Record<string, DatasetteTable> } };
}

const LONG_TABLES = {
  event_tags: 'One row per tag of an event; event_id joins events.id.',
  event_actors: 'One row per actor of an event; event_id joins events.id, actor_id joins actors.id.',
  event_sources: 'One row per source of an event, in the event’s order; event_id joins events.id.',
} as const;

const columns = (list: readonly { name: string; description: string }[]) => Object.fromEntries(list.map((c) => [c.name, c.description]));

/**
 * The Datasette `metadata.json` of `events.sqlite`: the dataset's title,
 * description, licence and source (from `dataset.yaml`), and each table
 * and column described; `events` faceted on its tags and actors (JSON
 * arrays) and searched through `events_fts`. The database is named after its
 * file, so `datasette events.sqlite --metadata metadata.json` shows it.
 *
 * @param meta - what the dataset says of itself (`dataset.yaml`)
 * @returns the metadata, ready for `JSON.stringify`
 *
 * @example
 * ```ts
 * toDatasetteMetadata({ name: 'city-hall-watch', title: 'City hall watch', licenses: [{ name: 'CC-BY-4.0' }] }).license;
 * // => 'CC-BY-4.0'
 * ```
 */
export function toDatasetteMetadata(meta?: DatasetMeta): DatasetteMetadata {
  const licence = meta?.licenses?.[0];
  const source = meta?.sources?.[0];
  const tables: Record<string, DatasetteTable> = {
    events: {
      description: 'One row per event, sorted by date: the columns of events.csv, typed (importance an INTEGER, NULL when not rated), with tags and actors as JSON arrays.',
      columns: columns(sqlColumns('events')),
      facets: [{ array: 'tags' }, { array: 'actors' }, 'year'],
      label_column: 'title',
      fts_table: 'events_fts',
      sort: 'date_start',
    },
    ...Object.fromEntries(Object.entries(LONG_TABLES).map(([table, description]) => [table, { description, columns: columns(sqlColumns(table as keyof typeof LONG_TABLES)) }])),
    actors: { description: 'The actor registry, with how many events name each actor and their first and last dates.', columns: columns(ACTOR_COLUMNS), label_column: 'name' },
  };
  return clean<DatasetteMetadata>({
    title: meta?.title ?? meta?.name ?? 'A dataset that has not said what it is',
    description: meta?.description,
    license: licence?.name ?? licence?.title,
    license_url: licence?.path,
    source: source?.title,
    source_url: source?.path,
    databases: { events: { tables } },
  });
}
