import type { ActorRegistry } from '../model/createActorRegistry.js';
import type { Event } from '../model/event.js';
import { columnsOf, TABLES, type CellValue, type CsvTable } from './tables.js';

/** A value in a CSV cell. */
export type CsvValue = string | number | undefined | null;

/**
 * One CSV field, quoted as RFC 4180 says: fields holding a comma, a quote or
 * a line break are quoted, and quotes inside are doubled. Text that a
 * spreadsheet would run as a formula is neutralized first (see
 * {@link neutralizeFormula}).
 *
 * @param value - the cell's value; undefined and null are empty
 * @returns the field's text
 *
 * @example
 * ```ts
 * csvField('Say "no", twice');
 * // => '"Say ""no"", twice"'
 * ```
 */
export function csvField(value: CsvValue): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? neutralizeFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text a spreadsheet would run as a formula (it begins with `=`, `+`, `-`,
 * `@`, a tab or a carriage return) gets a leading `'`, as OWASP advises, so
 * Excel, LibreOffice and Google Sheets show it as text. A number stays a
 * number, negative ones included.
 *
 * @param text - a cell's text
 * @returns the text, neutralized when needed
 *
 * @example
 * ```ts
 * [neutralizeFormula('=HYPERLINK("x")'), neutralizeFormula('-12.5')];
 * // => ["'=HYPERLINK(\"x\")", '-12.5']
 * ```
 */
export function neutralizeFormula(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text) || /^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text)) return text;
  return `'${text}`;
}

export type { CsvTable } from './tables.js';

/** Options for {@link toCSV}. */
export interface ToCSVOptions {
  /** Which table. Default `events`. */
  table?: CsvTable;
  /** For `event_actors`: the actor registry, whose ids fill `actor_id` and `actor_wikidata`. */
  registry?: ActorRegistry;
}

/**
 * The columns of each table.
 *
 * @example
 * ```ts
 * CSV_COLUMNS.event_tags;
 * // => ['event_id', 'tag']
 * ```
 */
export const CSV_COLUMNS: Readonly<Record<CsvTable, readonly string[]>> = /* @__PURE__ */ Object.fromEntries(
  (Object.keys(TABLES) as CsvTable[]).map((table) => [table, columnsOf(table, 'csv').map((c) => c.name)]),
) as unknown as Record<CsvTable, readonly string[]>;

/** A cell as CSV writes it: a boolean as `true`/`false`, null empty. */
const cell = (value: CellValue): CsvValue => (typeof value === 'boolean' ? String(value) : (value as CsvValue));

/**
 * The lines of a tidy CSV table (see {@link toCSV}), the header first, each
 * ending in `\n`: for writers that never hold the whole table.
 *
 * @param events - the events
 * @param options - the table, and the registry for actor ids in `event_actors`
 * @returns the lines, one at a time
 *
 * @example
 * ```ts
 * [...csvLines(events, { table: 'event_tags' })].slice(0, 2);
 * // => ['event_id,tag\n', '2025-11-06--kazakhstan-abraham-accords-announcement,foreign-policy\n']
 * ```
 */
export function* csvLines(events: readonly Event[], options: ToCSVOptions = {}): Generator<string> {
  const table = options.table ?? 'events';
  if (!Object.hasOwn(TABLES, table)) throw new TypeError(`toCSV: unknown table ${JSON.stringify(table)}`);
  const columns = columnsOf(table, 'csv');
  const line = (row: readonly CsvValue[]) => `${row.map(csvField).join(',')}\n`;
  yield line(columns.map((c) => c.name));
  for (const e of events) {
    for (const row of TABLES[table].rows(e, options.registry)) yield line(columns.map((c) => cell(row[c.from] ?? null)));
  }
}

/**
 * Events as one of four tidy CSV tables: `events` (one row an event, scalar
 * columns, starting `id,date`) and the long tables `event_tags`,
 * `event_actors` and `event_sources`, keyed by `event_id`. Rows follow the
 * order of the events given.
 *
 * @param events - the events
 * @param options - the table, and the registry for actor ids in `event_actors`
 * @returns the CSV text
 *
 * @example
 * ```ts
 * toCSV(events, { table: 'event_tags' }).split('\n').slice(0, 2);
 * // => ['event_id,tag', '2025-11-06--kazakhstan-abraham-accords-announcement,foreign-policy']
 * ```
 */
export function toCSV(events: readonly Event[], options: ToCSVOptions = {}): string {
  return [...csvLines(events, options)].join('');
}
