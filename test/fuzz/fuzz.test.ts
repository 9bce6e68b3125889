// Random bytes, random YAML and random queries, thrown at the readers and
// the query engine within a time budget: nothing throws, nothing hangs, time
// grows with the input's size, and timeline.query equals filterEvents. The
// largest input of each kind and its time are printed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createTimeline, filterEvents, parseEvent, stringifyEvent, type Event, type EventQuery } from '../../src/index.js';
import { loadEvents } from '../../src/node/index.js';
import { event as arbitraryEvent } from '../helpers/arbitraries.js';
import { growth, LINEAR } from '../helpers/growth.js';

const BUDGET_MS = 8_000;
const largest: Record<string, { size: number; ms: number }> = {};
const note = (kind: string, size: number, ms: number) => {
  if (!largest[kind] || size > largest[kind]!.size) largest[kind] = { size, ms };
};
afterAll(() => {
  for (const [kind, { size, ms }] of Object.entries(largest)) console.log(`fuzz: largest ${kind}: ${size.toLocaleString('en-US')} characters in ${ms.toFixed(1)} ms`);
});

/** Parses a text, asserting it returns (never throws) and records its time. */
function parseTimed(kind: string, text: string, options: Parameters<typeof parseEvent>[1] = {}) {
  const started = performance.now();
  const result = parseEvent(text, { maxLength: 4 * 1024 * 1024, ...options });
  note(kind, text.length, performance.now() - started);
  expect(Array.isArray(result.issues)).toBe(true);
  return result;
}

// Pieces that stress a YAML reader: indentation, flow, anchors, aliases,
// tags, block scalars, keys that reach prototypes, numbers, dates, fences.
const yamlPiece = fc.constantFrom(
  'id: x', 'date: 2025-02-30', "title: 'T'", 'importance: 5', 'tags: [a, b]', '- item', '  - nested', 'a: &x [1, 2]', 'b: *x', 'c: !!js/function f',
  'summary: |', '  block', '__proto__: {polluted: 1}', 'constructor:', '  prototype: {}', '---', '----', '--- # c', '...', '"quoted": "v"', "'single': 'v'",
  '? complex', ': value', '{a: [b, {c: d}]}', '[[[[[]]]]]', 'x: 01234', 'y: 1e400', 'z: 12345678901234567890', '#comment', '', '  ', '\t', 'k: v # c', 'sources:',
  '- title: S', '  url: https://example.org/x', '  url: javascript:alert(1)', 'status: Validated', '\u202e', '\u0000', '\ufffd',
);
const yamlText = fc.array(yamlPiece, { maxLength: 2000, size: 'max' }).map((lines) => lines.join('\n'));

