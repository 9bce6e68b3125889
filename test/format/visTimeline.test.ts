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
