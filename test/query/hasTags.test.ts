import { describe, expect, it } from 'vitest';
import { and, hasTags, inDateRange, involves, matchesText, maxImportance, minImportance, not, or, createActorRegistry, type Event } from '../../src/index.js';
import { makeEvent } from '../helpers/events.js';

const on = (date: string, over: Partial<Event> = {}) => makeEvent({ id: `${date}--x`, date, ...over });
const a = on('2024-01-15', { tags: ['courts', 'courts'], actors: ['Elon Musk (DOGE)'], importance: 4, title: 'Naïve ruling' });
const b = on('2024-02-01', { tags: ['media'], actors: ['Elon Musk'], importance: 8 });
const all = [a, b];

describe('hasTags', () => {
  it('matches any, all and none, and copes with a repeated tag', () => {
    expect(all.filter(hasTags('courts'))).toEqual([a]);
    expect(all.filter(hasTags(['courts', 'media']))).toEqual(all);
    expect(all.filter(hasTags({ all: ['courts', 'media'] }))).toEqual([]);
    expect(all.filter(hasTags({ none: ['courts'] }))).toEqual([b]);
  });
});
