import type { ActorRegistry } from '../model/createActorRegistry.js';
import { deriveDates, type Event } from '../model/event.js';

/** The tidy tables: `events` (one row an event) and the long tables keyed by `event_id`. */
export type CsvTable = 'events' | 'event_tags' | 'event_actors' | 'event_sources';

/** A cell's value before a format writes it: a `YYYY-MM-DD` day for a `date` column, a list for a `list` column. */
export type CellValue = string | number | boolean | readonly string[] | null;

/** One row of a table, by column name. */
export type TableRow = Record<string, CellValue>;

/** What a column is in one format, where it differs from the others. */
interface ColumnForm {
  /** The Table Schema type, which also says how Parquet stores it: `string`, `integer`, `date`, `boolean`, `list` (of strings). */
  type: 'string' | 'integer' | 'date' | 'boolean' | 'list';
  /** What the column holds, as `datapackage.json` says it. */
  description: string;
  /** Table Schema constraints. */
  constraints?: Record<string, unknown>;
  /** The row's key to read, when not the column's name. */
  from?: string;
}

/** One column of a table: its name, what it is, and where it differs in Parquet. */
export interface Column extends ColumnForm {
  /** The column name, in every format. */
  name: string;
  /** The value may be null (empty in CSV, an OPTIONAL column in Parquet). */
  nullable?: boolean;
  /** In one format only. */
  only?: 'csv' | 'parquet';
  /** How the Parquet column differs. */
  parquet?: Partial<ColumnForm>;
}

/** One table: its columns in order and the rows an event gives. */
export interface TableSpec {
  /** The columns, CSV's and Parquet's in one list (see {@link Column.only}). */
  columns: readonly Column[];
  /** The rows one event gives. */
  rows: (event: Event, registry?: ActorRegistry) => TableRow[];
}

/** An event's date split into what tools with no EDTF reader need. The model refuses any other date, so an event that bypassed it is refused here too. */
function datesOf(event: Event) {
  const dates = deriveDates(event.date);
  if (!dates) throw new TypeError(`${event.id}: date ${JSON.stringify(event.date)} is not a date of the model (YYYY-MM-DD, or EDTF levels 0-1); read the events through EventSchema before writing a table`);
  return dates;
}

const id = (description: string): Column => ({ name: 'event_id', type: 'string', description, constraints: { required: true } });
const EVENT_ID = id('The id of the event (events.csv id).');

/**
 * The tidy tables, one specification each: the columns of the CSV file, the
 * Parquet file and the Table Schema in `datapackage.json` all come from it,
 * so the three cannot drift apart.
 */
