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

function queries(vocab: Vocabulary, count: number): EventQuery[] {
  const rand = random(99);
  const year = () => String(1950 + Math.floor(rand() * 76));
  const word = () => skewed(rand, vocab.words.slice(50)); // not the very commonest words
  const makers: (() => EventQuery)[] = [
    () => ({ tags: skewed(rand, vocab.tags) }),
    () => ({ tags: skewed(rand, vocab.tags), from: year() }),
    () => ({ actors: skewed(rand, vocab.actors) }),
    () => ({ actors: [skewed(rand, vocab.actors), skewed(rand, vocab.actors)], minImportance: 5 }),
    () => ({ text: word() }),
    () => ({ text: `${word()} ${word()}`, from: '1990' }),
    () => ({ minImportance: 10, from: year(), to: year(), limit: 50 }),
    () => ({ tags: [skewed(rand, vocab.tags), skewed(rand, vocab.tags)], limit: 20 }),
    () => ({ from: year(), limit: 25 }),
    () => ({ tags: skewed(rand, vocab.tags), actors: skewed(rand, vocab.actors) }),
  ];
  return Array.from({ length: count }, (_, i) => makers[i % makers.length]!());
}

export async function benchQuery(): Promise<void> {
  console.log('\n## Queries on 100,000 synthetic events\n');
  const { events, vocab } = syntheticEvents(100_000);
  const qs = queries(vocab, 300);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const heapBefore = used();
  let start = performance.now();
  const timeline = createTimeline(events);
  const build = performance.now() - start;
  start = performance.now();
  timeline.query({ text: 'warm' }); // builds the text index
  const textBuild = performance.now() - start;
  gc?.();
  const heapAfter = used();

  start = performance.now();
  const fast = qs.map((q) => timeline.query(q));
  const indexed = performance.now() - start;
  start = performance.now();
  const slow = qs.map((q) => naive(events, q));
  const baseline = performance.now() - start;
  const same = fast.every((r, i) => r.length === slow[i]!.length && r.every((e, k) => e === slow[i]![k]));
  const found = fast.reduce((s, r) => s + r.length, 0);
  table([
    ['what', 'time'],
    ['createTimeline (100,000 events)', ms(build)],
    ['text index (first text query)', ms(textBuild)],
    [`${qs.length} queries, naive filter`, ms(baseline)],
    [`${qs.length} queries, timeline.query`, ms(indexed)],
    ['speed-up', ratio(baseline, indexed)],
  ]);
  console.log(`\nidentical results: ${same ? 'yes' : 'NO'} (${found} events found in all); index memory (heap + typed arrays): ${gc ? mib(heapAfter - heapBefore) : 'run with --expose-gc'}; goal: >= 50x`);
  if (!same) process.exitCode = 1;
}
