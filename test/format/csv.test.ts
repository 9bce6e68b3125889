import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, EventSchema, toCSV, toNDJSON, toTimelineJS, toVisTimeline, type Event } from '../../src/index.js';
import { csvField, neutralizeFormula } from '../../src/format/csv.js';
import { toJSONSchema } from '../../src/json-schema.js';
import { event as arbitraryEvent } from '../helpers/arbitraries.js';
import { makeEvent, trickyEvent } from '../helpers/events.js';

const tricky = trickyEvent;

describe('csvField', () => {
  it('quotes fields with commas, quotes and line breaks, and only those', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0)).toBe('0');
  });
});

describe('toCSV', () => {
  it('writes four tidy tables that a real CSV parser reads back exactly', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 8 }), (events) => {
        const all = [...events, tricky];
        const rows = parse(toCSV(all), { columns: true, relax_column_count: false }) as Record<string, string>[];
        expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS.events]);
        // An empty importance cell is an event not rated; an empty title cell, a bare link.
        expect(rows.map((r) => [r.id, r.date, r.title, r.summary, r.importance === '' ? null : Number(r.importance)])).toEqual(all.map((e) => [e.id, e.date, neutralizeFormula(e.title), neutralizeFormula(e.summary), e.importance]));
        const tags = parse(toCSV(all, { table: 'event_tags' }), { columns: true }) as Record<string, string>[];
        expect(tags).toEqual(all.flatMap((e) => e.tags.map((tag) => ({ event_id: e.id, tag }))));
        const actors = parse(toCSV(all, { table: 'event_actors' }), { columns: true }) as Record<string, string>[];
        expect(actors.map((r) => [r.event_id, r.actor])).toEqual(all.flatMap((e) => e.actors.map((a) => [e.id, neutralizeFormula(a)])));
        const sources = parse(toCSV(all, { table: 'event_sources' }), { columns: true }) as Record<string, string>[];
        expect(sources.map((r) => [r.event_id, Number(r.position), r.title || undefined, r.url || undefined])).toEqual(
          all.flatMap((e) => e.sources.map((s, i) => [e.id, i + 1, s.title && neutralizeFormula(s.title), s.url])),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('starts the events table with id,date', () => {
    expect(toCSV([tricky]).startsWith('id,date,')).toBe(true);
  });
});

describe('neutralizeFormula', () => {
  it('makes text a spreadsheet would run as a formula plain text, and leaves numbers alone', () => {
    for (const formula of ['=1+1', '+cmd|/C calc!A0', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")']) {
      expect(neutralizeFormula(formula)).toBe(`'${formula}`);
    }
    for (const plain of ['-12', '-12.5', '+3', '1e5', 'plain', 'a=b', '']) expect(neutralizeFormula(plain)).toBe(plain);
    expect(csvField(-5)).toBe('-5');
    expect(toCSV([{ ...tricky, title: '=IMPORTXML("http://x")' }]).split('\n')[1]).toContain(`"'=IMPORTXML(""http://x"")"`);
  });
});
