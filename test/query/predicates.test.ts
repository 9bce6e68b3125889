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

describe('hasTags', () => {
  it('matches any, all and none, and copes with a repeated tag', () => {
    expect(all.filter(hasTags('courts'))).toEqual([a]);
    expect(all.filter(hasTags(['courts', 'media']))).toEqual(all);
    expect(all.filter(hasTags({ all: ['courts', 'media'] }))).toEqual([]);
    expect(all.filter(hasTags({ none: ['courts'] }))).toEqual([b]);
  });
});

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

describe('minImportance and maxImportance', () => {
  it('are inclusive', () => {
    expect(all.filter(minImportance(8))).toEqual([b]);
    expect(all.filter(maxImportance(4))).toEqual([a]);
  });
});

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

describe('and, or, not', () => {
  it('combine predicates', () => {
    expect(all.filter(and(hasTags('courts'), minImportance(5)))).toEqual([]);
    expect(all.filter(or(hasTags('courts'), minImportance(5)))).toEqual(all);
    expect(all.filter(not(hasTags('courts')))).toEqual([b]);
  });
});
