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

/** The keys of `extra` in code-point order, as one mapping; undefined when there are none. */
function sortedExtra(extra: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!extra || Object.keys(extra).length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(extra).sort()) {
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
  return toFileKeys({ ...source, extra: sortedExtra(source.extra) }, SOURCE_FIELDS);
}

/**
 * The event as its file spells it: the field table's order and file keys
 * (`capture_lanes`, `archive_url`), and last an `extra` mapping with its keys
 * sorted, which strict reading accepts. The summary
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
  return toFileKeys({ ...event, sources: event.sources.map(sourceToFile), extra: sortedExtra(event.extra) }, EVENT_FIELDS, withSummary ? undefined : 'summary');
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
