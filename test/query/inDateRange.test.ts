import { describe, expect, it } from 'vitest';
import { and, hasTags, inDateRange, involves, matchesText, maxImportance, minImportance, not, or, createActorRegistry, type Event } from '../../src/index.js';
import { makeEvent } from '../helpers/events.js';

const on = (date: string, over: Partial<Event> = {}) => makeEvent({ id: `${date}--x`, date, ...over });
const a = on('2024-01-15', { tags: ['courts', 'courts'], actors: ['Elon Musk (DOGE)'], importance: 4, title: 'Naïve ruling' });
const b = on('2024-02-01', { tags: ['media'], actors: ['Elon Musk'], importance: 8 });
const all = [a, b];

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
