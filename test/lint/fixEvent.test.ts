import { describe, expect, it } from 'vitest';
import { createActorRegistry } from '../../src/index.js';
import { fixEvent } from '../../src/lint.js';
import { makeEvent } from '../helpers/events.js';

describe('fixEvent', () => {
  it('repairs mojibake and normalises actors to the registry, changing nothing else', () => {
    const registry = createActorRegistry([{ id: 'donald-trump', name: 'Donald Trump', aliases: ['Trump'], kind: 'person' }]);
    const event = makeEvent({ summary: 'since 1992â€”over', actors: ['Trump', 'Donald Trump', 'Marco Rubio'] });
    const { event: fixed, changes } = fixEvent(event, { registry });
    expect(fixed).toEqual({ ...event, summary: 'since 1992—over', actors: ['Donald Trump', 'Marco Rubio'] });
    expect(changes).toEqual(['summary: repaired mis-decoded UTF-8', 'actors[0]: "Trump" -> "Donald Trump"']);
    expect(fixEvent(fixed, { registry })).toEqual({ event: fixed, changes: [] });
  });
});
