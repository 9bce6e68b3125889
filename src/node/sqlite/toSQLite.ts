import type { Actor } from '../../model/actor.js';
import type { ActorRegistry } from '../../model/createActorRegistry.js';
import type { Event } from '../../model/event.js';
import { columnsOf, TABLES, type CsvTable, type FormColumn } from '../../format/tables.js';
import { runSQLite, type SQLStep } from './sqliteWorker.js';

/** Options for {@link toSQLite}. */
export interface ToSQLiteOptions {
  /** The actor registry: the `actors` table, and `actor_id` in `event_actors`. */
  registry?: ActorRegistry;
  /** The registry's entries as `actors.json` gives them (with counts), for the `actors` table. */
  actors?: readonly Actor[];
}

const SQL_TYPES: Record<FormColumn['type'], string> = { string: 'TEXT', date: 'TEXT', integer: 'INTEGER', boolean: 'INTEGER', list: 'TEXT' };
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The columns of a table in the database: CSV's, and for `events` the tags and actors as JSON arrays (Datasette facets on them). */
export function sqlColumns(table: CsvTable): FormColumn[] {
  const columns = columnsOf(table, 'csv');
  if (table !== 'events') return columns;
  const lists = [
    { name: 'tags', description: 'The tags, as a JSON array of strings.' },
    { name: 'actors', description: 'The actors as the event names them, as a JSON array of strings.' },
  ];
  return [...columns, ...lists.map((c) => ({ ...c, type: 'list' as const, nullable: false, from: c.name }))];
}

/** The `actors` table: the registry, with what actors.json counts. */
export const ACTOR_COLUMNS: readonly { name: string; sql: string; description: string }[] = [
  { name: 'id', sql: 'TEXT PRIMARY KEY', description: 'The registry id of the actor (event_actors.actor_id).' },
  { name: 'name', sql: 'TEXT NOT NULL', description: 'The name to show.' },
  { name: 'kind', sql: 'TEXT', description: 'person, organization, government-body or other, when given.' },
  { name: 'aliases', sql: 'TEXT NOT NULL', description: 'Other names events use for the actor, as a JSON array.' },
  { name: 'wikidata', sql: 'TEXT', description: 'The Wikidata item (Q and digits), when given.' },
  { name: 'ids', sql: 'TEXT', description: 'Its ids elsewhere (wikidata, opensanctions, ...), as a JSON object, when given.' },
  { name: 'event_count', sql: 'INTEGER', description: 'How many events name the actor.' },
  { name: 'first_date', sql: 'TEXT', description: 'The earliest date_start of its events.' },
  { name: 'last_date', sql: 'TEXT', description: 'The latest date_start of its events.' },
];

function createTable(table: CsvTable): string {
  const columns = sqlColumns(table).map((c) => `${quote(c.name)} ${SQL_TYPES[c.type]}${c.name === 'id' ? ' PRIMARY KEY' : c.nullable ? '' : ' NOT NULL'}`);
  if (table !== 'events') columns.push(`FOREIGN KEY ("event_id") REFERENCES "events"("id")`);
  return `CREATE TABLE ${quote(table)} (${columns.join(', ')})`;
}

function cell(column: FormColumn, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (column.type === 'list') return JSON.stringify(value);
  if (column.type === 'boolean') return value ? 1 : 0;
  return value as string | number;
}

/**
 * The SQL that makes the database's schema: the tables, their indexes, the
 * full-text index.
 *
 * @example
 * ```ts
 * SQLITE_SCHEMA.at(-1)?.startsWith('CREATE VIRTUAL TABLE "events_fts" USING fts5');
 * // => true
 * ```
 */
