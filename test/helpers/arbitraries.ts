import fc from 'fast-check';
import { EVENT_STATUSES, type Event, type Source } from '../../src/index.js';

const slug = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('-'));

/** A real calendar day between 1900 and 2099. */
export const isoDay = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

// Text with the characters that stress YAML quoting: colons, quotes, hashes,
// leading dashes, YAML keywords, non-ASCII, date-like and number-like strings.
const tricky = fc.constantFrom(
  'yes', 'no', 'null', '~', 'true', '2025-11-06', '012', '1e3', '- dash', ': colon', '#hash', "'quote'", '"dq"',
  '@at', '`tick`', '% pct', '&anchor', '*alias', '!tag', '|pipe', '>fold', '{brace}', '[bracket]', 'Élysée',
  'naïve café', '日本語', 'emoji 🗳️', 'a: b', 'x #y', 'tab\tin',
);
const word = fc.oneof(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,'()-]{0,30}[A-Za-z0-9.)]$/), tricky);
const line = fc
  .array(word, { minLength: 1, maxLength: 5 })
  .map((w) => w.join(' ').replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 0 && s.length <= 200);
const paragraph = fc
  .array(line, { minLength: 1, maxLength: 4 })
  .map((lines) => lines.join('\n\n').trim())
  .filter((s) => s.length > 0);

const url = fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }).filter((u) => !/\s/.test(u));

const partialDate = fc.oneof(
  isoDay,
  isoDay.map((d) => d.slice(0, 7)),
  isoDay.map((d) => d.slice(0, 4)),
);

// JSON cannot hold -0, and keys that could reach a prototype are dropped on
// reading (tested on their own), so generated values have neither.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const extraValue = fc
  .jsonValue({ maxDepth: 2 })
  .map((v) => JSON.parse(JSON.stringify(v), (key, value: unknown) => (FORBIDDEN.has(key) ? undefined : value)) as unknown);
const extraKey = fc.stringMatching(/^[a-z][a-z_]{2,12}$/).filter((k) => !['id', 'date', 'title', 'summary', 'importance', 'tags', 'actors', 'sources', 'status', 'location', 'capture_lanes', 'notes', 'url', 'publisher', 'tier', 'archive_url', 'outlet', 'citations', 'archived', 'capture_lane', 'constructor', 'prototype'].includes(k));
const extra = fc.dictionary(extraKey, extraValue, { minKeys: 1, maxKeys: 3 });

/** A valid source: a title, a url, or both. */
export const source: fc.Arbitrary<Source> = fc
  .record(
    {
      title: line,
      url,
      publisher: line,
      date: partialDate,
      tier: fc.integer({ min: 1, max: 3 }),
      archiveUrl: url,
      extra,
    },
    { requiredKeys: [] },
  )
  .filter((s) => s.title !== undefined || s.url !== undefined);

/** A valid event, optional fields present or not. */
export const event: fc.Arbitrary<Event> = fc
  .record(
    {
      date: isoDay,
      slug,
      title: line,
      summary: paragraph,
      importance: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null, freq: 5 }),
      tags: fc.uniqueArray(slug, { minLength: 1, maxLength: 5 }),
      actors: fc.uniqueArray(line, { maxLength: 5 }),
      sources: fc.array(source, { minLength: 1, maxLength: 4 }),
      status: fc.constantFrom(...EVENT_STATUSES),
      location: line,
      captureLanes: fc.uniqueArray(line, { maxLength: 3 }),
      notes: paragraph,
      formerIds: fc.uniqueArray(slug.map((s) => `2001-01-01--${s}`), { minLength: 1, maxLength: 2 }),
      extra,
    },
    { requiredKeys: ['date', 'slug', 'title', 'summary', 'importance', 'tags', 'actors', 'sources'] },
  )
  .map(({ slug: s, ...rest }) => ({ id: `${rest.date}--${s}`, ...rest }) as Event);
