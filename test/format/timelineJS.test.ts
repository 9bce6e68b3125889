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

describe('toTimelineJS', () => {
  it('gives only the known parts of a date, a range its end, and says how each reads', () => {
    const slides = toTimelineJS(
      ['1142~', '2025-03', '2025-03/2025-06', '2025-03-14?', '2025-03/..', '2025-11-06'].map((date, i) => makeEvent({ id: `x-${i}`, date })),
    ).events;
    expect(slides.map((s) => [s.start_date, s.end_date])).toEqual([
      [{ year: 1142, display_date: 'c. 1142' }, undefined],
      [{ year: 2025, month: 3, display_date: 'March 2025' }, undefined],
      [{ year: 2025, month: 3, display_date: 'March 2025' }, { year: 2025, month: 6, display_date: 'June 2025' }],
      [{ year: 2025, month: 3, day: 14, display_date: '14 March 2025?' }, undefined],
      [{ year: 2025, month: 3, display_date: 'March 2025 onwards' }, undefined],
      [{ year: 2025, month: 11, day: 6 }, undefined],
    ]);
  });

  it('writes TimelineJS3 slides with escaped text and every source', () => {
    const [slide] = toTimelineJS([tricky]).events;
    expect(slide!.start_date).toEqual({ year: 2025, month: 11, day: 6 });
    expect(slide!.unique_id).toBe(tricky.id);
    // One band by default.
    expect(slide!.group).toBeUndefined();
    expect(slide!.text.headline).toBe('Says &quot;no&quot;, then &lt;script&gt;alert(1)&lt;/script&gt; &amp; leaves');
    expect(slide!.text.text).toContain('<p>Line one, with a comma.</p>');
    expect(slide!.text.text).toContain('<a href="https://example.org/a?x=1,2">A, &quot;quoted&quot; title</a> (P, 2024-05)');
    // A source with no URL stays, as its citation.
    expect(slide!.text.text).toContain('<li>A book</li>');
    expect(slide!.text.text).not.toContain('<script>');
  });

  it('renders the summary as Markdown, safely', () => {
    const [slide] = toTimelineJS([makeEvent({ summary: 'A **ruling**, see [the order](https://example.org/o).\n\n- one\n- two' })]).events;
    expect(slide!.text.text.startsWith('<p>A <strong>ruling</strong>, see <a href="https://example.org/o">the order</a>.</p><ul><li>one</li><li>two</li></ul>')).toBe(true);
  });

  it('keeps at most maxGroups bands, the least used sharing other', () => {
    const events = ['a', 'a', 'a', 'b', 'b', 'c', 'd'].map((tag, i) => makeEvent({ id: `2025-01-0${i + 1}--e`, tags: [tag] }));
    const groups = toTimelineJS(events, { group: (e) => e.tags[0], maxGroups: 3 }).events.map((s) => s.group);
    expect(groups).toEqual(['a', 'a', 'a', 'b', 'b', 'other', 'other']);
    expect(toTimelineJS(events, { group: (e) => e.tags[0] }).events.map((s) => s.group)).toEqual(['a', 'a', 'a', 'b', 'b', 'c', 'd']);
    expect(() => toTimelineJS(events, { group: (e) => e.tags[0], maxGroups: 0 })).toThrow(TypeError);
  });
});
