import { dateStart, parseDate } from '../model/edtf.js';
import type { ActorRegistry } from '../model/createActorRegistry.js';
import type { Event } from '../model/event.js';

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

/**
 * A whole CSV text from a header and rows, one record a line, `\n` line
 * endings (which pandas, R and spreadsheets all read), a final newline.
 *
 * @param header - the column names
 * @param rows - the records, each as long as the header
 * @returns the CSV text
 *
 * @example
 * ```ts
 * toCSVText(['event_id', 'tag'], [['2025-11-06--x', 'media']]);
 * // => 'event_id,tag\n2025-11-06--x,media\n'
 * ```
 */
export function toCSVText(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  let out = `${header.map(csvField).join(',')}\n`;
  for (const row of rows) out += `${row.map(csvField).join(',')}\n`;
  return out;
}

/** The tidy tables {@link toCSV} writes. */
export type CsvTable = 'events' | 'event_tags' | 'event_actors' | 'event_sources';

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
export const CSV_COLUMNS: Record<CsvTable, readonly string[]> = {
  events: ['id', 'date', 'date_start', 'date_end', 'date_precision', 'date_approximate', 'year', 'title', 'importance', 'status', 'location', 'tag_count', 'actor_count', 'source_count', 'summary', 'notes'],
  event_tags: ['event_id', 'tag'],
  event_actors: ['event_id', 'actor', 'actor_id', 'actor_wikidata'],
  event_sources: ['event_id', 'position', 'title', 'url', 'publisher', 'date', 'tier', 'archive_url'],
};

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
  if (!Object.hasOwn(CSV_COLUMNS, table)) throw new TypeError(`toCSV: unknown table ${JSON.stringify(table)}`);
  const line = (row: readonly CsvValue[]) => `${row.map(csvField).join(',')}\n`;
  yield line(CSV_COLUMNS[table]);
  for (const e of events) {
    switch (table) {
      case 'events': {
        const span = parseDate(e.date);
        yield line([e.id, e.date, span?.start, span?.end, span?.precision, span ? String(span.approximate) : undefined, Number(dateStart(e.date).slice(0, 4)), e.title, e.importance, e.status, e.location, e.tags.length, e.actors.length, e.sources.length, e.summary, e.notes]);
        break;
      }
      case 'event_tags':
        for (const tag of e.tags) yield line([e.id, tag]);
        break;
      case 'event_actors':
        for (const actor of e.actors) {
          const entry = options.registry?.resolve(actor);
          yield line([e.id, actor, entry?.id, entry?.ids?.wikidata]);
        }
        break;
      case 'event_sources':
        for (let i = 0; i < e.sources.length; i++) {
          const s = e.sources[i]!;
          yield line([e.id, i + 1, s.title, s.url, s.publisher, s.date, s.tier, s.archiveUrl]);
        }
        break;
    }
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
