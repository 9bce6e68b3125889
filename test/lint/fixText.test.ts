import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEvent, stringifyEvent } from '../../src/index.js';
import { fixText } from '../../src/lint.js';
import { event as arbitraryEvent } from '../helpers/arbitraries.js';

// A legacy file as people write them: comments, their own key order, their
// own quoting, a flow list, and legacy spellings to fix.
const LEGACY = `---
# Reviewed by the desk, 2025-11-07.
id: 2025-11-06--kazakhstan-abraham-accords-announcement
date: 2025-11-06   # the day it was announced
importance: 7
title: "Trump Announces Kazakhstan Joining Abraham Accords"
status: Validated
tags: [Foreign-Policy, foreign-policy, middle-east]
actors:
  - Donald Trump
sources:
  - title: 'Kazakhstan to join Abraham Accords'
    url: https://www.axios.com/2025/11/06/x
    outlet: Axios   # check the date
    type: news
  - title: A book
    url: ''
location:
reviewer: desk
---

Kazakhstan would join the Abraham Accords.
`;

describe('fixText, keeping the file as written', () => {
  const fixed = fixText(LEGACY, { file: '2025-11-06--kazakhstan-abraham-accords-announcement.md' });

  it('changes only the lines of what it fixes', () => {
    expect(fixed.rewritten).toBe(false);
    expect(fixed.text).toBe(`---
# Reviewed by the desk, 2025-11-07.
id: 2025-11-06--kazakhstan-abraham-accords-announcement
date: 2025-11-06   # the day it was announced
importance: 7
title: "Trump Announces Kazakhstan Joining Abraham Accords"
status: confirmed
tags: [foreign-policy, middle-east]
actors:
  - Donald Trump
sources:
  - title: 'Kazakhstan to join Abraham Accords'
    url: https://www.axios.com/2025/11/06/x
    publisher: Axios   # check the date
    extra:
      type: news
  - title: A book
extra:
  reviewer: desk
---

Kazakhstan would join the Abraham Accords.
`);
  });

  it('says where each edit is, what it fixes, and the text before and after', () => {
    expect(fixed.edits.map(({ line, column, rule, path, old, new: next }) => ({ line, column, rule, path, old, new: next }))).toEqual([
      { line: 7, column: 1, rule: 'legacy/status', path: 'status', old: 'status: Validated', new: 'status: confirmed' },
      { line: 8, column: 1, rule: 'legacy/tag-format', path: 'tags', old: 'tags: [Foreign-Policy, foreign-policy, middle-east]', new: 'tags: [foreign-policy, middle-east]' },
      { line: 14, column: 5, rule: 'legacy/outlet', path: 'sources[0].outlet', old: '    outlet: Axios   # check the date', new: '    publisher: Axios   # check the date' },
      { line: 15, column: 5, rule: 'legacy/extra-key', path: 'sources[0].type', old: '    type: news', new: '' },
      { line: 16, column: 5, rule: 'legacy/extra-key', path: 'sources[0].extra', old: '', new: '    extra:\n      type: news' },
      { line: 17, column: 5, rule: 'legacy/empty-value', path: 'sources[1].url', old: "    url: ''", new: '' },
      { line: 18, column: 1, rule: 'legacy/empty-value', path: 'location', old: 'location:', new: '' },
      { line: 19, column: 1, rule: 'legacy/extra-key', path: 'reviewer', old: 'reviewer: desk', new: '' },
      { line: 20, column: 1, rule: 'legacy/extra-key', path: 'extra', old: '', new: 'extra:\n  reviewer: desk' },
    ]);
  });

  it('means exactly what the canonical layout means, reads strictly, and needs no second fix', () => {
    const canonical = fixText(LEGACY, { file: 'x.md', layout: 'canonical' });
    expect(canonical.rewritten).toBe(true);
    expect(parseEvent(fixed.text, { mode: 'strict' }).event).toEqual(parseEvent(canonical.text, { mode: 'strict' }).event);
    expect(parseEvent(fixed.text, { mode: 'strict' }).issues).toEqual([]);
    const again = fixText(fixed.text, { file: 'x.md' });
    expect(again).toMatchObject({ changed: false, edits: [] });
  });

  it('keeps CRLF line endings, repairs mojibake in the body alone, and leaves a clean file alone', () => {
    const crlf = LEGACY.replace('would join', 'would joinâ€”soon').replace(/\n/g, '\r\n');
    const out = fixText(crlf, { file: 'x.md' });
    expect(out.text.split('\r\n').length).toBe(out.text.split('\n').length);
    expect(out.text).toContain('would join—soon');
    expect(out.edits.find((e) => e.path === 'summary')).toMatchObject({ rule: 'lint/mojibake', old: 'Kazakhstan would joinâ€”soon the Abraham Accords.' });
    fc.assert(
      fc.property(arbitraryEvent, (e) => {
        const text = stringifyEvent(e);
        expect(fixText(text, { file: `${e.id}.md` })).toMatchObject({ changed: false, edits: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('edits JSON in place too: key order, indentation and one-line objects kept', () => {
    const event = parseEvent(fixed.text).event!;
    const { summary, ...rest } = event;
    const sources = event.sources.map(({ publisher: _, ...x }) => ({ ...x, outlet: 'O' }));
    const json = `${JSON.stringify({ summary, ...rest, status: 'Validated', sources }, null, 4)}\n`;
    const out = fixText(json, { file: 'x.json' });
    expect(out).toMatchObject({ changed: true, rewritten: false, errors: [] });
    const lines = (t: string) => t.split('\n');
    // Only the fixed members' lines differ, each in place; the first key stays first.
    expect(lines(out.text)).toHaveLength(lines(json).length);
    expect(lines(out.text).filter((l, i) => l !== lines(json)[i])).toEqual(['            "publisher": "O"', '            "publisher": "O"', '    "status": "confirmed",']);
    expect(out.text.indexOf('"summary"')).toBeLessThan(out.text.indexOf('"id"'));
    expect(parseEvent(out.text, { format: 'json', mode: 'strict' }).issues).toEqual([]);
  });

  it('edits any JSON layout in place to exactly the fixed event: a legacy key renamed, a status read, nothing else touched', () => {
    fc.assert(
      fc.property(arbitraryEvent, fc.constantFrom<string | number | undefined>(undefined, 2, 4, '\t'), (e, indent) => {
        const file = { ...JSON.parse(stringifyEvent(e, { format: 'json' })), status: 'Validated' };
        if (file.sources[0]?.publisher !== undefined) {
          const { publisher, ...rest } = file.sources[0];
          file.sources[0] = { ...rest, outlet: publisher };
        }
        const text = JSON.stringify(file, null, indent);
        const out = fixText(text, { file: `${e.id}.json` });
        expect(out).toMatchObject({ changed: true, rewritten: false, errors: [] });
        expect(parseEvent(out.text, { format: 'json', mode: 'strict' }).event).toEqual({ ...e, status: 'confirmed' });
        expect(out.text.split('\n')).toHaveLength(text.split('\n').length);
        expect(fixText(out.text, { file: `${e.id}.json` })).toMatchObject({ changed: false });
      }),
      { numRuns: 200 },
    );
  });

  it('leaves alone, and says why, a file it cannot edit line by line, unless asked for the canonical layout', () => {
    const flow = `---\n{ id: 2025-11-06--x, date: 2025-11-06, title: T, importance: 5, tags: [a], actors: [], sources: [{ title: S, url: 'https://e.org', outlet: O }] }\n---\n\nBody.\n`;
    const kept = fixText(flow, { file: '2025-11-06--x.md' });
    expect(kept).toMatchObject({ changed: false, text: flow });
    expect(kept.errors.map((e) => e.code)).toEqual(['fix/not-in-place']);
    const out = fixText(flow, { file: '2025-11-06--x.md', layout: 'canonical' });
    expect(out).toMatchObject({ changed: true, rewritten: true });
    expect(parseEvent(out.text, { mode: 'strict' }).issues).toEqual([]);
  });

  it('never rewrites a file that gives a key twice, in any layout: the values the reader dropped would be lost', () => {
    const twice = fixed.text.replace('title:', 'title: First\ntitle:');
    for (const layout of ['keep', 'canonical'] as const) {
      const out = fixText(twice, { file: '2025-11-06--x.md', layout });
      expect(out).toMatchObject({ changed: false, text: twice });
      expect(out.errors).toEqual([expect.objectContaining({ code: 'fix/repeated-key', path: 'title', line: twice.split('\n').lastIndexOf(twice.split('\n').find((l) => l.startsWith('title:') && !l.includes('First'))!) + 1 })]);
    }
    const json = stringifyEvent(parseEvent(fixed.text).event!, { format: 'json' }).replace('"sources": [', '"sources": [{ "title": "A", "outlet": "X" }],\n  "sources": [');
    expect(fixText(json, { file: 'x.json' }).errors).toEqual([expect.objectContaining({ code: 'fix/repeated-key', path: 'sources' })]);
  });
});
