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
  it('refuses a malformed bound', () => {
    expect(() => inDateRange('2024/01')).toThrow(TypeError);
  });
});
