import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, EventSchema, toCSV, toNDJSON, toTimelineJS, toVisTimeline, type Event } from '../../src/index.js';
import { toJSONSchema } from '../../src/json-schema.js';
import { event as arbitraryEvent } from '../helpers/arbitraries.js';
import { makeEvent } from '../helpers/events.js';

const tricky = makeEvent({
  title: 'Says "no", then <script>alert(1)</script> & leaves',
  summary: 'Line one, with a comma.\n\nLine "two"\r\nwith CRLF and é.',
  actors: ['O\'Brien, "Jr."'],
  sources: [
    { title: 'A, "quoted" title', url: 'https://example.org/a?x=1,2', publisher: 'P', date: '2024-05', tier: 1 },
    { title: 'A book' },
  ],
  status: 'confirmed',
  location: 'Washington, D.C.',
});

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
        expect(rows.map((r) => [r.id, r.date, r.title, r.summary, Number(r.importance)])).toEqual(all.map((e) => [e.id, e.date, e.title, e.summary, e.importance]));
        const tags = parse(toCSV(all, { table: 'event_tags' }), { columns: true }) as Record<string, string>[];
        expect(tags).toEqual(all.flatMap((e) => e.tags.map((tag) => ({ event_id: e.id, tag }))));
        const actors = parse(toCSV(all, { table: 'event_actors' }), { columns: true }) as Record<string, string>[];
        expect(actors.map((r) => [r.event_id, r.actor])).toEqual(all.flatMap((e) => e.actors.map((a) => [e.id, a])));
        const sources = parse(toCSV(all, { table: 'event_sources' }), { columns: true }) as Record<string, string>[];
        expect(sources.map((r) => [r.event_id, Number(r.position), r.title, r.url || undefined])).toEqual(
          all.flatMap((e) => e.sources.map((s, i) => [e.id, i + 1, s.title, s.url])),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('starts the events table with id,date', () => {
    expect(toCSV([tricky]).startsWith('id,date,')).toBe(true);
  });
});

describe('toNDJSON', () => {
  it('writes one JSON document a line', () => {
    const text = toNDJSON([tricky, makeEvent()]);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n').map((l) => JSON.parse(l) as Event)).toEqual([tricky, makeEvent()]);
  });
});

describe('toTimelineJS', () => {
  it('writes TimelineJS3 slides with escaped text and source links', () => {
    const [slide] = toTimelineJS([tricky]).events;
    expect(slide!.start_date).toEqual({ year: 2025, month: 11, day: 6 });
    expect(slide!.unique_id).toBe(tricky.id);
    expect(slide!.group).toBe('foreign-policy');
    expect(slide!.text.headline).toBe('Says &quot;no&quot;, then &lt;script&gt;alert(1)&lt;/script&gt; &amp; leaves');
    expect(slide!.text.text).toContain('<p>Line one, with a comma.</p>');
    expect(slide!.text.text).toContain('<a href="https://example.org/a?x=1,2">A, &quot;quoted&quot; title</a>');
    expect(slide!.text.text).not.toContain('<script>');
  });
});

describe('toVisTimeline', () => {
  it('writes vis-timeline items with escaped content and importance classes', () => {
    const [item] = toVisTimeline([tricky], { group: (e) => e.tags[0] });
    expect(item).toEqual({
      id: tricky.id,
      content: 'Says &quot;no&quot;, then &lt;script&gt;alert(1)&lt;/script&gt; &amp; leaves',
      start: '2025-11-06',
      className: 'importance-5',
      title: tricky.title,
      group: 'foreign-policy',
    });
  });
});

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
