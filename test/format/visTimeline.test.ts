import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, EventSchema, toCSV, toNDJSON, toTimelineJS, toVisTimeline, toVisTimelineView, type Event } from '../../src/index.js';
import { csvField } from '../../src/format/csv.js';
import { toJSONSchema } from '../../src/json-schema.js';
import { event as arbitraryEvent } from '../helpers/arbitraries.js';
import { makeEvent, trickyEvent } from '../helpers/events.js';

const tricky = trickyEvent;

describe('toVisTimeline', () => {
  it('draws a range as a range, and marks a date not known to the day', () => {
    const items = toVisTimeline(['2025-03/2025-06', '1142~', '2025-03?', '2025-03/..'].map((date, i) => makeEvent({ id: `x-${i}`, date, importance: 5 })));
    expect(items.map((i) => [i.start, i.end, i.type, i.className])).toEqual([
      ['2025-03-01', '2025-06-30', 'range', 'importance-5 date-month'],
      ['1142-01-01', undefined, undefined, 'importance-5 date-year approximate'],
      ['2025-03-01', undefined, undefined, 'importance-5 date-month uncertain'],
      ['2025-03-01', undefined, undefined, 'importance-5 date-month'],
    ]);
  });

  it('writes vis-timeline items with escaped content and importance classes', () => {
    const [item] = toVisTimeline([tricky], { group: (e) => e.tags[0] });
    expect(item).toEqual({
      id: tricky.id,
      content: 'Says &quot;no&quot;, then &lt;script&gt;alert(1)&lt;/script&gt; &amp; leaves',
      start: '2025-11-06',
      className: 'importance-5',
      // vis-timeline renders the hover title as HTML too.
      title: 'Says &quot;no&quot;, then &lt;script&gt;alert(1)&lt;/script&gt; &amp; leaves',
      group: 'foreign-policy',
    });
  });
});

describe('toVisTimelineView', () => {
  it('opens on the densest recent run of events, and lists the bands largest first, other last', () => {
    // Made-up events: one a month for ten years, and 40 in one week of the last year.
    const monthly = Array.from({ length: 120 }, (_, i) => makeEvent({ id: `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01--m${i}`, date: `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`, tags: [i % 3 ? 'common' : 'rare'] }));
    const burst = Array.from({ length: 40 }, (_, i) => makeEvent({ id: `2019-06-${String(10 + (i % 7)).padStart(2, '0')}--b${i}`, date: `2019-06-${String(10 + (i % 7)).padStart(2, '0')}`, tags: ['burst'] }));
    const view = toVisTimelineView([...monthly, ...burst], { group: (e) => e.tags[0], maxGroups: 3 });
    expect(view.window).toEqual({ start: '2019-06-03', end: '2019-06-23' });
    expect(view.groups!.map((g) => g.id)).toEqual(['common', 'burst', 'rare']);
    expect(toVisTimelineView([...monthly, ...burst], { group: (e) => e.tags[0], maxGroups: 2 }).groups!.map((g) => g.id)).toEqual(['common', 'other']);
    expect(view.items).toHaveLength(160);
    expect(toVisTimelineView([]).window).toBeUndefined();
  });
});
