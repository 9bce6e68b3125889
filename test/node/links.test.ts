import { describe, expect, it } from 'vitest';
import { checkEventLinks, sourceLinks, summarizeLinks } from '../../src/node/links/links.js';
import { parseEvent } from '../../src/index.js';
import { makeEvent } from '../helpers/events.js';


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
