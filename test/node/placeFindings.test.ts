import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringifyEvent, type Issue } from '../../src/index.js';
import { slugify } from '../../src/model/ids.js';
import { lintEvents } from '../../src/lint.js';
import { loadEvents, placeFindings } from '../../src/node/index.js';
import { CORPUS, HAS_CORPUS } from '../helpers/corpus.js';
import { makeEvent } from '../helpers/events.js';

const dir = mkdtempSync(join(tmpdir(), 'dt-place-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('placeFindings', () => {
  it('gives a finding on a field its line, and each spelling of a group its line in each file', async () => {
    const a = makeEvent({ id: '2025-11-06--a', actors: ['Nixon Administration'], sources: [{ title: 'No tier', url: 'https://www.axios.com/x' }] });
    const b = makeEvent({ id: '2025-11-07--b', date: '2025-11-07', actors: ['Nixon administration'] });
    for (const e of [a, b]) writeFileSync(join(dir, `${e.id}.md`), stringifyEvent(e));
    const { events, files } = await loadEvents(dir);
    const findings = placeFindings(lintEvents(events.map((event, i) => ({ event, file: files[i] }))));
    const lineOf = (e: typeof a, needle: string) => stringifyEvent(e).split('\n').findIndex((l) => l.includes(needle)) + 1;
    const tier = findings.find((f) => f.code === 'lint/incomplete-source' && f.file?.endsWith('--a.md'))!;
    expect(tier.line).toBe(lineOf(a, '- title: No tier'));
    const group = findings.find((f) => f.code === 'lint/actor-variant')!;
    expect(group.group!.lines).toEqual({ 'Nixon Administration': [lineOf(a, 'Nixon Administration')], 'Nixon administration': [lineOf(b, 'Nixon administration')] });
  });

  it('places each spelling on the item that holds it, from the file reader, never on a line that merely contains it', async () => {
    const sub = join(dir, 'items');
    mkdirSync(sub);
    // The id holds "tax-cuts" too: a search of the text would stop there.
    const a = makeEvent({ id: '2025-01-01--tax-cuts-extended', date: '2025-01-01', tags: ['economy', 'tax-cuts'], sources: [{ title: 'A', url: 'https://example.org/a/' }] });
    const b = makeEvent({ id: '2025-01-02--b', date: '2025-01-02', tags: ['tax-cut'], sources: [{ title: 'B', url: 'https://example.org/a' }] });
    const c = makeEvent({ id: '2025-01-03--c', date: '2025-01-03', tags: ['tax-cut'] });
    writeFileSync(join(sub, `${a.id}.md`), stringifyEvent(a));
    writeFileSync(join(sub, `${b.id}.json`), stringifyEvent(b, { format: 'json' }));
    // A legacy file: one tag as a scalar, in another spelling the reader slugs.
    writeFileSync(join(sub, `${c.id}.yaml`), stringifyEvent(c, { format: 'yaml' }).replace(/tags:\n- tax-cut\n/, 'tags: Tax Cut\n'));
    const { events, files } = await loadEvents(sub, { mode: 'lenient' });
    const findings = placeFindings(lintEvents(events.map((event, i) => ({ event, file: files[i] })), { rules: ['lint/tag-variant', 'lint/url-variant'] }));
    const lineIn = (file: string, line: number) => readFileSync(join(sub, file), 'utf8').split('\n')[line - 1];
    const tags = findings.find((f) => f.code === 'lint/tag-variant')!.group!;
    expect(tags.lines!['tax-cuts']).toEqual([stringifyEvent(a).split('\n').indexOf('- tax-cuts') + 1]);
    expect(tags.places!['tax-cut']!.map((f, k) => lineIn(f.slice(sub.length + 1), tags.lines!['tax-cut']![k]!))).toEqual(['    "tax-cut"', 'tags: Tax Cut']);
    const urls = findings.find((f) => f.code === 'lint/url-variant')!.group!;
    expect(Object.entries(urls.lines!).map(([name, lines]) => lineIn(urls.places![name]![0]!.slice(sub.length + 1), lines[0]!)!.trim())).toEqual(['"url": "https://example.org/a"', "url: 'https://example.org/a/'"]);
  });

  it('gives no line (0) to a spelling its file writes nowhere a reader finds it', () => {
    const file = join(dir, '2025-02-01--gone.md');
    writeFileSync(file, stringifyEvent(makeEvent({ id: '2025-02-01--gone', date: '2025-02-01', tags: ['other'] })));
    const issue: Issue = { severity: 'warning', code: 'lint/tag-variant', message: 'x', group: { names: ['tax-cuts'], counts: [1], canonical: 'tax-cuts', field: 'tags', places: { 'tax-cuts': [file] } } };
    const [finding] = placeFindings([issue]);
    expect(finding!.group!.lines).toEqual({ 'tax-cuts': [0] });
  });
});

describe.skipIf(!HAS_CORPUS)('placeFindings on the real corpus', () => {
  it('places every spelling of every variant group on a line that writes it', async () => {
    const { events, files } = await loadEvents(CORPUS, { mode: 'lenient', keepDuplicates: true });
    const findings = placeFindings(lintEvents(events.map((event, i) => ({ event, file: files[i] })), { rules: ['lint/tag-variant', 'lint/actor-variant', 'lint/url-variant'] }));
    const texts = new Map<string, string[]>();
    let places = 0;
    const wrong: string[] = [];
    for (const { group } of findings) {
      for (const [name, list] of Object.entries(group!.places!)) {
        list.forEach((file, k) => {
          places++;
          const line = group!.lines![name]![k]!;
          if (!texts.has(file)) texts.set(file, readFileSync(file, 'utf8').split('\n'));
          const text = texts.get(file)![line - 1] ?? '';
          // Checked apart from the locator: the line writes the value (JSON-escaped in JSON files), and is not the id.
          const writes = text.includes(name) || text.includes(JSON.stringify(name).slice(1, -1)) || (group!.field === 'tags' && slugify(text.replace(/^\s*(?:-|tags:)\s*|["',]/g, '')) === name);
          if (!line || !writes || /^\s*"?id"?\s*:/.test(text)) wrong.push(`${file}:${line} ${name}: ${text}`);
        });
      }
    }
    expect(places).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  });
});

