import { describe, expect, it } from 'vitest';
import { actorNetwork, countEvents, createActorRegistry, groupEvents, type Event } from '../../src/index.js';
import { makeEvent } from '../helpers/events.js';

const on = (date: string, over: Partial<Event> = {}) => makeEvent({ id: `${date}--x`, date, ...over });
const events = [
  on('2023-11-20', { tags: ['a', 'b'], actors: ['Trump', 'Rubio'], importance: 3 }),
  on('2024-02-03', { tags: ['b'], actors: ['Donald Trump', 'Rubio', 'Thiel'], importance: 9 }),
  on('2024-02-28', { tags: ['b'], actors: ['Donald Trump'], importance: 9 }),
];

describe('countEvents', () => {
  it('zero-fills months between the first and last event', () => {
    expect(countEvents(events, 'month')).toEqual([
      { key: '2023-11', count: 1 },
      { key: '2023-12', count: 0 },
      { key: '2024-01', count: 0 },
      { key: '2024-02', count: 2 },
    ]);
  });
  it('counts years, importance and multi-valued tags', () => {
    expect(countEvents(events, 'year')).toEqual([{ key: '2023', count: 1 }, { key: '2024', count: 2 }]);
    expect(countEvents(events, 'importance')).toEqual([{ key: 3, count: 1 }, { key: 9, count: 2 }]);
    expect(countEvents(events, 'tag')).toEqual([{ key: 'b', count: 3 }, { key: 'a', count: 1 }]);
  });
  it('merges spellings of one actor with a registry', () => {
    const registry = createActorRegistry([{ id: 'donald-trump', name: 'Donald Trump', aliases: ['Trump'], kind: 'person' }]);
    expect(countEvents(events, 'actor', { registry })[0]).toEqual({ key: 'Donald Trump', count: 3 });
    expect(countEvents(events, 'actor')[0]).toEqual({ key: 'Donald Trump', count: 2 });
  });
  it('returns no rows for no events', () => {
    expect(countEvents([], 'month')).toEqual([]);
  });
});

describe('groupEvents', () => {
  it('puts an event in the group of each of its tags', () => {
    const groups = groupEvents(events, 'tag');
    expect(groups.map((g) => [g.key, g.events.length])).toEqual([['b', 3], ['a', 1]]);
    expect(groups[1]!.events[0]).toBe(events[0]);
  });
});

describe('actorNetwork', () => {
  it('counts co-occurrences as tidy weighted edges', () => {
    const network = actorNetwork(events);
    expect(network.nodes).toEqual([
      { id: 'Donald Trump', count: 2 },
      { id: 'Rubio', count: 2 },
      { id: 'Thiel', count: 1 },
      { id: 'Trump', count: 1 },
    ]);
    expect(network.edges).toEqual([
      { source: 'Donald Trump', target: 'Rubio', weight: 1 },
      { source: 'Donald Trump', target: 'Thiel', weight: 1 },
      { source: 'Rubio', target: 'Thiel', weight: 1 },
      { source: 'Rubio', target: 'Trump', weight: 1 },
    ]);
  });
  it('drops rare actors and merges spellings with a registry', () => {
    const registry = createActorRegistry([{ id: 'donald-trump', name: 'Donald Trump', aliases: ['Trump'], kind: 'person' }]);
    expect(actorNetwork(events, { registry, minEvents: 2 })).toEqual({
      nodes: [{ id: 'Donald Trump', count: 3 }, { id: 'Rubio', count: 2 }],
      edges: [{ source: 'Donald Trump', target: 'Rubio', weight: 2 }],
    });
  });
});

describe('createActorRegistry', () => {
  it('refuses two entries that claim one spelling', () => {
    expect(() =>
      createActorRegistry([
        { id: 'a', name: 'A', aliases: ['Smith'], kind: 'person' },
        { id: 'b', name: 'B', aliases: ['smith'], kind: 'person' },
      ]),
    ).toThrow(/"smith" names both a and b/);
  });
});

describe('counting dates known less precisely than a day', () => {
  const on = (id: string, date: string) => makeEvent({ id, date });
  const events = [on('2025-01-10--a', '2025-01-10'), on('2025-02-01--b', '2025-02/2025-04'), on('2025-01-01--c', '2025~'), on('2025-03-01--d', '2025-03/..')];
  it('counts an imprecise event in its first period, or spreads a range over every period it covers', () => {
    expect(countEvents(events, 'month')).toEqual([
      { key: '2025-01', count: 2 },
      { key: '2025-02', count: 1 },
      { key: '2025-03', count: 1 },
    ]);
    expect(countEvents(events, 'month', { ranges: 'spread' })).toEqual([
      { key: '2025-01', count: 2 },
      { key: '2025-02', count: 2 },
      { key: '2025-03', count: 3 },
    ]);
    expect(countEvents(events, 'year', { ranges: 'spread' })).toEqual([{ key: '2025', count: 4 }]);
    expect(() => countEvents(events, 'month', { ranges: 'all' as 'spread' })).toThrow(TypeError);
  });
});
