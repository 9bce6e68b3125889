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

describe('toNDJSON', () => {
  it('writes one JSON document a line', () => {
    const text = toNDJSON([tricky, makeEvent()]);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n').map((l) => JSON.parse(l) as Event)).toEqual([tricky, makeEvent()]);
  });
});
