import { describe, expect, it } from 'vitest';
import { at, run, src } from '../../helpers/lint.js';
import { makeEvent } from '../../helpers/events.js';
import { createActorRegistry } from '../../../src/index.js';
import { fixEvent, lintEvents } from '../../../src/lint.js';

describe('actor-variant', () => {
  it('actor-variant: groups titles, parentheticals, slugs and a usual surname; keeps people who share a surname apart', () => {
    const entries = [
      ...Array.from({ length: 8 }, (_, i) => at(`2025-01-0${i + 1}`, `t${i}`, { actors: ['Donald Trump'] })),
      at('2025-02-01', 'a', { actors: ['President Donald Trump', 'Eric Trump'] }),
      at('2025-02-02', 'b', { actors: ['Trump', 'Elon Musk (DOGE)', 'peter-thiel'] }),
      at('2025-02-03', 'c', { actors: ['Elon Musk', 'Peter Thiel'] }),
    ];
    const groups = run(entries, 'lint/actor-variant').map((f) => f.group!.names);
    expect(groups).toContainEqual(['Donald Trump', 'President Donald Trump', 'Trump']);
    expect(groups).toContainEqual(['Elon Musk', 'Elon Musk (DOGE)']);
    expect(groups).toContainEqual(['Peter Thiel', 'peter-thiel']);
    expect(groups.flat()).not.toContain('Eric Trump');
  });

  it('actor-variant: never joins an acronym or a lone word to the name of a different body', () => {
    const entries = [
      at('2025-01-01', 'a', { actors: ['FBI'] }),
      at('2025-01-02', 'b', { actors: ['Friends of the FBI'] }),
      at('2025-01-03', 'c', { actors: ['Department of Justice'] }),
      at('2025-01-04', 'd', { actors: ['Justice'] }),
      at('2025-01-05', 'e', { actors: ['The FBI', 'Heritage Foundation'] }),
      at('2025-01-06', 'f', { actors: ['Foundation'] }),
      at('2025-01-07', 'g', { actors: ['Bank Indonesia', 'Targeted Journalists', 'Asian Americans Advancing Justice'] }),
      at('2025-01-08', 'h', { actors: ['Indonesia', 'Journalists', 'Chief Justice'] }),
    ];
    const groups = run(entries, 'lint/actor-variant').map((f) => f.group!.names);
    // "The FBI" is the FBI; nothing else here is one actor under two names.
    expect(groups).toEqual([['FBI', 'The FBI']]);
  });

  it('actor-variant: a surname shared evenly by two people joins neither', () => {
    const entries = [at('2025-01-01', 'a', { actors: ['Kimbal Musk'] }), at('2025-01-02', 'b', { actors: ['Elon Musk'] }), at('2025-01-03', 'c', { actors: ['Musk'] })];
    expect(run(entries, 'lint/actor-variant')).toEqual([]);
  });

  it('actor-variant: proposes the registry entry, and says when the registry already knows them', () => {
    const entries = [at('2025-01-01', 'a', { actors: ['Marco Rubio'] }), at('2025-01-02', 'b', { actors: ['Secretary Marco Rubio'] })];
    expect(run(entries, 'lint/actor-variant')[0]!.group!.entry).toEqual({ id: 'marco-rubio', name: 'Marco Rubio', aliases: ['Secretary Marco Rubio'], kind: 'other' });
    const registry = createActorRegistry([{ id: 'marco-rubio', name: 'Marco Rubio', aliases: ['Secretary Marco Rubio'], kind: 'person' }]);
    const [known] = lintEvents(entries, { rules: ['lint/actor-variant'], registry });
    expect(known!.fixable).toBe(true);
    expect(known!.group!.entry).toBeUndefined();
  });
});

describe('actor-variant names', () => {
  it('names a suggested entry by its most used spelling that is not a slug', () => {
    const entries = [at('2025-01-01', 'a', { actors: ['russian-intelligence'] }), at('2025-01-02', 'b', { actors: ['russian-intelligence'] }), at('2025-01-03', 'c', { actors: ['Russian Intelligence'] })];
    const [finding] = run(entries, 'lint/actor-variant');
    expect(finding?.group?.entry).toEqual({ id: 'russian-intelligence', name: 'Russian Intelligence', aliases: ['russian-intelligence'], kind: 'other' });
  });
});
