import { describe, expect, it } from 'vitest';
import { and, hasTags, inDateRange, involves, matchesText, maxImportance, minImportance, not, or, createActorRegistry, type Event } from '../../src/index.js';
import { a, all, b, on } from '../helpers/predicateEvents.js';


describe('hasTags', () => {
  it('matches any, all and none, and copes with a repeated tag', () => {
    expect(all.filter(hasTags('courts'))).toEqual([a]);
    expect(all.filter(hasTags(['courts', 'media']))).toEqual(all);
    expect(all.filter(hasTags({ all: ['courts', 'media'] }))).toEqual([]);
    expect(all.filter(hasTags({ none: ['courts'] }))).toEqual([b]);
  });
});
