// Deterministic synthetic events for benchmarks: made-up words, tags and
// names drawn from a seeded generator. Never written to the dataset.
import type { Event } from '../dist/index.js';

/** mulberry32: a small seeded PRNG, so every run sees the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'nu', 'pe', 'ra', 'si', 'to', 'vu', 'ze', 'bra', 'cre', 'dri', 'flo', 'gru', 'é', 'ü'];

function word(rand: () => number): string {
  let w = '';
  const n = 2 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

/** Picks from a list with a skew towards the front (a rough Zipf). */
export function skewed<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(list.length * rand() ** 2.5)]!;
}

export interface Vocabulary {
  words: string[];
  tags: string[];
  actors: string[];
}

export function vocabulary(rand: () => number): Vocabulary {
  const words = Array.from({ length: 6000 }, () => word(rand));
  const tags = Array.from({ length: 300 }, (_, i) => `${word(rand).normalize('NFD').replace(/[\u0300-\u036f]/g, '')}-${i}`);
  const actors = Array.from({ length: 3000 }, () => `${word(rand)} ${word(rand)}`.replace(/^./, (c) => c.toUpperCase()));
  return { words, tags, actors };
}

/** `count` valid events with dates from 1950 to 2025. */
export function syntheticEvents(count: number, seed = 1): { events: Event[]; vocab: Vocabulary } {
  const rand = random(seed);
  const vocab = vocabulary(rand);
  const events: Event[] = [];
  for (let i = 0; i < count; i++) {
    const y = 1950 + Math.floor(76 * Math.sqrt(rand()));
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const text = (n: number) => Array.from({ length: n }, () => skewed(rand, vocab.words)).join(' ');
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => skewed(rand, vocab.tags)))];
    const actors = [...new Set(Array.from({ length: Math.floor(rand() * 4) }, () => skewed(rand, vocab.actors)))];
    events.push({
      id: `${date}--event-${i}`,
      date,
      title: text(8),
      summary: text(60),
      importance: 1 + Math.floor(rand() * 10),
      tags,
      actors,
      sources: [{ title: text(5), url: `https://example.org/${i}` }],
      status: rand() < 0.8 ? 'confirmed' : 'reported',
    });
  }
  return { events, vocab };
}
