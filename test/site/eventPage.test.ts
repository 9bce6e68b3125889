import { describe, expect, it } from 'vitest';
import { createActorRegistry } from '../../src/index.js';
import { eventPage } from '../../src/site/eventPage.js';
import type { SiteInfo } from '../../src/site/siteInfo.js';
import { makeEvent, trickyEvent } from '../helpers/events.js';

const SITE: SiteInfo = { baseUrl: 'https://example.org/t/', title: 'A <b>timeline</b>', name: 't', authors: ['Ann "A" Lee'], sources: [], correctionsUrl: 'https://example.org/issues/new?title={id}&body={title}' };

describe('eventPage', () => {
  it('escapes every text, links out only to http(s), and keeps the JSON-LD inside its script', () => {
    const hostile = {
      ...trickyEvent,
      summary: 'See [this](javascript:alert(1)) and <img src=x onerror=alert(1)> </script><script>alert(2)</script>',
      tags: ['a-tag'],
      sources: [
        { title: '<b>bold</b>', url: 'javascript:alert(3)' },
        { title: 'Fine', url: 'https://example.org/ok?a=1&b=2', archiveUrl: 'data:text/html,<script>alert(4)</script>' },
      ],
    };
    const html = eventPage(hostile as never, SITE, {}, createActorRegistry([]));
    expect(html).not.toMatch(/<script>alert|<img|<b>bold/);
    // Every link: out to http(s), within the site, the page's own citations, the skip link, the empty icon.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.filter((h) => !/^(https?:\/\/|\.\.\/|#main$|data:,$|data:application\/(vnd\.citationstyles\.csl\+json|x-bibtex);)/.test(h))).toEqual([]);
    expect(hrefs.some((h) => h.includes('javascript') || h.startsWith('data:text'))).toBe(false);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="https://example.org/ok?a=1&amp;b=2" rel="noopener noreferrer">Fine</a>');
    // Exactly one script element, the JSON-LD, whose text no value ends.
    expect(html.match(/<script/g)).toHaveLength(1);
    const script = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(script).name).toBe(hostile.title);
    // The correction link carries the id and the title, encoded.
    expect(html).toContain(`href="https://example.org/issues/new?title=${encodeURIComponent(hostile.id)}&amp;body=${encodeURIComponent(hostile.title).replace(/'/g, '&#39;')}"`);
  });

  it('reads with its structure: one h1, the date as read, the tags and actors linking to their pages', () => {
    const event = makeEvent({ date: '2025-03', tags: ['courts'], actors: ['Donald Trump'] });
    const registry = createActorRegistry([{ id: 'donald-trump', name: 'Donald Trump', aliases: [], kind: 'person' }]);
    const html = eventPage(event, SITE, { next: { id: '2025-12-01--next', title: 'The next one' } }, registry);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<time datetime="2025-03-01">March 2025</time>');
    expect(html).toContain('<a href="../../tags/courts/">courts</a>');
    expect(html).toContain('<a href="../../actors/donald-trump/">Donald Trump</a>');
    expect(html).toContain('<a rel="next" href="../../events/2025-12-01--next/">Next event: The next one</a>');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<main id="main">');
  });
});
