import type { Event } from '../../src/index.js';

/** A minimal valid event; override any field. */
export function makeEvent(overrides: Partial<Event> = {}): Event {
  return {
    id: '2025-11-06--kazakhstan-abraham-accords-announcement',
    date: '2025-11-06',
    title: 'Trump Announces Kazakhstan Joining Abraham Accords',
    summary: 'Kazakhstan would join the Abraham Accords.',
    importance: 5,
    tags: ['foreign-policy'],
    actors: ['Donald Trump'],
    sources: [{ title: 'Kazakhstan to join Abraham Accords', url: 'https://www.axios.com/2025/11/06/x', publisher: 'Axios', tier: 2 }],
    ...overrides,
  };
}
