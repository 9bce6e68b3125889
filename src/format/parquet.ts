import { dateEnd, dateStart, parseDate } from '../model/edtf.js';
import type { ActorRegistry } from '../model/createActorRegistry.js';
import type { Event } from '../model/event.js';
import type { CsvTable } from './csv.js';

/** Options for {@link toParquet}. */
export interface ToParquetOptions {
  /** Which table: the events, or a long table keyed by `event_id`. Default `events`. */
  table?: CsvTable;
  /** For `event_actors`: the actor registry, whose ids fill `actor_id` and `actor_wikidata`. */
  registry?: ActorRegistry;
}

/** A Parquet column: its name, type, whether it may be null, and how to read it off a row. */
interface Column<R> {
  name: string;
  type: 'STRING' | 'INT32' | 'DATE' | 'BOOLEAN' | 'STRING_LIST';
  optional?: boolean;
  value: (row: R) => unknown;
}

const DAY = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` day, in the proleptic Gregorian calendar (as Parquet's DATE). */
export function daysSinceEpoch(day: string): number {
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0-99 as written.
  d.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round(d.getTime() / DAY);
}

/** The columns of each table: those of the CSV table, typed, and the events' lists as lists. */
const EVENT_COLUMNS: Column<Event>[] = [
  { name: 'id', type: 'STRING', value: (e) => e.id },
  // A date known less precisely than a day is given by its first day here,
  // and in full by date_end, date_precision and date_approximate.
  { name: 'date', type: 'DATE', value: (e) => daysSinceEpoch(dateStart(e.date)) },
  { name: 'date_start', type: 'DATE', value: (e) => daysSinceEpoch(dateStart(e.date)) },
  { name: 'date_end', type: 'DATE', value: (e) => daysSinceEpoch(dateEnd(e.date)) },
  { name: 'date_precision', type: 'STRING', value: (e) => parseDate(e.date)?.precision ?? 'day' },
  { name: 'date_approximate', type: 'BOOLEAN', value: (e) => parseDate(e.date)?.approximate ?? false },
  { name: 'year', type: 'INT32', value: (e) => Number(dateStart(e.date).slice(0, 4)) },
  { name: 'title', type: 'STRING', value: (e) => e.title },
  { name: 'importance', type: 'INT32', optional: true, value: (e) => e.importance },
  { name: 'status', type: 'STRING', optional: true, value: (e) => e.status ?? null },
  { name: 'location', type: 'STRING', optional: true, value: (e) => e.location ?? null },
  { name: 'tag_count', type: 'INT32', value: (e) => e.tags.length },
  { name: 'actor_count', type: 'INT32', value: (e) => e.actors.length },
  { name: 'source_count', type: 'INT32', value: (e) => e.sources.length },
  { name: 'summary', type: 'STRING', value: (e) => e.summary },
  { name: 'notes', type: 'STRING', optional: true, value: (e) => e.notes ?? null },
  { name: 'tags', type: 'STRING_LIST', value: (e) => e.tags },
  { name: 'actors', type: 'STRING_LIST', value: (e) => e.actors },
  { name: 'capture_lanes', type: 'STRING_LIST', value: (e) => e.captureLanes ?? [] },
  { name: 'date_written', type: 'STRING', value: (e) => e.date },
];

type Row = Record<string, string | number | null>;
const text = (name: string, optional = false): Column<Row> => ({ name, type: 'STRING', optional, value: (r) => r[name] ?? null });
const int = (name: string, optional = false): Column<Row> => ({ name, type: 'INT32', optional, value: (r) => r[name] ?? null });

const LONG_TABLES: Record<Exclude<CsvTable, 'events'>, { columns: Column<Row>[]; rows: (e: Event, registry?: ActorRegistry) => Row[] }> = {
  event_tags: { columns: [text('event_id'), text('tag')], rows: (e) => e.tags.map((tag) => ({ event_id: e.id, tag })) },
  event_actors: {
    columns: [text('event_id'), text('actor'), text('actor_id', true), text('actor_wikidata', true)],
    rows: (e, registry) =>
      e.actors.map((actor) => {
        const entry = registry?.resolve(actor);
        return { event_id: e.id, actor, actor_id: entry?.id ?? null, actor_wikidata: entry?.ids?.wikidata ?? null };
      }),
  },
  event_sources: {
    columns: [text('event_id'), int('position'), text('title', true), text('url', true), text('publisher', true), text('date', true), int('tier', true), text('archive_url', true)],
    rows: (e) =>
      e.sources.map((s, i) => ({ event_id: e.id, position: i + 1, title: s.title ?? null, url: s.url ?? null, publisher: s.publisher ?? null, date: s.date ?? null, tier: s.tier ?? null, archive_url: s.archiveUrl ?? null })),
  },
};

/** The Parquet schema elements of the columns: the root, then each column (a list as the standard three levels). */
function schemaOf<R>(columns: Column<R>[]): Record<string, unknown>[] {
  const schema: Record<string, unknown>[] = [{ name: 'root', num_children: columns.length }];
  for (const c of columns) {
    const repetition_type = c.optional ? 'OPTIONAL' : 'REQUIRED';
    if (c.type === 'STRING') schema.push({ name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type });
    else if (c.type === 'INT32') schema.push({ name: c.name, type: 'INT32', repetition_type });
    else if (c.type === 'DATE') schema.push({ name: c.name, type: 'INT32', converted_type: 'DATE', repetition_type });
    else if (c.type === 'BOOLEAN') schema.push({ name: c.name, type: 'BOOLEAN', repetition_type });
    else {
      schema.push(
        { name: c.name, repetition_type: 'REQUIRED', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      );
    }
  }
  return schema;
}

/**
 * Events as a Parquet file: the `events` table (the columns of `events.csv`,
 * typed, with `date` a DATE, counts and importance integers, and `tags`,
 * `actors` and `capture_lanes` as lists of strings) or one of the long
 * tables `event_tags`, `event_actors`, `event_sources`. DuckDB, pandas,
 * polars, R (arrow) and Spark read it with the right types, dates before
 * 1677 included. One row group, Snappy compression; the same events always
 * give the same bytes.
 *
 * Written with hyparquet-writer, a small pure-JavaScript writer (no
 * WebAssembly, no native code), so it runs wherever the package runs.
 *
 * @param events - the events, in the order the rows should have
 * @param options - the table, and the registry for actor ids in `event_actors`
 * @returns the file's bytes (the writer is loaded on first use)
 *
 * @example
 * ```ts
 * const bytes = await toParquet(events); // then writeFileSync('events.parquet', bytes)
 * new TextDecoder().decode(bytes.subarray(0, 4));
 * // => 'PAR1'
 * ```
 */
export async function toParquet(events: readonly Event[], options: ToParquetOptions = {}): Promise<Uint8Array> {
  const table = options.table ?? 'events';
  // Loaded on first use: importing the package never pays for the writer.
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const write = <R>(columns: Column<R>[], rows: readonly R[]): Uint8Array => {
    const buffer = parquetWriteBuffer({
      columnData: columns.map((c) => ({ name: c.name, data: rows.map(c.value) as unknown[] })),
      // The hand-written schema types every column, so zero rows still make a valid file.
      schema: schemaOf(columns) as never,
      rowGroupSize: Math.max(1, rows.length),
      createdBy: 'democracy-timeline',
    });
    return new Uint8Array(buffer);
  };
  if (table === 'events') return write(EVENT_COLUMNS, events);
  const long = LONG_TABLES[table];
  if (!long) throw new TypeError(`toParquet: unknown table ${JSON.stringify(table)}`);
  return write(
    long.columns,
    events.flatMap((e) => long.rows(e, options.registry)),
  );
}
