import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, EventSchema, toCSV, toNDJSON, toTimelineJS, toVisTimeline, type Event } from '../../src/index.js';
import { csvField } from '../../src/format/csv.js';
import { toJSONSchema } from '../../src/json-schema.js';
import { event as arbitraryEvent } from '../helpers/arbitraries.js';
import { makeEvent, trickyEvent } from '../helpers/events.js';

const tricky = trickyEvent;

describe('toJSONSchema', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('uri', true).addFormat('date', true);
  const validate = ajv.compile(toJSONSchema('event'));

  it('accepts what EventSchema accepts', () => {
    fc.assert(fc.property(arbitraryEvent, (e) => validate(e)), { numRuns: 300 });
    expect(validate(tricky)).toBe(true);
  });

  it('refuses what the schema can express: missing fields, bad patterns, extra keys', () => {
    for (const bad of [{ ...tricky, importance: 11 }, { ...tricky, tags: [] }, { ...tricky, date: '2025-11' }, { ...tricky, outlet: 'x' }, { ...tricky, sources: [{ title: 't', url: 'javascript:x' }] }]) {
      expect(EventSchema.safeParse(bad).success).toBe(false);
      expect(validate(bad), JSON.stringify(bad).slice(0, 80)).toBe(false);
    }
  });

  it('describes every field', () => {
    const schema = toJSONSchema('event') as { properties: Record<string, { description?: string }> };
    for (const [name, field] of Object.entries(schema.properties)) expect(field.description, name).toBeTruthy();
  });
});
