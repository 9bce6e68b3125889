import type { Event } from '../model/event.js';
import { EVENT_FIELDS, SOURCE_FIELDS, type FieldSpelling } from '../model/fieldTable.js';
import type { Source } from '../model/source.js';
import type { EventFormat } from './parseEvent.js';
import { dumpYaml } from './yaml.js';

/** Options for {@link stringifyEvent}. */
export interface StringifyEventOptions {
  /** The format to write. Default `md`. */
  format?: EventFormat;
}

function sortedExtra(extra: Record<string, unknown> | undefined, known: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!extra) return out;
  for (const key of Object.keys(extra).sort()) {
    if (Object.prototype.hasOwnProperty.call(known, key)) continue; // the model's value wins
    Object.defineProperty(out, key, { value: extra[key], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

/** Copies the fields of the table from a model object under their file keys, in the table's order. */
function toFileKeys(from: object, fields: readonly FieldSpelling[], skip?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (field.model !== skip) put(out, field.file, (from as Record<string, unknown>)[field.model]);
  return out;
}

function sourceToFile(source: Source): Record<string, unknown> {
  const out = toFileKeys(source, SOURCE_FIELDS);
  return Object.assign(out, sortedExtra(source.extra, out));
}

/**
 * The event as its file spells it: the field table's order and file keys
 * (`capture_lanes`, `archive_url`), the keys of `extra` (sorted) after the model's. The summary
 * is included only when `withSummary` is true.
 *
 * @param event - a valid event
 * @param withSummary - include `summary` (for YAML and JSON files)
 * @returns a plain object ready to serialise
 *
 * @example
 * ```ts
 * Object.keys(eventToFileObject(event, false));
 * // => ['id', 'date', 'title', 'importance', 'tags', 'actors', 'sources']
 * ```
 */
export function eventToFileObject(event: Event, withSummary: boolean): Record<string, unknown> {
  const out = toFileKeys({ ...event, sources: event.sources.map(sourceToFile) }, EVENT_FIELDS, withSummary ? undefined : 'summary');
  return Object.assign(out, sortedExtra(event.extra, out));
}

/**
 * Writes an event as canonical file text: fixed key order, stable quoting,
 * `\n` line endings, a final newline. In Markdown the summary is the body.
 * {@link parseEvent} reads it back to an equal event.
 *
 * @param event - a valid event
 * @param options - the format (default `md`)
 * @returns the file's text
 *
 * @example
 * ```ts
 * stringifyEvent(event).split('\n').slice(0, 3);
 * // => ['---', 'id: 2025-11-06--kazakhstan-abraham-accords-announcement', "date: '2025-11-06'"]
 * ```
 */
export function stringifyEvent(event: Event, options: StringifyEventOptions = {}): string {
  const format = options.format ?? 'md';
  if (format === 'json') return `${JSON.stringify(eventToFileObject(event, true), null, 2)}\n`;
  if (format === 'yaml') return dumpYaml(eventToFileObject(event, true));
  return `---\n${dumpYaml(eventToFileObject(event, false))}---\n\n${event.summary}\n`;
}
