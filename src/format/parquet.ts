import type { ActorRegistry } from '../model/createActorRegistry.js';
import type { Event } from '../model/event.js';
import { columnsOf, TABLES, type CsvTable, type FormColumn } from './tables.js';

/** Options for {@link toParquet}. */
export interface ToParquetOptions {
  /** Which table: the events, or a long table keyed by `event_id`. Default `events`. */
  table?: CsvTable;
  /** For `event_actors`: the actor registry, whose ids fill `actor_id` and `actor_wikidata`. */
  registry?: ActorRegistry;
}

const DAY = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` day, in the proleptic Gregorian calendar (as Parquet's DATE). */
function daysSinceEpoch(day: string): number {
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0-99 as written.
  d.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round(d.getTime() / DAY);
}

/** The Parquet schema elements of the columns: the root, then each column (a list as the standard three levels). */
function schemaOf(columns: readonly FormColumn[]): Record<string, unknown>[] {
  const schema: Record<string, unknown>[] = [{ name: 'root', num_children: columns.length }];
  for (const c of columns) {
    const repetition_type = c.nullable ? 'OPTIONAL' : 'REQUIRED';
    if (c.type === 'string') schema.push({ name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type });
    else if (c.type === 'integer') schema.push({ name: c.name, type: 'INT32', repetition_type });
    else if (c.type === 'date') schema.push({ name: c.name, type: 'INT32', converted_type: 'DATE', repetition_type });
    else if (c.type === 'boolean') schema.push({ name: c.name, type: 'BOOLEAN', repetition_type });
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
  if (!Object.hasOwn(TABLES, table)) throw new TypeError(`toParquet: unknown table ${JSON.stringify(table)}`);
  // Loaded on first use: importing the package never pays for the writer.
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const columns = columnsOf(table, 'parquet');
  const rows = events.flatMap((e) => TABLES[table].rows(e, options.registry));
  const buffer = parquetWriteBuffer({
    columnData: columns.map((c) => ({ name: c.name, data: rows.map((row) => (c.type === 'date' ? daysSinceEpoch(row[c.from] as string) : (row[c.from] ?? null))) as unknown[] })),
    // The hand-written schema types every column, so zero rows still make a valid file.
    schema: schemaOf(columns) as never,
    rowGroupSize: Math.max(1, rows.length),
    createdBy: 'democracy-timeline',
  });
  return new Uint8Array(buffer);
}
