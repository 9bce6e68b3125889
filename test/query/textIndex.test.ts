import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimeline, filterEvents, type Event } from '../../src/index.js';
import { searchText } from '../../src/query/matchesText.js';
import { buildTextIndex } from '../../src/query/textIndex.js';
import { makeEvent } from '../helpers/events.js';

const unit = fc.constantFrom('a', 'B', 'é', 'E\u0301', 'İ', 'ß', 'Ω', 'ﬁ', '😀', ' ', '\n', '-', 'ü', 'Ü', '\u00a0', '\u2003', '\t', '\ufeff');
const text = fc.string({ unit, minLength: 1, maxLength: 24 });
const eventsArb = fc.array(fc.tuple(text, text, fc.array(text, { maxLength: 2 })), { minLength: 1, maxLength: 20 }).map((rows) =>
  rows.map(([title, summary, actors], i) => makeEvent({ id: `2025-01-01--e${i}`, date: '2025-01-01', title, summary, actors })),
);

describe('buildTextIndex', () => {
  it('finds a word in exactly the events whose folded search text holds it', () => {
    fc.assert(
      fc.property(eventsArb, fc.array(fc.string({ unit: fc.constantFrom('a', 'e', 'b', 'i', 'ss', 'ω', 'fi', '😀', '-', 'u'), minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (events, words) => {
        const index = buildTextIndex(events);
        for (const word of words) {
          const found = new Set<number>();
          index.tokensContaining(word, (t) => {
            for (let k = index.postingStart[t]!; k < index.postingStart[t + 1]!; k++) found.add(index.postings[k]!);
          });
          const expected = events.flatMap((e, i) => (searchText(e).includes(word) ? [i] : []));
          expect([...found].sort((a, b) => a - b)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('holds each token once per event, both ways round', () => {
    const events = [makeEvent({ title: 'Court court COURT', summary: 'Cour\u0301t ruling', tags: ['court'], actors: [] })];
    const index = buildTextIndex(events);
    const tokens = [...index.eventTokens];
    expect(new Set(tokens).size).toBe(tokens.length);
    // 'court' (from every spelling, the accent folded away) and 'ruling'.
    expect(index.size).toBe(2);
    expect([...index.postings]).toEqual([0, 0]);
  });
});

describe('text queries on a timeline', () => {
  // Enough events that a common word costs more through its postings than a
  // rare tag's few candidates do through their tokens, so both ways run.
  const words = ['court', 'ruling', 'élection', 'media', 'kazakh', 'accord'];
  const events: Event[] = Array.from({ length: 600 }, (_, i) =>
    makeEvent({
      id: `2025-01-${String(1 + (i % 28)).padStart(2, '0')}--e${i}`,
      date: `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      title: `${words[i % 6]} ${words[(i * 7) % 6]}`,
      summary: Array.from({ length: 12 }, (_, k) => words[(i + k * k) % 6]).join(' '),
      tags: i % 50 === 0 ? ['rare'] : ['common'],
      importance: 1 + (i % 10),
    }),
  );
  const timeline = createTimeline(events);

  it('equals filterEvents whether the words or the other conditions choose the candidates', () => {
    const queries = [
      { text: 'cour' },
      { text: 'cour', tags: 'rare' },
      { text: 'o e', tags: 'rare', sort: '-date' as const, limit: 3 },
      { text: 'election', tags: 'rare', minImportance: 5 },
      { text: 'kazakh rul', from: '2025-01-03', to: '2025-01-09' },
      { text: 'media', tags: { any: ['rare'], none: ['common'] }, sort: '-importance' as const },
      { text: Array.from({ length: 40 }, (_, k) => 'abcdefghijklmnopqrstuvwxyz0123456789éüßω'[k]).join(' '), tags: 'rare' },
    ];
    for (const q of queries) expect(timeline.query(q)).toEqual(filterEvents(events, q));
    // The queries above are not vacuous.
    expect(timeline.query({ text: 'cour', tags: 'rare' }).length).toBeGreaterThan(0);
  });
});
