import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateEnd, dateSortKey, dateStart, formatDate, OPEN_END, parseDate } from '../../src/model/edtf.js';

const year = fc.integer({ min: 1000, max: 2100 }).map(String);
const part = fc.tuple(year, fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }), fc.constantFrom('', '?', '~', '%')).map(
  ([y, m, d, q]) => `${y}${m === undefined ? '' : `-${String(m).padStart(2, '0')}${d === undefined ? '' : `-${String(d).padStart(2, '0')}`}`}${q}`,
);
const notation = fc.oneof(
  part,
  fc.tuple(part, part).map(([a, b]) => {
    const [x, y] = [parseDate(a)!, parseDate(b)!];
    return x.start <= y.end ? `${a}/${b}` : `${b}/${a}`;
  }),
  part.map((a) => `${a}/..`),
);

describe('parseDate and formatDate', () => {
  it('round-trips every notation, with the earliest day at or before the latest', () => {
    fc.assert(
      fc.property(notation, (text) => {
        const span = parseDate(text);
        expect(span, text).toBeDefined();
        expect(formatDate(span!)).toBe(text);
        expect(span!.start <= span!.end).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the days a year, a month and a day cover, and the qualifiers', () => {
    expect(parseDate('2024-02')).toMatchObject({ start: '2024-02-01', end: '2024-02-29', precision: 'month', approximate: false });
    expect(parseDate('1900-02')!.end).toBe('1900-02-28');
    expect(parseDate('1142~')).toMatchObject({ start: '1142-01-01', end: '1142-12-31', precision: 'year', approximate: true, uncertain: false });
    expect(parseDate('2025-03?')).toMatchObject({ uncertain: true, approximate: false });
    expect(parseDate('2025%')).toMatchObject({ uncertain: true, approximate: true });
    expect(parseDate('2025-03/2025-06')).toMatchObject({ start: '2025-03-01', end: '2025-06-30', range: true });
    expect(parseDate('2025-03/..')).toMatchObject({ start: '2025-03-01', end: OPEN_END, range: true });
    expect(parseDate('2025-11-06')).toMatchObject({ start: '2025-11-06', end: '2025-11-06', precision: 'day', range: false });
  });

  it('refuses what is not a real date of the subset', () => {
    for (const bad of ['2025-13', '2025-02-30', '2023-02-29', '25', '2025-3', '2025/2024', '../2025', '2025-06/2025-03', 'circa 1976', '2025~~', '', '2025-03-01T10:00']) expect(parseDate(bad), bad).toBeUndefined();
  });

  it('sorts by the earliest day, a less precise date first, and totally', () => {
    const dates = ['2025-03-02', '2025-03-01', '2025-03', '2025', '2024-12-31', '2025-03/2025-06', '2025-03-01/2025-03-05'];
    expect([...dates].sort((a, b) => (dateSortKey(a) < dateSortKey(b) ? -1 : dateSortKey(a) > dateSortKey(b) ? 1 : 0))).toEqual([
      '2024-12-31',
      '2025',
      '2025-03',
      '2025-03/2025-06',
      '2025-03-01',
      '2025-03-01/2025-03-05',
      '2025-03-02',
    ]);
  });
});

describe('dateStart, dateEnd and dateSortKey', () => {
  it('read a valid date by its shape exactly as parseDate reads it', () => {
    fc.assert(
      fc.property(notation, (text) => {
        const span = parseDate(text)!;
        expect([dateStart(text), dateEnd(text)]).toEqual([span.start, span.end]);
        expect(dateSortKey(text)).toBe(`${span.start}${span.precision === 'year' ? 0 : span.precision === 'month' ? 1 : 2}`);
      }),
      { numRuns: 3000 },
    );
  });
});
