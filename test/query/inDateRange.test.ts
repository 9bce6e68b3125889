import { describe, expect, it } from 'vitest';
import { and, hasTags, inDateRange, involves, matchesText, maxImportance, minImportance, not, or, createActorRegistry, type Event } from '../../src/index.js';
import { a, all, b, on } from '../helpers/predicateEvents.js';


describe('inDateRange', () => {
  it('includes both ends at every precision', () => {
    expect(all.filter(inDateRange('2024-01-15', '2024-01-15'))).toEqual([a]);
    expect(all.filter(inDateRange('2024-02'))).toEqual([b]);
    expect(all.filter(inDateRange(undefined, '2024-01'))).toEqual([a]);
    expect(all.filter(inDateRange('2024', '2024'))).toEqual(all);
  });
  it('matches an imprecise or spanning date by overlap, or within, as a naive reference does', () => {
    const dates = ['2025-03', '1142~', '2025-03/2025-06', '2025-03/..', '2024', '2025-02-28', '2025-07-01', '2025-06?'];
    const events = dates.map((date, i) => ({ ...a, id: `e${i}`, date }));
    // The days each date covers, written out by hand.
    const days: Record<string, [string, string]> = {
      '2025-03': ['2025-03-01', '2025-03-31'],
      '1142~': ['1142-01-01', '1142-12-31'],
      '2025-03/2025-06': ['2025-03-01', '2025-06-30'],
      '2025-03/..': ['2025-03-01', '9999-12-31'],
      '2024': ['2024-01-01', '2024-12-31'],
      '2025-02-28': ['2025-02-28', '2025-02-28'],
      '2025-07-01': ['2025-07-01', '2025-07-01'],
      '2025-06?': ['2025-06-01', '2025-06-30'],
    };
    for (const [from, to, lo, hi] of [
      ['2025-04', '2025-05', '2025-04-01', '2025-05-31'],
      ['1100', '1200', '1100-01-01', '1200-12-31'],
      ['2025-03-31', '2025-03-31', '2025-03-31', '2025-03-31'],
      ['2025-07', '2030', '2025-07-01', '2030-12-31'],
    ] as const) {
      const overlap = events.filter((e) => days[e.date]![0] <= hi && days[e.date]![1] >= lo).map((e) => e.date);
      const inside = events.filter((e) => days[e.date]![0] >= lo && days[e.date]![1] <= hi).map((e) => e.date);
      expect(events.filter(inDateRange(from, to)).map((e) => e.date), `${from}..${to}`).toEqual(overlap);
      expect(events.filter(inDateRange(from, to, true)).map((e) => e.date), `${from}..${to} within`).toEqual(inside);
    }
  });

  it('refuses a malformed bound', () => {
    expect(() => inDateRange('2024/01')).toThrow(TypeError);
    // Shapes that look right but are not real dates, and EDTF forms: a bound is a plain date.
    for (const bad of ['2025-13', '2025-00', '2025-02-29', '2025-04-31', '2025-01-32', '2025~', '2025-03/2025-04', '25', ' 2025']) {
      expect(() => inDateRange(bad), bad).toThrow(`from: expected a real date written YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(bad)}`);
    }
    // Real ones, leap days and early years included.
    for (const good of ['2024-02-29', '2000-02-29', '0044-03-15', '0004-02-29', '1900-02-28', '2025-12-31']) expect(() => inDateRange(undefined, good), good).not.toThrow();
    expect(() => inDateRange(undefined, '1900-02-29')).toThrow(TypeError);
  });
});
