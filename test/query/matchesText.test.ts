import { describe, expect, it } from 'vitest';
import { and, hasTags, inDateRange, involves, matchesText, maxImportance, minImportance, not, or, createActorRegistry, type Event } from '../../src/index.js';
import { a, all, b, on } from '../helpers/predicateEvents.js';


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
