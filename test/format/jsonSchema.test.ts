import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActorSchema, CSV_COLUMNS, EventSchema, toCSV, toNDJSON, toTimelineJS, toVisTimeline, type Event } from '../../src/index.js';
import { csvField } from '../../src/format/csv.js';
import { toJSONSchema } from '../../src/json-schema.js';
import { event as arbitraryEvent } from '../helpers/arbitraries.js';
import { makeEvent, trickyEvent } from '../helpers/events.js';

const tricky = trickyEvent;

describe('toJSONSchema', () => {
  // The validator as users run it: ajv 2020, strict, with ajv-formats; no format switched off.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(toJSONSchema('event'));

  it('accepts what EventSchema accepts', () => {
    fc.assert(fc.property(arbitraryEvent, (e) => validate(e)), { numRuns: 300 });
    expect(validate(tricky)).toBe(true);
    const real = { ...tricky, importance: null, sources: [{ title: 'Bush (2001\u20132007)', url: 'https://en.wikipedia.org/wiki/Presidency_of_George_W._Bush_(2001\u20132007)' }, { url: 'https://example.org/caf\u00e9' }] };
    expect(EventSchema.safeParse(real).success).toBe(true);
    expect(validate(real), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses what the schema can express: missing fields, bad patterns, extra keys', () => {
    for (const bad of [{ ...tricky, importance: 11 }, { ...tricky, tags: ['Not Kebab'] }, { ...tricky, date: '2025-13' }, { ...tricky, date: '2025-02-30' }, { ...tricky, date: 'circa 2025' }, { ...tricky, date: '2025~~' }, { ...tricky, date: '../2025' }, { ...tricky, outlet: 'x' }, { ...tricky, sources: [{ title: 't', url: 'javascript:x' }] }, { ...tricky, sources: [{ publisher: 'P' }] }]) {
      expect(EventSchema.safeParse(bad).success).toBe(false);
      expect(validate(bad), JSON.stringify(bad).slice(0, 80)).toBe(false);
    }
  });

  it('takes an event with no tags, as the model does (lint warns)', () => {
    expect(EventSchema.safeParse({ ...tricky, tags: [] }).success).toBe(true);
    expect(validate({ ...tricky, tags: [] })).toBe(true);
  });

  it('takes every form of an event date the model takes', () => {
    for (const [date, id] of [
      ['2025-11', '2025-11-01--x'],
      ['1142~', '1142-01-01--x'],
      ['2025-03?', '2025-03-01--x'],
      ['2025-03/2025-06', '2025-03-01--x'],
      ['2025-03-14%/..', '2025-03-14--x'],
    ]) {
      const event = { ...tricky, id: id!, date: date! };
      expect(EventSchema.safeParse(event).success, date).toBe(true);
      expect(validate(event), date).toBe(true);
    }
  });

  it('agrees with ActorSchema on cross-reference ids', () => {
    const actor = ajv.compile(toJSONSchema('actor'));
    for (const ids of [{ wikidata: 'Q22686' }, { wikidata: 'Q1', opensecrets: 'N00023864' }, { wikidata: 'Q0' }, { wikidata: 'X1' }, { opensecrets: '' }, { OpenSecrets: 'N1' }, { 'open secrets': 'N1' }]) {
      const entry = { id: 'x', name: 'X', aliases: [], ids };
      expect(actor(entry), JSON.stringify(ids)).toBe(ActorSchema.safeParse(entry).success);
    }
  });

  it('describes every field', () => {
    const schema = toJSONSchema('event') as { properties: Record<string, { description?: string }> };
    for (const [name, field] of Object.entries(schema.properties)) expect(field.description, name).toBeTruthy();
  });
});
