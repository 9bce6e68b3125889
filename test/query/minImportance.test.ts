import { describe, expect, it } from 'vitest';
import { and, hasTags, inDateRange, involves, matchesText, maxImportance, minImportance, not, or, createActorRegistry, type Event } from '../../src/index.js';
import { a, all, b, on } from '../helpers/predicateEvents.js';


describe('minImportance and maxImportance', () => {
  it('are inclusive', () => {
    expect(all.filter(minImportance(8))).toEqual([b]);
    expect(all.filter(maxImportance(4))).toEqual([a]);
  });
});
