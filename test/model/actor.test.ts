import { describe, expect, it } from 'vitest';
import { ActorSchema, createActorRegistry, createTimeline, filterEvents, parseActors, toCSV } from '../../src/index.js';
import { makeEvent } from '../helpers/events.js';

describe('actor cross-reference ids', () => {
  it('takes a Wikidata item and other schemes, and refuses what is not one', () => {
    const ok = (ids: unknown) => ActorSchema.safeParse({ id: 'x', name: 'X', aliases: [], ids }).success;
    expect(ok({ wikidata: 'Q22686' })).toBe(true);
    expect(ok({ wikidata: 'Q22686', opensecrets: 'N00023864', bioguide: 'T000000' })).toBe(true);
    expect(ok({ wikidata: 'Q0' })).toBe(false);
    expect(ok({ wikidata: '22686' })).toBe(false);
    expect(ok({ OpenSecrets: 'N1' })).toBe(false);
    expect(ok({ opensecrets: '' })).toBe(false);
  });

  it('suggests a merge when two registry entries share an id, and keeps the registry', () => {
    const { actors, issues } = parseActors(
      '- { id: donald-trump, name: Donald Trump, aliases: [], ids: { wikidata: Q22686 } }\n- { id: trump, name: D. J. Trump, aliases: [], ids: { wikidata: Q22686 } }\n',
      'actors.yaml',
    );
    expect(actors).toHaveLength(2);
    expect(issues.map((i) => [i.severity, i.code, i.line])).toEqual([['warning', 'actors/shared-reference', 2]]);
    expect(issues[0]!.message).toContain('trump and donald-trump (entry 0) share wikidata Q22686');
  });

  const registry = createActorRegistry([
    { id: 'donald-trump', name: 'Donald Trump', aliases: ['Trump'], ids: { wikidata: 'Q22686' } },
    { id: 'marco-rubio', name: 'Marco Rubio', aliases: [] },
  ]);
  const events = [
    makeEvent({ id: '2025-01-01--a', date: '2025-01-01', actors: ['Trump'] }),
    makeEvent({ id: '2025-01-02--b', date: '2025-01-02', actors: ['Marco Rubio'] }),
    makeEvent({ id: '2025-01-03--c', date: '2025-01-03', actors: ['Donald Trump', 'Marco Rubio'] }),
  ];

  it('finds events by the Wikidata id of an actor through the registry, as filterEvents does', () => {
    const timeline = createTimeline(events, { registry });
    const q = { actors: { wikidata: 'Q22686' } };
    expect(timeline.query(q).map((e) => e.id)).toEqual(['2025-01-01--a', '2025-01-03--c']);
    expect(filterEvents(events, q, { registry })).toEqual(timeline.query(q));
    expect(timeline.query({ actors: { wikidata: 'Q76' } })).toEqual([]);
    expect(() => createTimeline(events).query(q)).toThrow('actors.wikidata: needs the actor registry (the registry option)');
    expect(() => timeline.query({ actors: { wikidata: 'Trump' } })).toThrow('wikidata: expected Q and digits, got "Trump"');
    expect(registry.find({ wikidata: 'Q22686' })?.id).toBe(registry.resolve('Donald Trump')?.id);
  });

  it('carries the Wikidata id into the actors table', () => {
    expect(toCSV(events.slice(0, 2), { table: 'event_actors', registry }).split('\n').slice(0, 3)).toEqual([
      'event_id,actor,actor_id,actor_wikidata',
      '2025-01-01--a,Trump,donald-trump,Q22686',
      '2025-01-02--b,Marco Rubio,marco-rubio,',
    ]);
  });
});
