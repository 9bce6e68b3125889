import type { DatasetDiff } from '../diff/types.js';
import { absolute, pagePath, type SiteInfo } from './siteInfo.js';
import { escapeXml } from './xml.js';

/** A release as the site keeps it (`api/releases/VERSION.json`): its version, its day, and its changes (`changes.json`). */
export interface SiteRelease {
  version: string;
  /** The day it was released, YYYY-MM-DD. */
  date: string;
  changes: Pick<DatasetDiff, 'events'> & { from: string | null; to: string | null };
}

/** One line of the feed: what happened to which event, and the page to read. */
interface FeedEntry {
  key: string;
  title: string;
  summary: string;
  page: string;
  kind: 'added' | 'changed' | 'removed' | 'renamed' | 'merged';
}

/** Entries beyond this are left out, but every entry of the newest release is in. */
export const MAX_FEED_ENTRIES = 2_000;

function entries(release: SiteRelease): FeedEntry[] {
  const e = release.changes.events;
  const v = release.version;
  return [
    ...e.added.map((a) => ({ key: `added/${a.id}`, title: `Added: ${a.title}`, summary: `Added in version ${v}.`, page: a.id, kind: 'added' as const })),
    ...e.changed.map((c) => ({ key: `changed/${c.id}`, title: `Changed: ${c.title}`, summary: `Changed in version ${v}: ${c.fields.map((f) => f.field).join(', ')}.`, page: c.id, kind: 'changed' as const })),
    ...e.renamed.map((r) => ({ key: `renamed/${r.from}`, title: `Renamed: ${r.from} is now ${r.to}`, summary: `In version ${v} the event ${r.from} became ${r.to}; the old address leads to it.`, page: r.to, kind: 'renamed' as const })),
    ...e.merged.map((m) => ({ key: `merged/${m.into}`, title: `Merged into ${m.into}: ${m.from.join(', ')}`, summary: `In version ${v} ${m.from.join(', ')} merged into ${m.into}; the old addresses lead to it.`, page: m.into, kind: 'merged' as const })),
    ...e.removed.map((r) => ({ key: `removed/${r.id}`, title: `Removed: ${r.title}`, summary: `Removed in version ${v}, with no event replacing it.`, page: r.id, kind: 'removed' as const })),
  ];
}

/**
 * The Atom feed (RFC 4287) of what each release added, changed, renamed,
 * merged and removed, newest release first, an entry per event linking to
 * its page (a removed event's page says it was removed). Every entry of the
 * newest release is in; older releases follow while the feed holds at most
 * {@link MAX_FEED_ENTRIES} entries.
 *
 * @param releases - the releases the site knows, in any order
 * @param site - the site and the dataset
 * @returns the feed's XML
 */
export function atomFeed(releases: readonly SiteRelease[], site: SiteInfo): string {
  const sorted = [...releases].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.version.localeCompare(a.version, 'en', { numeric: true })));
  const self = absolute(site, 'feed.xml');
  const out: string[] = [];
  let count = 0;
  for (const release of sorted) {
    const list = entries(release);
    if (count && count + list.length > MAX_FEED_ENTRIES) break;
    count += list.length;
    const updated = `${release.date}T00:00:00Z`;
    for (const entry of list) {
      out.push(`<entry>
<id>${escapeXml(`${absolute(site, `api/releases/${release.version}.json`)}#${entry.key}`)}</id>
<title>${escapeXml(entry.title)}</title>
<link rel="alternate" type="text/html" href="${escapeXml(absolute(site, pagePath('event', entry.page)))}"/>
<updated>${updated}</updated>
<category term="${entry.kind}"/>
<summary>${escapeXml(entry.summary)}</summary>
</entry>`);
    }
  }
  const updated = sorted[0] ? `${sorted[0].date}T00:00:00Z` : '1970-01-01T00:00:00Z';
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${escapeXml(self)}</id>
<title>${escapeXml(`Changes to ${site.title}`)}</title>
<subtitle>What each release of the dataset added, changed, renamed, merged and removed, newest first.</subtitle>
<link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>
<link rel="alternate" type="text/html" href="${escapeXml(site.baseUrl)}"/>
<updated>${updated}</updated>
<author><name>${escapeXml(site.authors.join(', ') || site.title)}</name></author>
${site.licence?.path ? `<rights>${escapeXml(site.licence.title ?? site.licence.name ?? site.licence.path)}</rights>\n` : ''}${out.join('\n')}
</feed>
`;
}

/** At most this many addresses a sitemap file (the protocol's limit). */
export const SITEMAP_LIMIT = 50_000;

/**
 * The sitemap(s) of the site: `sitemap.xml` alone when the pages fit in
 * one, else an index of `sitemap-1.xml`, `sitemap-2.xml`, ...
 *
 * @param paths - every page's path in the site (`events/ID/`)
 * @param site - the site
 * @returns `[path, xml]` pairs
 */
export function sitemaps(paths: readonly string[], site: SiteInfo): [string, string][] {
  const urlset = (list: readonly string[]) =>
    `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${list.map((p) => `<url><loc>${escapeXml(absolute(site, p))}</loc></url>`).join('\n')}\n</urlset>\n`;
  if (paths.length <= SITEMAP_LIMIT) return [['sitemap.xml', urlset(paths)]];
  const parts: [string, string][] = [];
  for (let i = 0; i < paths.length; i += SITEMAP_LIMIT) parts.push([`sitemap-${parts.length + 1}.xml`, urlset(paths.slice(i, i + SITEMAP_LIMIT))]);
  const index = `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts.map(([p]) => `<sitemap><loc>${escapeXml(absolute(site, p))}</loc></sitemap>`).join('\n')}\n</sitemapindex>\n`;
  return [['sitemap.xml', index], ...parts];
}
