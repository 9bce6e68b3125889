import { describe, expect, it } from 'vitest';
import { addArchiveUrl } from '../../src/lint/addArchiveUrl.js';
import { parseEvent } from '../../src/index.js';

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
