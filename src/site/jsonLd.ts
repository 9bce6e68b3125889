import type { ActorRegistry } from '../model/createActorRegistry.js';
import type { Event } from '../model/event.js';
import { dateEnd, dateStart } from '../model/edtf.js';
import { absolute, isWebLink, pagePath, type SiteInfo } from './siteInfo.js';

/**
 * The schema.org JSON-LD of an event page, for search engines and linked
 * data: an `Event` with its name, start and end days, description, address,
 * keywords (the tags), the actors it is about, and its sources as
 * `CreativeWork`s (address, title, publisher, date, archived copy) in
 * `subjectOf`; the dataset it is part of in `isPartOf`. Nothing in it is
 * markup: it is JSON, written into the page so that no text can close the
 * script element ({@link scriptJson}).
 *
 * @param event - the event
 * @param site - the site and the dataset
 * @param registry - the actor registry, for the actors' pages and Wikidata items
 * @returns the JSON-LD object
 *
 * @example
 * ```ts
 * const site = { baseUrl: 'https://example.org/', title: 'A timeline', name: 't', authors: [], sources: [] };
 * eventJsonLd(events[0], site).startDate;
 * // => '2025-11-06'
 * ```
 */
export function eventJsonLd(event: Event, site: SiteInfo, registry?: ActorRegistry): Record<string, unknown> {
  const url = absolute(site, pagePath('event', event.id));
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': url,
    url,
    name: event.title,
    startDate: dateStart(event.date),
    endDate: dateEnd(event.date),
    description: event.summary,
    ...(event.location ? { location: { '@type': 'Place', name: event.location } } : {}),
    keywords: event.tags,
    about: event.actors.map((name) => {
      const actor = registry?.resolve(name);
      const wikidata = actor?.ids?.wikidata;
      return { '@type': 'Thing', name: actor?.name ?? name, ...(actor ? { url: absolute(site, pagePath('actor', actor.id)) } : {}), ...(wikidata ? { sameAs: `https://www.wikidata.org/wiki/${wikidata}` } : {}) };
    }),
    subjectOf: event.sources.map((s) => ({
      '@type': 'CreativeWork',
      ...(isWebLink(s.url) ? { url: s.url } : {}),
      ...(s.title ? { name: s.title } : {}),
      ...(s.publisher ? { publisher: { '@type': 'Organization', name: s.publisher } } : {}),
      ...(s.date ? { datePublished: s.date } : {}),
      ...(isWebLink(s.archiveUrl) ? { archivedAt: s.archiveUrl } : {}),
    })),
    isPartOf: { '@type': 'Dataset', name: site.title, url: site.baseUrl, ...(site.version ? { version: site.version } : {}), ...(site.licence?.path ? { license: site.licence.path } : {}) },
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>`, `&`
 * and the two line separators written as `\u` escapes, so no value can end
 * the element or open a comment, and JSON parsers read it unchanged.
 *
 * @param value - the JSON value
 * @returns the script's text
 *
 * @example
 * ```ts
 * scriptJson({ name: '</script><b>' });
 * // => '{"name":"\\u003c/script\\u003e\\u003cb\\u003e"}'
 * ```
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
