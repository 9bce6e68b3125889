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