export const SQLITE_SCHEMA: readonly string[] = [
  ...(['events', 'event_tags', 'event_actors', 'event_sources'] as const).map(createTable),
  `CREATE TABLE "actors" (${ACTOR_COLUMNS.map((c) => `${quote(c.name)} ${c.sql}`).join(', ')})`,
  'CREATE INDEX "event_tags_event_id" ON "event_tags"("event_id")',
  'CREATE INDEX "event_tags_tag" ON "event_tags"("tag")',
  'CREATE INDEX "event_actors_event_id" ON "event_actors"("event_id")',
  'CREATE INDEX "event_actors_actor_id" ON "event_actors"("actor_id")',
  'CREATE INDEX "event_sources_event_id" ON "event_sources"("event_id")',
  'CREATE INDEX "events_date_start" ON "events"("date_start")',
  // Full-text search over title, summary, tags and actors, accents folded: Datasette finds events_fts beside events on its own.
  `CREATE VIRTUAL TABLE "events_fts" USING fts5("title", "summary", "tags", "actors", content="events", tokenize='unicode61 remove_diacritics 2')`,
];

/** Rows into a table in one statement: the rows, each an array of cells in column order, go in as one JSON array that SQLite unpacks itself. */
function insertRows(table: string, width: number, rows: unknown[][]): SQLStep {
  const cells = Array.from({ length: width }, (_, i) => `value ->> ${i}`);
  return [`INSERT INTO ${quote(table)} SELECT ${cells.join(', ')} FROM json_each(?) ORDER BY key`, JSON.stringify(rows)];
}

/** Rows at most this many a statement, so neither side holds a whole table as one string. */
const CHUNK = 2_000;

/** The statements that make the database, in order. */
function* statements(events: readonly Event[], options: ToSQLiteOptions): Generator<SQLStep> {
  yield ['PRAGMA page_size = 4096; PRAGMA journal_mode = OFF;'];
  // The tables first; their indexes and the full-text index once the rows are in, which is quicker.
  const later = SQLITE_SCHEMA.filter((sql) => !sql.startsWith('CREATE TABLE'));
  for (const sql of SQLITE_SCHEMA) if (!later.includes(sql)) yield [sql];
  yield ['BEGIN'];
  for (const table of ['events', 'event_tags', 'event_actors', 'event_sources'] as const) {
    const columns = sqlColumns(table);
    let rows: (string | number | null)[][] = [];
    for (const event of events) {
      for (const row of TABLES[table].rows(event, options.registry)) rows.push(columns.map((c) => cell(c, row[c.from])));
      if (rows.length >= CHUNK) {
        yield insertRows(table, columns.length, rows);
        rows = [];
      }
    }
    if (rows.length) yield insertRows(table, columns.length, rows);
  }
  const actors = (options.actors ?? options.registry?.entries ?? []).map((a) => {
    const counted = a as Actor & { eventCount?: number; firstDate?: string; lastDate?: string };
    return [a.id, a.name, a.kind ?? null, JSON.stringify(a.aliases ?? []), a.ids?.wikidata ?? null, a.ids ? JSON.stringify(a.ids) : null, counted.eventCount ?? null, counted.firstDate ?? null, counted.lastDate ?? null];
  });
  if (actors.length) yield insertRows('actors', ACTOR_COLUMNS.length, actors);
  for (const sql of later) yield [sql];
  yield [`INSERT INTO "events_fts"("events_fts") VALUES ('rebuild')`];
  yield ['COMMIT'];
  yield ['VACUUM'];
}

/**
 * The events as a SQLite database for Datasette, sqlite-utils and any SQL
 * client: `events` (the columns of `events.csv`, typed: INTEGER importance,
 * NULL when not rated; plus `tags` and `actors` as JSON arrays), the long
 * tables `event_tags`, `event_actors` and `event_sources` with foreign keys
 * to `events` and the indexes a join needs, `actors` (the registry), and
 * `events_fts`, an FTS5 index over title, summary, tags and actors with
 * accents folded (`bogota` finds `Bogotá`). Written by the official SQLite
 * WebAssembly build, loaded only here, on a thread of its own (the caller's
 * thread only prepares the rows); the same events give the same bytes.
 *
 * @param events - the events, in the order to write
 * @param options - the registry and its entries
 * @returns the database file's bytes
 *
 * @example
 * ```ts
 * const bytes = await toSQLite(events);
 * new TextDecoder().decode(bytes.subarray(0, 15));
 * // => 'SQLite format 3'
 * ```
 */
export function toSQLite(events: readonly Event[], options: ToSQLiteOptions = {}): Promise<Uint8Array> {
  return runSQLite(statements(events, options));
}
