import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countEvents, createActorRegistry, createTimeline, filterEvents, type Event, type EventQuery } from '../../src/index.js';
import { makeEvent } from '../helpers/events.js';

const TAGS = ['corruption', 'courts', 'media', 'elections', 'foreign-policy'];
const ACTORS = ['Donald Trump', 'Trump', 'Marco Rubio', 'Élise Müller', 'Peter Thiel', 'peter-thiel'];
const WORDS = ['Accord', 'élection', 'court', 'kazakh', 'MEDIA', 'ruling', 'café'];
const LANES = ['Judicial Capture', 'Media Capture'];

const eventArb: fc.Arbitrary<Event> = fc
  .record({
    y: fc.integer({ min: 2019, max: 2025 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    slug: fc.constantFrom('a', 'b', 'c', 'd'),
    importance: fc.integer({ min: 1, max: 10 }),
    tags: fc.uniqueArray(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 3 }),
    actors: fc.uniqueArray(fc.constantFrom(...ACTORS), { maxLength: 3 }),
    words: fc.array(fc.constantFrom(...WORDS, 'and', 'the'), { minLength: 1, maxLength: 6 }),
    status: fc.option(fc.constantFrom('confirmed' as const, 'reported' as const), { nil: undefined }),
    lanes: fc.option(fc.uniqueArray(fc.constantFrom(...LANES), { maxLength: 2 }), { nil: undefined }),
    // Most events on a day; some known to the month or year, approximate, or spanning months.
    shape: fc.constantFrom('day', 'day', 'day', 'day', 'month', 'year~', 'range', 'open'),
    span: fc.integer({ min: 0, max: 14 }),
  })
  .map(({ y, m, d, slug, words, lanes, shape, span, ...rest }) => {
    const mm = String(m).padStart(2, '0');
    const day = `${y}-${mm}-${String(d).padStart(2, '0')}`;
    const later = new Date(Date.UTC(y, m - 1 + span, 1));
    const date =
      shape === 'day' ? day : shape === 'month' ? `${y}-${mm}` : shape === 'year~' ? `${y}~` : shape === 'open' ? `${y}-${mm}/..` : `${y}-${mm}/${later.getUTCFullYear()}-${String(later.getUTCMonth() + 1).padStart(2, '0')}`;
    const start = shape === 'year~' ? `${y}-01-01` : shape === 'day' ? day : `${y}-${mm}-01`;
    return makeEvent({ id: `${start}--${slug}`, date, title: words.slice(0, 2).join(' '), summary: words.join(' '), captureLanes: lanes, ...rest });
  });

const partial = fc.oneof(
  fc.integer({ min: 2018, max: 2026 }).map(String),
  fc.tuple(fc.integer({ min: 2018, max: 2026 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 2018, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const match = <T extends string>(values: readonly T[]) =>
  fc.oneof(
    fc.constantFrom(...values),
    fc.uniqueArray(fc.constantFrom(...values), { maxLength: 3 }),
    fc.record({ any: fc.uniqueArray(fc.constantFrom(...values), { maxLength: 2 }), all: fc.uniqueArray(fc.constantFrom(...values), { maxLength: 2 }), none: fc.uniqueArray(fc.constantFrom(...values), { maxLength: 2 }) }, { requiredKeys: [] }),
  );

const fullQuery: fc.Arbitrary<Required<EventQuery>> = fc.record(
  {
    from: partial,
    to: partial,
    tags: match(TAGS),
    actors: match(ACTORS),
    status: match(['confirmed', 'reported'] as const),
    captureLanes: match(LANES),
    minImportance: fc.integer({ min: 0, max: 11 }),
    maxImportance: fc.integer({ min: 0, max: 11 }),
    text: fc.array(fc.constantFrom(...WORDS, 'acc', 'CAFE', 'xyz', 'ou'), { maxLength: 2 }).map((w) => w.join(' ')),
    sort: fc.constantFrom('date' as const, '-date' as const, '-importance' as const),
    offset: fc.integer({ min: 0, max: 5 }),
    limit: fc.integer({ min: 0, max: 20 }),
    dateMatch: fc.constantFrom('overlap' as const, 'within' as const),
  },
);
// Up to three conditions, so that many queries match something.
const queryArb: fc.Arbitrary<EventQuery> = fc
  .tuple(fullQuery, fc.subarray(['from', 'to', 'tags', 'actors', 'status', 'captureLanes', 'minImportance', 'maxImportance', 'text'] as const, { maxLength: 3 }), fc.subarray(['sort', 'offset', 'limit', 'dateMatch'] as const))
  .map(([q, conditions, paging]) => Object.fromEntries([...conditions, ...paging].map((k) => [k, q[k]])) as EventQuery);

describe('createTimeline().query', () => {
  it('gives exactly what filterEvents gives, for random events and queries, before and after the text index is built', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { maxLength: 80 }), fc.array(queryArb, { minLength: 1, maxLength: 10 }), async (events, queries) => {
        // Text found by scanning, and through the index.
        const scanning = createTimeline(events);
        const indexed = createTimeline(events);
        await indexed.indexText();
        for (const q of queries) {
          const expected = filterEvents(events, q);
          if (expected.length > 0) nonEmpty++;
          expect(scanning.query(q)).toEqual(expected);
          expect(indexed.query(q)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
    // The property is not vacuous: many queries find something.
    expect(nonEmpty).toBeGreaterThan(300);
  });

  it('gives exactly what filterEvents gives with an actor registry', () => {
    const registry = createActorRegistry([
      { id: 'donald-trump', name: 'Donald Trump', aliases: ['Trump'], kind: 'person' },
      { id: 'peter-thiel', name: 'Peter Thiel', aliases: ['peter-thiel'], kind: 'person' },
    ]);
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), fc.array(queryArb, { minLength: 1, maxLength: 10 }), (events, queries) => {
        const timeline = createTimeline(events, { registry });
        for (const q of queries) expect(timeline.query(q)).toEqual(filterEvents(events, q, { registry }));
      }),
      { numRuns: 200 },
    );
  });
});

describe('createTimeline().query text', () => {
  it('agrees with filterEvents on arbitrary Unicode text, case and accents included, scanning or indexed', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', 'é', 'E\u0301', 'İ', 'ß', 'Ω', 'ﬁ', ' ', '\n', '-', 'ü', 'Ü', '\u00a0', '\t', 'K', '\u212a', '\u037e', ';', '.', '*', '\u0338', '=', '≠'), minLength: 1, maxLength: 20 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 20 }), fc.array(text, { minLength: 1, maxLength: 8 }), async (texts, queries) => {
        const events = texts.map(([title, summary], i) => makeEvent({ id: `2025-01-01--e${i}`, date: '2025-01-01', title: title.trim() || 'x', summary: summary.trim() || 'y' }));
        const scanning = createTimeline(events);
        const indexed = createTimeline(events);
        await indexed.indexText();
        for (const q of queries) {
          const expected = filterEvents(events, { text: q });
          expect(scanning.query({ text: q })).toEqual(expected);
          expect(indexed.query({ text: q })).toEqual(expected);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('answers text at once and builds its index in the background, or at once for a word beyond ASCII', async () => {
    const events = Array.from({ length: 3000 }, (_, i) => makeEvent({ id: `2025-01-01--e${i}`, date: '2025-01-01', title: i % 3 ? 'Élysée talks' : 'Кремль', summary: `summary ${i}` }));
    const timeline = createTimeline(events);
    expect(timeline.query({ text: 'elysee' })).toHaveLength(2000);
    expect(timeline.query({ text: 'кремль' })).toHaveLength(1000);
    await timeline.indexText();
    expect(timeline.query({ text: 'ELYSÉE TALKS' })).toHaveLength(2000);
    // A timeline never asked for text builds nothing and resolves once built.
    const other = createTimeline(events);
    await expect(other.indexText()).resolves.toBeUndefined();
    expect(other.query({ text: 'summary 12' })).toEqual(filterEvents(events, { text: 'summary 12' }));
  });
});

const on = (date: string, slug: string, over: Partial<Event> = {}) => makeEvent({ id: `${date}--${slug}`, date, ...over });
const E = [
  on('2024-05-31', 'may', { tags: ['courts', 'courts-2'], importance: 3 }),
  on('2024-06-01', 'june', { tags: ['courts'], actors: ['Trump'], importance: 9, title: 'Élysée ruling' }),
  on('2025-12-31', 'eve', { tags: ['media'], actors: ['Donald Trump', 'Marco Rubio'], importance: 9 }),
  on('2026-01-01', 'new', { tags: ['media', 'courts'], importance: 1 }),
];
const ids = (events: Event[]) => events.map((e) => e.id.slice(12));

describe('query edges', () => {
  const timeline = createTimeline(E);
  it('treats partial dates as inclusive periods', () => {
    expect(ids(timeline.query({ from: '2024-06', to: '2025' }))).toEqual(['june', 'eve']);
    expect(ids(timeline.query({ to: '2024-05' }))).toEqual(['may']);
    expect(ids(timeline.query({ from: '2025-12-31', to: '2025-12-31' }))).toEqual(['eve']);
  });

  it('matches tags exactly, with any, all and none', () => {
    expect(ids(timeline.query({ tags: 'courts' }))).toEqual(['may', 'june', 'new']);
    expect(ids(timeline.query({ tags: { all: ['media', 'courts'] } }))).toEqual(['new']);
    expect(ids(timeline.query({ tags: { any: ['courts'], none: ['media'] } }))).toEqual(['may', 'june']);
    expect(ids(timeline.query({ tags: [] }))).toEqual(['may', 'june', 'eve', 'new']);
  });

  it('matches text ignoring case and accents, every word, within one field', () => {
    expect(ids(timeline.query({ text: 'ELYSEE rul' }))).toEqual(['june']);
    expect(ids(timeline.query({ text: 'élysée missing' }))).toEqual([]);
    expect(ids(timeline.query({ text: 'rubio' }))).toEqual(['eve']);
    expect(ids(timeline.query({ text: 'ruling trump' }))).toEqual(['june']);
  });

  it('matches actors exactly without a registry and by identity with one', () => {
    expect(ids(timeline.query({ actors: 'Donald Trump' }))).toEqual(['may', 'eve', 'new']);
    const registry = createActorRegistry([{ id: 'donald-trump', name: 'Donald Trump', aliases: ['Trump'], kind: 'person' }]);
    const withRegistry = createTimeline(E, { registry });
    expect(ids(withRegistry.query({ actors: 'Donald Trump' }))).toEqual(['may', 'june', 'eve', 'new']);
    expect(withRegistry.actors()).toEqual([{ key: 'Donald Trump', count: 4 }, { key: 'Marco Rubio', count: 1 }]);
  });

  it('sorts and pages', () => {
    expect(ids(timeline.query({ sort: '-date', limit: 2 }))).toEqual(['new', 'eve']);
    expect(ids(timeline.query({ sort: '-importance' }))).toEqual(['june', 'eve', 'may', 'new']);
    expect(ids(timeline.query({ offset: 1, limit: 2 }))).toEqual(['june', 'eve']);
    expect(timeline.query({ from: '2030' })).toEqual([]);
  });

  it('finds by id and counts tags, actors and years', () => {
    expect(timeline.get('2025-12-31--eve')?.importance).toBe(9);
    expect(timeline.get('nope')).toBeUndefined();
    expect(timeline.tags()[0]).toEqual({ key: 'courts', count: 3 });
    expect(timeline.years()).toEqual([
      { key: '2024', count: 2 },
      { key: '2025', count: 1 },
      { key: '2026', count: 1 },
    ]);
  });

  it('counts years as countEvents does, years before 1000 and empty years included', () => {
    const early = [on('0999-03-01', 'a'), on('1001-01-01', 'b'), on('1001-12-31', 'c')];
    const years = createTimeline(early).years();
    expect(years).toEqual(countEvents(early, 'year'));
    expect(years).toEqual([
      { key: '0999', count: 1 },
      { key: '1000', count: 0 },
      { key: '1001', count: 2 },
    ]);
    expect(createTimeline([]).years()).toEqual([]);
  });

  it('refuses malformed queries with a TypeError', () => {
    expect(() => timeline.query({ from: 'June 2024' })).toThrow(TypeError);
    expect(() => filterEvents(E, { sort: 'title' as 'date' })).toThrow(TypeError);
    expect(() => filterEvents(E, { tags: 5 as unknown as string })).toThrow(TypeError);
    expect(() => filterEvents(E, { sort: 'title' as 'date' })).toThrow('sort: expected one of date, -date, -importance, got "title"');
    expect(() => timeline.query({ from: '2025', dateMatch: 'inside' as 'within' })).toThrow('dateMatch: expected one of overlap, within, got "inside"');
  });
});

describe('createTimeline get', () => {
  it('finds an event by an id it had before, but never over an event that has that id now', () => {
    const renamed = makeEvent({ id: '2025-11-06--new-name', formerIds: ['2025-11-06--old name', '2025-11-06--taken'] });
    const taken = makeEvent({ id: '2025-11-06--taken', title: 'Another event' });
    const timeline = createTimeline([renamed, taken]);
    expect(timeline.get('2025-11-06--old name')).toBe(renamed);
    expect(timeline.get('2025-11-06--taken')).toBe(taken);
  });
});

describe('createTimeline text queries', () => {
  it('counts a word given hundreds of times once, and refuses too many different words', () => {
    const events = [makeEvent({ id: '2025-11-06--a', title: 'Accords signed' }), makeEvent({ id: '2025-11-07--b', date: '2025-11-07', title: 'Other news' })];
    const timeline = createTimeline(events);
    const text = Array(300).fill('signed').join(' ');
    expect(timeline.query({ text }).map((e) => e.id)).toEqual(['2025-11-06--a']);
    expect(timeline.query({ text })).toEqual(filterEvents(events, { text }));
    const many = Array.from({ length: 65 }, (_, i) => `w${i}`).join(' ');
    expect(() => timeline.query({ text: many })).toThrow('text: at most 64 different words, got 65');
    expect(() => filterEvents(events, { text: many })).toThrow(TypeError);
  });
});

describe('createTimeline by date range and importance alone', () => {
  it('reads the answer off the indexes and still equals filterEvents, in every order, with paging and unrated events', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((d) => `2024-${String(1 + Math.floor(d / 28)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}`);
    // Importance 1-10 as the model has it, or many levels (unchecked data), which takes another path.
    const rated = fc.record({ date: day, importance: fc.option(fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: -5, max: 40 })), { nil: null }), n: fc.nat(9999) });
    const bound = fc.option(fc.constantFrom('2024', '2024-01', '2024-02-10', '2024-03'), { nil: undefined });
    const level = fc.option(fc.oneof(fc.integer({ min: 0, max: 11 }), fc.integer({ min: -6, max: 41 })), { nil: undefined });
    const query = fc.record({ from: bound, to: bound, minImportance: level, maxImportance: level, sort: fc.constantFrom('date', '-date', '-importance'), offset: fc.option(fc.nat(5), { nil: undefined }), limit: fc.option(fc.nat(12), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(rated, { maxLength: 60 }), fc.array(query, { minLength: 1, maxLength: 8 }), (rows, queries) => {
        const events = rows.map((r, i) => makeEvent({ id: `${r.date}--e${i}-${r.n}`, date: r.date, importance: r.importance }));
        const timeline = createTimeline(events);
        for (const raw of queries) {
          const q = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as EventQuery;
          expect(timeline.query(q)).toEqual(filterEvents(events, q));
        }
      }),
      { numRuns: 300 },
    );
  });
});
