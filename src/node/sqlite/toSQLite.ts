import type { Actor } from '../../model/actor.js';
import type { ActorRegistry } from '../../model/createActorRegistry.js';
import type { Event } from '../../model/event.js';
import { columnsOf, TABLES, type CsvTable, type FormColumn } from '../../format/tables.js';

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
function sqlColumns(table: CsvTable): FormColumn[] {
  const columns = columnsOf(table, 'csv');
  if (table !== 'events') return columns;
  const lists = TABLES.events.columns.filter((c) => c.name === 'tags' || c.name === 'actors');
  return [...columns, ...lists.map((c) => ({ name: c.name, type: 'list' as const, nullable: false, from: c.name, description: `${c.description.replace(/ \(Parquet only\)/, '')}, as a JSON array.` }))];
}

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
  `CREATE TABLE "actors" ("id" TEXT PRIMARY KEY, "name" TEXT NOT NULL, "kind" TEXT, "aliases" TEXT NOT NULL, "wikidata" TEXT, "ids" TEXT, "event_count" INTEGER, "first_date" TEXT, "last_date" TEXT)`,
  'CREATE INDEX "event_tags_event_id" ON "event_tags"("event_id")',
  'CREATE INDEX "event_tags_tag" ON "event_tags"("tag")',
  'CREATE INDEX "event_actors_event_id" ON "event_actors"("event_id")',
  'CREATE INDEX "event_actors_actor_id" ON "event_actors"("actor_id")',
  'CREATE INDEX "event_sources_event_id" ON "event_sources"("event_id")',
  'CREATE INDEX "events_date_start" ON "events"("date_start")',
  // Full-text search over title, summary, tags and actors, accents folded: Datasette finds events_fts beside events on its own.
  `CREATE VIRTUAL TABLE "events_fts" USING fts5("title", "summary", "tags", "actors", content="events", tokenize='unicode61 remove_diacritics 2')`,
];

/**
 * The events as a SQLite database for Datasette, sqlite-utils and any SQL
 * client: `events` (the columns of `events.csv`, typed: INTEGER importance,
 * NULL when not rated; plus `tags` and `actors` as JSON arrays), the long
 * tables `event_tags`, `event_actors` and `event_sources` with foreign keys
 * to `events` and the indexes a join needs, `actors` (the registry), and
 * `events_fts`, an FTS5 index over title, summary, tags and actors with
 * accents folded (`bogota` finds `Bogotá`). Written by the official SQLite
 * WebAssembly build, loaded only here; the same events give the same bytes.
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
export async function toSQLite(events: readonly Event[], options: ToSQLiteOptions = {}): Promise<Uint8Array> {
  const { default: init } = await import('@sqlite.org/sqlite-wasm');
  const sqlite3 = await init();
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  try {
    db.exec('PRAGMA page_size = 4096; PRAGMA journal_mode = OFF;');
    for (const sql of SQLITE_SCHEMA) db.exec(sql);
    db.exec('BEGIN');
    for (const table of ['events', 'event_tags', 'event_actors', 'event_sources'] as const) {
      const columns = sqlColumns(table);
      const insert = db.prepare(`INSERT INTO ${quote(table)} VALUES (${columns.map(() => '?').join(', ')})`);
      try {
        for (const event of events) {
          for (const row of TABLES[table].rows(event, options.registry)) {
            insert.bind(columns.map((c) => cell(c, row[c.from]))).stepReset();
          }
        }
      } finally {
        insert.finalize();
      }
    }
    const actor = db.prepare('INSERT INTO "actors" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    try {
      for (const a of options.actors ?? options.registry?.entries ?? []) {
        const counted = a as Actor & { eventCount?: number; firstDate?: string; lastDate?: string };
        actor.bind([a.id, a.name, a.kind ?? null, JSON.stringify(a.aliases ?? []), a.ids?.wikidata ?? null, a.ids ? JSON.stringify(a.ids) : null, counted.eventCount ?? null, counted.firstDate ?? null, counted.lastDate ?? null]).stepReset();
      }
    } finally {
      actor.finalize();
    }
    db.exec(`INSERT INTO "events_fts"("events_fts") VALUES ('rebuild')`);
    db.exec('COMMIT');
    db.exec('VACUUM');
    return sqlite3.capi.sqlite3_js_db_export(db);
  } finally {
    db.close();
  }
}
