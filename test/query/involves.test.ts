import { describe, expect, it } from 'vitest';
import { and, hasTags, inDateRange, involves, matchesText, maxImportance, minImportance, not, or, createActorRegistry, type Event } from '../../src/index.js';
import { a, all, b, on } from '../helpers/predicateEvents.js';


describe('involves', () => {
  it('matches names exactly without a registry', () => {
    expect(all.filter(involves('Elon Musk'))).toEqual([b]);
  });
  it('matches every spelling with a registry, but not two people sharing a surname', () => {
    const registry = createActorRegistry([
      { id: 'elon-musk', name: 'Elon Musk', aliases: ['Elon Musk (DOGE)'], kind: 'person' },
      { id: 'kimbal-musk', name: 'Kimbal Musk', aliases: [], kind: 'person' },
    ]);
    expect(all.filter(involves('elon musk', { registry }))).toEqual(all);
    expect(all.filter(involves('Kimbal Musk', { registry }))).toEqual([]);
  });
});
