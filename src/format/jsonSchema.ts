import * as z from 'zod/mini';
import { ActorSchema } from '../model/actor.js';
import { DERIVED_DATE_KEYS, EventSchema } from '../model/event.js';
import { SourceSchema } from '../model/source.js';

/** The models a JSON Schema can be generated for. */
export type SchemaName = 'event' | 'source' | 'actor';

const SCHEMAS = { event: EventSchema, source: SourceSchema, actor: ActorSchema } as const;

// What the model checks in code, said in JSON Schema for tools. Links get a
// pattern, not format 'uri': the model takes what a browser takes (an en dash
// or brackets in a Wikipedia path), which RFC 3986 validators refuse. Days
// get format 'date'. A source needs a title or a url, as the model says.
const PART = '\\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?)?[?~%]?';
/** The forms of an event date other than a plain day: a year or month (perhaps qualified), a qualified day, a range. */
const EDTF_NOT_A_DAY = `^(?:\\d{4}(?:-(?:0[1-9]|1[0-2]))?[?~%]?|\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])[?~%]|${PART}/(?:${PART}|\\.\\.))$`;
/** The characters the model lets into an event date before reading it. */
const EVENT_DATE_CHARS = '^[\\d?~%/.-]+$';
const LINK_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#][^\\s]*$';

function addFormats(node: unknown, key?: string): void {
  if (node === null || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  // What the build derives from date: events.json has it, an event file never does.
  if ((DERIVED_DATE_KEYS as readonly unknown[]).includes(key)) obj.readOnly = true;
  if (obj.type === 'string' && (key === 'url' || key === 'archiveUrl')) obj.pattern = LINK_PATTERN;
  // An actor's id schemes are lower-case names, as the model checks in code.
  if (obj.type === 'object' && key === 'ids') obj.propertyNames = { pattern: '^[a-z][a-z0-9_-]*$' };
  const properties = obj.properties as Record<string, unknown> | undefined;
  if (obj.type === 'object' && properties && 'archiveUrl' in properties && 'title' in properties) obj.anyOf = [{ properties: { title: true }, required: ['title'] }, { properties: { url: true }, required: ['url'] }];
  if (obj.type === 'string' && (key === 'date' || key === 'firstDate' || key === 'lastDate' || key === 'dateStart' || key === 'dateEnd') && obj.pattern === '^\\d{4}-\\d{2}-\\d{2}$') obj.format = 'date';
  // An event's date: a day (format date), or the EDTF subset's other forms
  // (the model also checks that a day inside a range or with a qualifier is real).
  if (obj.type === 'string' && key === 'date' && obj.pattern === EVENT_DATE_CHARS) {
    delete obj.pattern;
    obj.anyOf = [
      { type: 'string', format: 'date' },
      { type: 'string', pattern: EDTF_NOT_A_DAY },
    ];
  }
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'properties' && v && typeof v === 'object') for (const [pk, pv] of Object.entries(v)) addFormats(pv, pk);
    else addFormats(v);
  }
}

/**
 * The JSON Schema (draft 2020-12) of a model, generated from its zod schema
 * with every field's description. Days carry `format: 'date'`: a validator
 * needs that format (with ajv, the ajv-formats plugin) to check them, and
 * then agrees with the model. Links are checked by a pattern. The event's
 * schema also describes the date keys `events.json` adds (`dateStart`,
 * `dateEnd`, `datePrecision`, `dateApproximate`), as `readOnly`.
 *
 * @param name - `event`, `source` or `actor`
 * @returns the JSON Schema document
 *
 * @example
 * ```ts
 * toJSONSchema('event').required;
 * // => ['id', 'date', 'title', 'summary', 'importance', 'tags', 'actors', 'sources']
 * ```
 */
export function toJSONSchema(name: SchemaName = 'event'): Record<string, unknown> {
  const schema = SCHEMAS[name];
  if (!schema) throw new TypeError(`toJSONSchema: unknown schema ${JSON.stringify(name)}`);
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<string, unknown>;
  addFormats(json);
  return { $id: `https://cdn.jsdelivr.net/npm/democracy-timeline@0/data/schema/${name}.schema.json`, title: name[0]!.toUpperCase() + name.slice(1), ...json };
}
