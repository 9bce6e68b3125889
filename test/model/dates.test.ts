import { describe, expect, it } from 'vitest';
import { isIsoDay, isIsoPartialDate } from '../../src/model/dates.js';

describe('isIsoDay', () => {
  it('accepts real days of every year from 0001, leap days by the Gregorian rule', () => {
    for (const day of ['0044-03-15', '0001-01-01', '0099-12-31', '1600-02-29', '2024-02-29', '9999-12-31']) expect(isIsoDay(day), day).toBe(true);
    for (const day of ['2025-02-30', '1900-02-29', '2023-02-29', '2025-13-01', '2025-00-10', '25-01-01', '2025-1-1']) expect(isIsoDay(day), day).toBe(false);
  });

  it('agrees with isIsoPartialDate on full days', () => {
    expect(isIsoPartialDate('0044-03-15')).toBe(true);
    expect(isIsoPartialDate('0044-03')).toBe(true);
  });
});
