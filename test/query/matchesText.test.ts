import { describe, expect, it } from 'vitest';
import { and, hasTags, inDateRange, involves, matchesText, maxImportance, minImportance, not, or, createActorRegistry, type Event } from '../../src/index.js';
import { makeEvent } from '../helpers/events.js';

const on = (date: string, over: Partial<Event> = {}) => makeEvent({ id: `${date}--x`, date, ...over });
const a = on('2024-01-15', { tags: ['courts', 'courts'], actors: ['Elon Musk (DOGE)'], importance: 4, title: 'Naïve ruling' });
const b = on('2024-02-01', { tags: ['media'], actors: ['Elon Musk'], importance: 8 });
const all = [a, b];

describe('matchesText', () => {
  it('ignores case and accents and needs every word', () => {
    expect(all.filter(matchesText('NAIVE rul'))).toEqual([a]);
    expect(all.filter(matchesText('naïve media'))).toEqual([]);
    expect(all.filter(matchesText('   '))).toEqual(all);
  });
  it('finds words in tags and actors', () => {
    expect(all.filter(matchesText('doge'))).toEqual([a]);
  });
});