describe('fuzz: the readers', () => {
  it('never throw on random bytes, in any format and mode', () => {
    const started = performance.now();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 65_536, size: 'max' }), fc.constantFrom('md', 'yaml', 'json'), fc.constantFrom('strict', 'lenient'), (bytes, format, mode) => {
        parseTimed('random bytes', Buffer.from(bytes).toString('utf8'), { format: format as 'md', mode: mode as 'strict' });
      }),
      { numRuns: 400, interruptAfterTimeLimit: BUDGET_MS },
    );
    expect(performance.now() - started).toBeLessThan(BUDGET_MS * 2);
  });

  it('never throw on random YAML front matter, and never let a key reach a prototype', () => {
    fc.assert(
      fc.property(yamlText, fc.string({ maxLength: 200 }), fc.constantFrom('strict', 'lenient'), (front, body, mode) => {
        parseTimed('random YAML', `---\n${front}\n---\n${body}`, { mode: mode as 'strict' });
        parseTimed('random YAML', front, { format: 'yaml', mode: mode as 'strict' });
        expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
      }),
      { numRuns: 500, interruptAfterTimeLimit: BUDGET_MS },
    );
  });

  it('take time linear in the size: each input shape at 1x and 8x', () => {
    const shapes: Record<string, (n: number) => string> = {
      'blank lines in front matter': (n) => `---\n${'\n'.repeat(n)}id: x\n---\nbody`,
      'spaces before a newline in a title': (n) => `---\ntitle: "${' '.repeat(n)}x\\ny"\n---\nbody`,
      'unknown keys': (n) => `---\n${Array.from({ length: n / 20 }, (_, i) => `k${i}: v`).join('\n')}\n---\nbody`,
      'bad tags': (n) => `---\ntags:\n${Array.from({ length: n / 20 }, (_, i) => `- Bad_${i}`).join('\n')}\n---\nbody`,
      'deep flow nesting': (n) => `---\ntags: ${'['.repeat(n / 2)}${']'.repeat(n / 2)}\n---\nbody`,
      'many dashes': (n) => `---\nid: x\n${'-'.repeat(n)}\n---\nbody`,
      'one long line': (n) => `---\ntitle: ${'a'.repeat(n)}\n---\nbody`,
    };
    for (const [kind, make] of Object.entries(shapes)) {
      // Linear is 8x; a quadratic path would be 64x.
      expect(growth((n) => parseTimed(kind, make(n), { mode: 'lenient' }), 64_000), kind).toBeLessThan(LINEAR);
    }
  });

  it('loadEvents never throws on a folder of random files, and accounts for each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-fuzz-'));
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('md', 'yaml', 'json'), fc.oneof(yamlText, fc.string({ maxLength: 500 }))), { minLength: 1, maxLength: 12 }), async (files) => {
          const folder = join(dir, String(Math.random()).slice(2));
          mkdirSync(folder);
          files.forEach(([ext, text], i) => writeFileSync(join(folder, `f${i}.${ext}`), text));
          const { counts } = await loadEvents(folder, { mode: 'lenient' });
          expect(counts.files).toBe(files.length);
          expect(counts.events + counts.refused + counts.notRead + counts.duplicates).toBe(files.length);
        }),
        { numRuns: 60, interruptAfterTimeLimit: BUDGET_MS },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fuzz: the query engine', () => {
  const word = fc.constantFrom('accord', 'court', 'élysée', 'trump', 'the', 'a', 'zz', 'Kazakh');
  const tag = fc.constantFrom('a', 'b', 'courts', 'media', 'foreign-policy');
  const query: fc.Arbitrary<EventQuery> = fc.record(
    {
      from: fc.constantFrom('1900', '2000-01', '2024-06-15', '2099'),
      to: fc.constantFrom('1950', '2010-12', '2025-02-28', '2099-12-31'),
      tags: fc.oneof(tag, fc.array(tag, { maxLength: 3 }), fc.record({ any: fc.array(tag, { maxLength: 2 }), all: fc.array(tag, { maxLength: 2 }), none: fc.array(tag, { maxLength: 2 }) })),
      minImportance: fc.integer({ min: 0, max: 11 }),
      maxImportance: fc.integer({ min: 0, max: 11 }),
      text: fc.array(word, { maxLength: 300 }).map((w) => w.join(' ')),
      sort: fc.constantFrom('date', '-date', '-importance'),
      offset: fc.integer({ min: 0, max: 5 }),
      limit: fc.integer({ min: 0, max: 20 }),
    },
    { requiredKeys: [] },
  );

  it('gives exactly what filterEvents gives, for random events and random queries', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 40 }), fc.array(query, { minLength: 1, maxLength: 10 }), (events: Event[], queries) => {
        const timeline = createTimeline(events);
        for (const q of queries) expect(timeline.query(q)).toEqual(filterEvents(events, q));
      }),
      { numRuns: 150, interruptAfterTimeLimit: BUDGET_MS },
    );
  });

  it('round-trips what it reads: random events written and read back', () => {
    fc.assert(
      fc.property(arbitraryEvent, (event) => {
        expect(parseEvent(stringifyEvent(event)).event).toEqual(event);
      }),
      { numRuns: 200, interruptAfterTimeLimit: BUDGET_MS },
    );
  });
});
