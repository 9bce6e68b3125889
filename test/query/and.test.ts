import { describe, expect, it } from 'vitest';
import { and, hasTags, inDateRange, involves, matchesText, maxImportance, minImportance, not, or, createActorRegistry, type Event } from '../../src/index.js';
import { makeEvent } from '../helpers/events.js';

const on = (date: string, over: Partial<Event> = {}) => makeEvent({ id: `${date}--x`, date, ...over });
const a = on('2024-01-15', { tags: ['courts', 'courts'], actors: ['Elon Musk (DOGE)'], importance: 4, title: 'Naïve ruling' });
const b = on('2024-02-01', { tags: ['media'], actors: ['Elon Musk'], importance: 8 });
const all = [a, b];

describe('and, or, not', () => {
  it('combine predicates', () => {
    expect(all.filter(and(hasTags('courts'), minImportance(5)))).toEqual([]);
    expect(all.filter(or(hasTags('courts'), minImportance(5)))).toEqual(all);
    expect(all.filter(not(hasTags('courts')))).toEqual([b]);
  });
});
