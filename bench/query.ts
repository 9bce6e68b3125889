// Query speed: createTimeline().query against a naive one-pass filter with
// Array.includes, on 100,000 synthetic events and a few hundred queries no
// cache has seen.
import { createTimeline, type Event, type EventQuery } from '../dist/index.js';
import { mib, ms, ratio, table } from './util.js';
import { random, skewed, syntheticEvents, type Vocabulary } from './synthetic.js';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The naive baseline: one pass, Array.includes, then sort and page. */
function naive(events: readonly Event[], q: EventQuery): Event[] {
  const lo = q.from === undefined ? '' : q.from.length === 4 ? `${q.from}-00-00` : q.from;
  const hi = q.to === undefined ? '\uffff' : q.to.length === 4 ? `${q.to}-99-99` : q.to;
  const tags = q.tags === undefined ? undefined : typeof q.tags === 'string' ? [q.tags] : (q.tags as string[]);
  const actors = q.actors === undefined ? undefined : typeof q.actors === 'string' ? [q.actors] : (q.actors as string[]);
  const words = q.text ? fold(q.text).split(/\s+/).filter(Boolean) : [];
  const out = events.filter((e) => {
    if (e.date < lo || e.date > hi) return false;
    if (q.minImportance !== undefined && (e.importance === null || e.importance < q.minImportance)) return false;
    if (q.maxImportance !== undefined && (e.importance === null || e.importance > q.maxImportance)) return false;
    if (tags && !tags.some((t) => e.tags.includes(t))) return false;
    if (actors && !actors.some((a) => e.actors.includes(a))) return false;
    if (words.length) {
      const text = fold(`${e.title}\n${e.summary}\n${e.tags.join('\n')}\n${e.actors.join('\n')}`);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return q.limit === undefined ? out : out.slice(0, q.limit);
}

/** Query shapes, each drawn afresh every run from a new seed: the engine is never tuned on a fixed list. */
function shapes(vocab: Vocabulary, rand: () => number): [string, () => EventQuery][] {
  const year = () => String(1950 + Math.floor(rand() * 76));
  const span = () => {
    const a = year();
    const b = year();
    return a < b ? { from: a, to: b } : { from: b, to: a };
  };
  const word = () => skewed(rand, vocab.words.slice(50));
  const tag = () => skewed(rand, vocab.tags);
  const actor = () => skewed(rand, vocab.actors);
  const level = () => 1 + Math.floor(rand() * 10);
  return [
    ['date range alone', () => span()],
    ['date range, first 25', () => ({ ...span(), limit: 25 })],
    ['importance alone', () => ({ minImportance: level() })],
    ['date range + importance', () => ({ ...span(), minImportance: level() })],
    ['importance band (min and max)', () => {
      const [a, b] = [level(), level()];
      return { minImportance: Math.min(a, b), maxImportance: Math.max(a, b) };
    }],
    ['a tag', () => ({ tags: tag() })],
    ['tags (any of two) + range', () => ({ tags: [tag(), tag()], ...span() })],
    ['an actor + importance', () => ({ actors: actor(), minImportance: level() })],
    ['text alone', () => ({ text: word() })],
    ['text + a tag', () => ({ text: word(), tags: tag() })],
    ['text + range', () => ({ text: word(), ...span() })],
  ];
}

export async function benchQuery(): Promise<void> {
  console.log('\n## Queries on 100,000 synthetic events\n');
  const { events, vocab } = syntheticEvents(100_000);
  const seed = Date.now() % 2 ** 31;
  const rand = random(seed);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const heapBefore = used();
  let start = performance.now();
  const timeline = createTimeline(events);
  const build = performance.now() - start;
  // The first text query, a word drawn from the vocabulary: answered at
  // once by scanning, while the index is built in the background.
  const first = skewed(rand, vocab.words.slice(50));
  start = performance.now();
  const firstResult = timeline.query({ text: first });
  const textFirst = performance.now() - start;
  start = performance.now();
  const firstNaive = naive(events, { text: first });
  const naiveText = performance.now() - start;
  // The background build, as a page would see it: the longest task it runs.
  let longest = 0;
  let last = performance.now();
  const watch = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 0);
  start = performance.now();
  await timeline.indexText();
  const textBuild = performance.now() - start;
  clearInterval(watch);
  gc?.();
  const heapAfter = used();

  // Each shape: three rounds of ten fresh queries, the engine and the naive
  // filter alternating, and the median round of each side. One major
  // collection of the 100,000 events (answers of tens of thousands of
  // events bring them on) then moves one round, not the figure.
  const rounds = 3;
  const perRound = 10;
  const rows: (string | number)[][] = [['shape', `naive, median of ${rounds} rounds of ${perRound}`, 'timeline.query, the same', 'speed-up']];
  let same = firstResult.length === firstNaive.length && firstResult.every((e, k) => e === firstNaive[k]);
  let totalNaive = 0;
  let totalIndexed = 0;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  for (const [name, make] of shapes(vocab, rand)) {
    const fastRounds: number[] = [];
    const slowRounds: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const qs = Array.from({ length: perRound }, make);
      // Timed as a page uses answers: each one read, then dropped. Keeping
      // the answers alive would time the garbage collector moving them.
      let count = 0;
      start = performance.now();
      for (const q of qs) count += timeline.query(q).length;
      fastRounds.push(performance.now() - start);
      start = performance.now();
      for (const q of qs) count -= naive(events, q).length;
      slowRounds.push(performance.now() - start);
      // Then, untimed, every answer is compared event by event.
      same &&= count === 0 && qs.every((q) => {
        const fast = timeline.query(q);
        const slow = naive(events, q);
        return fast.length === slow.length && fast.every((e, k) => e === slow[k]);
      });
    }
    const indexed = median(fastRounds);
    const baseline = median(slowRounds);
    totalNaive += slowRounds.reduce((a, b) => a + b, 0);
    totalIndexed += fastRounds.reduce((a, b) => a + b, 0);
    rows.push([name, ms(baseline), ms(indexed), ratio(baseline, indexed)]);
  }
  rows.push([`the mix (all ${rounds * perRound} queries of every shape, in total)`, ms(totalNaive), ms(totalIndexed), ratio(totalNaive, totalIndexed)]);
  console.log(`seed ${seed}; createTimeline ${ms(build)}`);
  console.log(`first text query ('${first}', ${firstResult.length} matches) ${ms(textFirst)}, against one naive text query ${ms(naiveText)}: ${ratio(textFirst, naiveText)} (goal <= 0.3x)`);
  console.log(`text index built in the background in ${ms(textBuild)}; the longest the page waited between two timer ticks meanwhile: ${ms(longest)}\n`);
  table(rows);
  console.log(`\nidentical results: ${same ? 'yes' : 'NO'}; index memory (heap + typed arrays): ${gc ? mib(heapAfter - heapBefore) : 'run with --expose-gc'}; goals: every shape >= 50x, the mix >= 100x`);
  if (!same) process.exitCode = 1;
}
