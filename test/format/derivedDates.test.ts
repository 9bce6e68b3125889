import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventSchema, LenientEventSchema, parseDate, withDerivedDates, withoutDerivedDates, DERIVED_DATE_KEYS, type Event } from '../../src/index.js';
import { toJSONSchema } from '../../src/json-schema.js';
import { event as arbitraryEvent } from '../helpers/arbitraries.js';
import { makeEvent } from '../helpers/events.js';

const FORMS: [string, string][] = [
  ['2025-11-06', '2025-11-06--x'],
  ['2025-11', '2025-11-01--x'],
  ['1142~', '1142-01-01--x'],
  ['2024-02?', '2024-02-01--x'],
  ['2025-03/2025-06', '2025-03-01--x'],
  ['2025-03-14%/..', '2025-03-14--x'],
];

describe('withDerivedDates', () => {
  it("spells out every form of date right after it, as parseDate reads it, leaving the event as it was", () => {
    for (const [date, id] of FORMS) {
      const event = makeEvent({ id, date });
      const before = structuredClone(event);
      const out = withDerivedDates(event);
      const span = parseDate(date)!;
      expect(out, date).toMatchObject({ dateStart: span.start, dateEnd: span.end, datePrecision: span.precision, dateApproximate: span.approximate });
      const keys = Object.keys(out);
      expect(keys.slice(keys.indexOf('date') + 1, keys.indexOf('date') + 5)).toEqual([...DERIVED_DATE_KEYS]);
      expect(event).toEqual(before);
    }
    expect(withDerivedDates(makeEvent({ id: '2024-02-01--x', date: '2024-02' })).dateEnd).toBe('2024-02-29');
  });

  it('gives what the model takes, and withoutDerivedDates gives the event back, for any event', () => {
    fc.assert(
      fc.property(arbitraryEvent, (e) => {
        const dated = JSON.parse(JSON.stringify(withDerivedDates(e as Event)));
        expect(EventSchema.safeParse(dated).success).toBe(true);
        expect(withoutDerivedDates(EventSchema.parse(dated))).toEqual(EventSchema.parse(e));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses an event it cannot read the date of, naming it', () => {
    expect(() => withDerivedDates(makeEvent({ date: 'soon' }))).toThrow('withDerivedDates: "2025-11-06--kazakhstan-abraham-accords-announcement" has no valid date ("soon")');
  });
});

describe('the model', () => {
  it('refuses a derived key that disagrees with date, naming the key and the value date gives', () => {
    const item = withDerivedDates(makeEvent({ id: '2025-11-01--x', date: '2025-11' }));
    for (const schema of [EventSchema, LenientEventSchema]) {
      const wrong = schema.safeParse({ ...item, dateEnd: '2025-11-29', dateApproximate: true });
      expect(wrong.success).toBe(false);
      expect(wrong.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        ['dateEnd', 'expected "2025-11-30", what date "2025-11" gives'],
        ['dateApproximate', 'expected false, what date "2025-11" gives'],
      ]);
    }
    // Each may be absent (an event file has none), and a wrong kind of value is refused.
    expect(EventSchema.safeParse({ ...item, dateStart: undefined }).success).toBe(true);
    expect(EventSchema.safeParse({ ...item, datePrecision: 'week' }).success).toBe(false);
  });
});

describe('events.json', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(toJSONSchema('event'));
  const built = JSON.parse(readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8')) as Record<string, unknown>[];

  it('carries the derived keys, and the JSON Schema (ajv strict, formats) takes them and every form of date with them', () => {
    expect(built.length).toBeGreaterThan(0);
    for (const item of built) {
      for (const key of DERIVED_DATE_KEYS) expect(item, key).toHaveProperty(key);
      expect(validate(item), JSON.stringify(validate.errors)).toBe(true);
    }
    for (const [date, id] of FORMS) expect(validate(withDerivedDates(makeEvent({ id, date }))), date).toBe(true);
    // An event file has none of them and is still valid; a wrong kind of value is refused.
    expect(validate(makeEvent())).toBe(true);
    for (const bad of [{ datePrecision: 'week' }, { dateStart: '2025-13-01' }, { dateApproximate: 'no' }]) expect(validate({ ...withDerivedDates(makeEvent()), ...bad }), JSON.stringify(bad)).toBe(false);
  });
});
