import { describe, expect, it } from 'vitest';
import { and, hasTags, inDateRange, involves, matchesText, maxImportance, minImportance, not, or, createActorRegistry, type Event } from '../../src/index.js';
import { a, all, b, on } from '../helpers/predicateEvents.js';


describe('and, or, not', () => {
  it('combine predicates', () => {
    expect(all.filter(and(hasTags('courts'), minImportance(5)))).toEqual([]);
    expect(all.filter(or(hasTags('courts'), minImportance(5)))).toEqual(all);
    expect(all.filter(not(hasTags('courts')))).toEqual([b]);
  });
});
