import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventSchema, parseEvent, stringifyEvent } from '../../src/index.js';
import { event as arbitraryEvent } from '../helpers/arbitraries.js';

describe('stringifyEvent', () => {
  it('generates only valid events (the property below is not vacuous)', () => {
    fc.assert(fc.property(arbitraryEvent, (e) => EventSchema.safeParse(e).success), { numRuns: 500 });
  });

  for (const format of ['md', 'yaml', 'json'] as const) {
    it(`round-trips 10,000 generated events through ${format} losslessly`, () => {
      fc.assert(
        fc.property(arbitraryEvent, (event) => {
          const text = stringifyEvent(event, { format });
          // Events with extra keys are not canonical, so they read leniently.
          const { event: back } = parseEvent(text, { format, mode: event.extra ? 'lenient' : 'strict' });
          expect(back).toEqual(event);
          expect(stringifyEvent(back!, { format })).toBe(text);
        }),
        { numRuns: format === 'md' ? 10_000 : 2_000 },
      );
    });
  }

  it('writes keys in a fixed order with the file spellings, unknown keys under extra', () => {
    const text = stringifyEvent({
      id: '2025-11-06--x', date: '2025-11-06', title: 'T', summary: 'S', importance: 5, tags: ['a'], actors: [],
      sources: [{ title: 'A', archiveUrl: 'https://web.archive.org/x', url: 'https://a.org/' }],
      captureLanes: ['Judicial Capture'], status: 'confirmed', extra: { zeta: 1, alpha: 2 },
    });
    expect(text).toBe(
      "---\nid: 2025-11-06--x\ndate: '2025-11-06'\ntitle: T\nimportance: 5\ntags:\n- a\nactors: []\nsources:\n- title: A\n  url: 'https://a.org/'\n  archive_url: 'https://web.archive.org/x'\nstatus: confirmed\ncapture_lanes:\n- Judicial Capture\nextra:\n  alpha: 2\n  zeta: 1\n---\n\nS\n",
    );
  });
});
