import { describe, expect, it } from 'vitest';
import { addArchiveUrl, checkEventLinks, sourceLinks, summarizeLinks } from '../../src/node/links/links.js';
import { parseEvent } from '../../src/index.js';
import { makeEvent } from '../helpers/events.js';

const MD = `---
id: 2024-01-01--x
date: 2024-01-01
title: T
importance: 3
tags: [courts]
actors: []
sources:
  - title: A   # first
    url: https://a.org/1
  - title: B
    url: https://b.org/2
    publisher: B

  # trailing comment
---

Body.
`;

describe('addArchiveUrl', () => {
  it('adds one line to the right source and nothing else, in Markdown and YAML, LF and CRLF', () => {
    const out = addArchiveUrl(MD, 'x.md', 1, 'https://web.archive.org/web/2024/https://b.org/2')!;
    expect(out.split('\n').filter((l) => !MD.split('\n').includes(l))).toEqual(["    archive_url: 'https://web.archive.org/web/2024/https://b.org/2'"]);
    expect(out.indexOf('archive_url')).toBeLessThan(out.indexOf('# trailing comment'));
    expect(parseEvent(out, { mode: 'lenient' }).event!.sources[1]!.archiveUrl).toBe('https://web.archive.org/web/2024/https://b.org/2');
    const first = addArchiveUrl(MD, 'x.md', 0, 'https://archive.ph/abc')!;
    expect(first).toContain("    url: https://a.org/1\n    archive_url: 'https://archive.ph/abc'\n  - title: B");
    const crlf = addArchiveUrl(MD.replace(/\n/g, '\r\n'), 'x.md', 0, 'https://archive.ph/abc')!;
    expect(crlf).toBe(first.replace(/\n/g, '\r\n'));
    const yaml = MD.split('---\n')[1]!;
    expect(addArchiveUrl(`${yaml}summary: S\n`, 'x.yaml', 0, 'https://archive.ph/abc')).toContain("archive_url: 'https://archive.ph/abc'\n");
  });

  it('keeps every line ending as it was in a file that mixes LF and CRLF', () => {
    // CRLF on the front matter's odd lines only: the added line ends as the line before it.
    const mixed = MD.split('\n').map((line, i, all) => (i < all.length - 1 && i % 2 ? `${line}\r` : line)).join('\n');
    const out = addArchiveUrl(mixed, 'x.md', 0, 'https://archive.ph/abc')!;
    const added = out.split('\n').findIndex((l) => l.includes('archive_url'));
    const before = out.split('\n')[added - 1]!;
    expect(out.split('\n').filter((_, i) => i !== added)).toEqual(mixed.split('\n'));
    expect(out.split('\n')[added]!.endsWith('\r')).toBe(before.endsWith('\r'));
  });

  it('leaves alone what it cannot edit in place: JSON, flow style, an archived source, a source that is not there', () => {
    expect(addArchiveUrl('{}', 'x.json', 0, 'https://archive.ph/a')).toBeUndefined();
    expect(addArchiveUrl(MD.replace(/sources:[\s\S]*?\n---/, 'sources: [{ title: A, url: "https://a.org/1" }]\n---'), 'x.md', 0, 'https://archive.ph/a')).toBeUndefined();
    const archived = addArchiveUrl(MD, 'x.md', 0, 'https://archive.ph/a')!;
    expect(addArchiveUrl(archived, 'x.md', 0, 'https://archive.ph/b')).toBeUndefined();
    expect(addArchiveUrl(MD, 'x.md', 5, 'https://archive.ph/a')).toBeUndefined();
  });
});

describe('sourceLinks and summarizeLinks', () => {
  it('lists each url and archive link with its place, and counts by status and publisher', () => {
    const e = makeEvent({ sources: [{ title: 'A', url: 'https://a.org/', publisher: 'P', archiveUrl: 'https://archive.ph/x' }, { title: 'Book' }] });
    const links = sourceLinks([e], ['f.md']);
    expect(links.map((l) => [l.key, l.url, l.source, l.archived])).toEqual([
      ['url', 'https://a.org/', 0, true],
      ['archive_url', 'https://archive.ph/x', 0, true],
    ]);
    const results = new Map([
      ['https://a.org/', { url: 'https://a.org/', status: 'dead' as const, attempts: 2, checkedAt: '' }],
      ['https://archive.ph/x', { url: 'https://archive.ph/x', status: 'ok' as const, attempts: 1, checkedAt: '' }],
    ]);
    expect(summarizeLinks(links, results)).toEqual({ byStatus: { dead: 1, ok: 1 }, byPublisher: [{ publisher: 'P', links: 2, problems: { dead: 1 } }] });
  });
});

describe('checkEventLinks', () => {
  it('says how many links it did not ask an archive about when the run is stopped', async () => {
    const events = [makeEvent({ sources: [{ title: 'A', url: 'https://a.example/' }, { title: 'B', url: 'https://b.example/', archiveUrl: 'https://archive.ph/b' }, { title: 'C', url: 'mailto:x@example.org' as never }] })];
    const controller = new AbortController();
    controller.abort();
    const result = await checkEventLinks(events, ['f.md'], { signal: controller.signal, archiveEndpoint: 'http://127.0.0.1:9/wayback' });
    expect(result.complete).toBe(false);
    // a.example: unarchived and not known to be uncheckable; b is archived.
    expect([result.suggestions, result.notAsked]).toEqual([[], 1]);
  });
});
