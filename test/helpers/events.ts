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

/** An event whose text stresses every format: quotes, commas, HTML, CRLF, accents, a book without a link. */
export const trickyEvent = makeEvent({
  title: 'Says "no", then <script>alert(1)</script> & leaves',
  summary: 'Line one, with a comma.\n\nLine "two"\r\nwith CRLF and é.',
  actors: ['O\'Brien, "Jr."'],
  sources: [
    { title: 'A, "quoted" title', url: 'https://example.org/a?x=1,2', publisher: 'P', date: '2024-05', tier: 1 },
    { title: 'A book' },
  ],
  status: 'confirmed',
  location: 'Washington, D.C.',
});