export const TABLES: Readonly<Record<CsvTable, TableSpec>> = {
  events: {
    columns: [
      {
        name: 'id',
        type: 'string',
        description: 'The event id: YYYY-MM-DD--kebab-slug.',
        constraints: { required: true, unique: true },
      },
      {
        name: 'date',
        type: 'string',
        description: 'When the event happened, as written: a day YYYY-MM-DD, or in EDTF (levels 0-1) a month, a year, ~ or ?, or a range A/B (in Parquet: its first day, as a DATE).',
        constraints: { required: true },
        // A date known less precisely than a day is given by its first day here,
        // and in full by date_end, date_precision and date_approximate.
        parquet: { type: 'date', from: 'date_start', description: 'The earliest day the event can be (date_written holds the date as written).' },
      },
      { name: 'date_start', type: 'date', description: 'The earliest day the event can be.', constraints: { required: true } },
      { name: 'date_end', type: 'date', description: 'The latest day the event can be (9999-12-31 for an open range).', constraints: { required: true } },
      { name: 'date_precision', type: 'string', description: 'How precisely the date is known: day, month or year.', constraints: { required: true, enum: ['day', 'month', 'year'] } },
      { name: 'date_approximate', type: 'boolean', description: 'True when the date is approximate (~ or %).', constraints: { required: true } },
      { name: 'year', type: 'integer', description: 'The year of date, for charts.' },
      { name: 'title', type: 'string', description: 'A one-line headline.' },
      { name: 'importance', type: 'integer', nullable: true, description: 'From 1 (minor) to 10 (historic).', constraints: { minimum: 1, maximum: 10 } },
      { name: 'status', type: 'string', nullable: true, description: 'How well established the event is; empty when not given.' },
      { name: 'location', type: 'string', nullable: true, description: 'Where it happened, free text; empty when not given.' },
      { name: 'tag_count', type: 'integer', description: 'Number of tags (see event_tags.csv).' },
      { name: 'actor_count', type: 'integer', description: 'Number of actors (see event_actors.csv).' },
      { name: 'source_count', type: 'integer', description: 'Number of sources (see event_sources.csv).' },
      { name: 'summary', type: 'string', description: 'What happened and why it matters (Markdown).' },
      { name: 'notes', type: 'string', nullable: true, description: 'Editorial notes; empty when not given.' },
      { name: 'tags', type: 'list', only: 'parquet', description: 'The tags, as a list of strings (Parquet only).' },
      { name: 'actors', type: 'list', only: 'parquet', description: 'The actors as the event names them, a list of strings (Parquet only).' },
      { name: 'capture_lanes', type: 'list', only: 'parquet', description: 'The capture lanes, a list of strings, empty when not given (Parquet only).' },
      { name: 'date_written', type: 'string', only: 'parquet', from: 'date', description: 'The date as written (Parquet only; the CSV date column holds it).' },
    ],
    rows: (e) => {
      const dates = datesOf(e);
      return [
        {
          id: e.id,
          date: e.date,
          date_start: dates.dateStart,
          date_end: dates.dateEnd,
          date_precision: dates.datePrecision,
          date_approximate: dates.dateApproximate,
          year: Number(dates.dateStart.slice(0, 4)),
          title: e.title,
          importance: e.importance ?? null,
          status: e.status ?? null,
          location: e.location ?? null,
          tag_count: e.tags.length,
          actor_count: e.actors.length,
          source_count: e.sources.length,
          summary: e.summary,
          notes: e.notes ?? null,
          tags: e.tags,
          actors: e.actors,
          capture_lanes: e.captureLanes ?? [],
        },
      ];
    },
  },
  event_tags: {
    columns: [EVENT_ID, { name: 'tag', type: 'string', description: 'A kebab-case tag.' }],
    rows: (e) => e.tags.map((tag) => ({ event_id: e.id, tag })),
  },
  event_actors: {
    columns: [
      EVENT_ID,
      { name: 'actor', type: 'string', description: 'The actor as the event names it.' },
      { name: 'actor_id', type: 'string', nullable: true, description: 'The registry id of the actor (actors.json), when it has one.' },
      { name: 'actor_wikidata', type: 'string', nullable: true, description: 'The Wikidata item of the actor (Q and digits), when its registry entry gives one.' },
    ],
    rows: (e, registry) =>
      e.actors.map((actor) => {
        const entry = registry?.resolve(actor);
        return { event_id: e.id, actor, actor_id: entry?.id ?? null, actor_wikidata: entry?.ids?.wikidata ?? null };
      }),
  },
  event_sources: {
    columns: [
      EVENT_ID,
      { name: 'position', type: 'integer', description: 'The source\u2019s place in the event\u2019s list, from 1.' },
      { name: 'title', type: 'string', nullable: true, description: 'A one-line headline.' },
      { name: 'url', type: 'string', nullable: true, description: 'An http(s) link; empty for a work with no web address.' },
      { name: 'publisher', type: 'string', nullable: true, description: 'Who published the source.' },
      { name: 'date', type: 'string', nullable: true, description: 'When the source was published: YYYY, YYYY-MM or YYYY-MM-DD.' },
      { name: 'tier', type: 'integer', nullable: true, description: 'Reliability tier 1-3; empty when not given.' },
      { name: 'archive_url', type: 'string', nullable: true, description: 'A link to an archived copy.' },
    ],
    rows: (e) =>
      e.sources.map((s, i) => ({ event_id: e.id, position: i + 1, title: s.title ?? null, url: s.url ?? null, publisher: s.publisher ?? null, date: s.date ?? null, tier: s.tier ?? null, archive_url: s.archiveUrl ?? null })),
  },
};

/** A column as one format has it: the Parquet form merged in, and the row key to read. */
export interface FormColumn extends ColumnForm {
  name: string;
  nullable: boolean;
  from: string;
}

/**
 * The columns of a table in one format, in order.
 *
 * @param table - the table
 * @param format - `csv` or `parquet`
 * @returns the columns that format writes, as it writes them
 *
 * @example
 * ```ts
 * columnsOf('event_tags', 'csv').map((c) => c.name);
 * // => ['event_id', 'tag']
 * ```
 */
export function columnsOf(table: CsvTable, format: 'csv' | 'parquet'): FormColumn[] {
  if (!Object.hasOwn(TABLES, table)) throw new TypeError(`unknown table ${JSON.stringify(table)}; the tables are ${Object.keys(TABLES).join(', ')}`);
  return TABLES[table].columns
    .filter((c) => c.only === undefined || c.only === format)
    .map(({ name, nullable, only: _only, parquet, ...form }) => ({ ...form, ...(format === 'parquet' ? parquet : undefined), name, nullable: nullable ?? false, from: (format === 'parquet' ? parquet?.from : undefined) ?? form.from ?? name }));
}
