import type { ActorRegistry } from '../model/createActorRegistry.js';
import type { Event } from '../model/event.js';
import { dateStart } from '../model/edtf.js';
import { escapeHtml } from '../format/html.js';
import { markdownToHtml } from '../format/markdown.js';
import { readableDate } from '../format/readableDate.js';
import { citationLine, cslItem, toBibTeX } from './citation.js';
import { eventJsonLd, scriptJson } from './jsonLd.js';
import { page } from './layout.js';
import { isWebLink, pageFile, pagePath, rootFrom, type SiteInfo } from './siteInfo.js';

/** The events before and after an event, by date. */
export interface Neighbours {
  previous?: Pick<Event, 'id' | 'title'>;
  next?: Pick<Event, 'id' | 'title'>;
}

const link = (url: string, text: string) => `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${text}</a>`;
const dataUrl = (type: string, text: string) => `data:${type};charset=utf-8,${encodeURIComponent(text)}`;

/** The event's sources: a link out where the source has an http(s) address, its publisher, date, tier and archived copy. */
function sources(event: Event): string {
  if (!event.sources.length) return '<p>No sources given.</p>';
  const items = event.sources.map((s) => {
    const label = escapeHtml(s.title ?? s.url ?? 'A source with no title');
    const more = [s.publisher && escapeHtml(s.publisher), s.date && `published ${escapeHtml(readableDate(s.date))}`, s.tier !== undefined && s.tier !== null && `tier ${s.tier}`].filter(Boolean).join(', ');
    const archive = isWebLink(s.archiveUrl) ? ` (${link(s.archiveUrl, `archived copy of ${label}`)})` : '';
    return `<li>${isWebLink(s.url) ? link(s.url, label) : label}${more ? ` <span class="meta">— ${more}</span>` : ''}${archive}</li>`;
  });
  return `<ol class="sources">${items.join('')}</ol>`;
}

/**
 * An event's page, `events/ID/index.html`: title, the date as written and
 * as read, importance, the summary (the safe Markdown subset), tags and
 * actors linking to their pages, every source, a citation (a line, and
 * CSL-JSON and BibTeX to copy or download), a link to report a correction,
 * the previous and next events by date, and schema.org JSON-LD. Every text
 * is escaped; it reads whole with JavaScript off.
 *
 * @param event - the event
 * @param site - the site and the dataset
 * @param neighbours - the events before and after it
 * @param registry - the actor registry, for the actors' pages and names
 * @param hasPage - whether a tag or an actor id has a page (a name that cannot be a folder has none): default, all do
 * @returns the HTML document
 */
export function eventPage(event: Event, site: SiteInfo, neighbours: Neighbours, registry: ActorRegistry, hasPage: (name: string) => boolean = () => true): string {
  const path = pageFile('event', event.id);
  const root = rootFrom(path);
  const item = cslItem(event, site);
  const csl = `${JSON.stringify([item], null, 2)}\n`;
  const bib = toBibTeX(item);
  const actors = event.actors.map((name) => {
    const actor = registry.resolve(name);
    return `<li>${actor && hasPage(actor.id) ? `<a href="${root}${pagePath('actor', actor.id)}">${escapeHtml(actor.name)}</a>` : escapeHtml(name)}</li>`;
  });
  const importance = event.importance === null || event.importance === undefined ? 'not rated' : `${event.importance} of 10`;
  const correction = site.correctionsUrl && site.correctionsUrl.replaceAll('{id}', encodeURIComponent(event.id)).replaceAll('{title}', encodeURIComponent(event.title));
  const nav = [
    neighbours.previous && `<a rel="prev" href="${root}${pagePath('event', neighbours.previous.id)}">Previous event: ${escapeHtml(neighbours.previous.title)}</a>`,
    neighbours.next && `<a rel="next" href="${root}${pagePath('event', neighbours.next.id)}">Next event: ${escapeHtml(neighbours.next.title)}</a>`,
  ].filter(Boolean);
  const main = `<article>
<h1>${escapeHtml(event.title)}</h1>
<p class="when"><time datetime="${escapeHtml(dateStart(event.date))}">${escapeHtml(readableDate(event.date))}</time> <span class="meta">(${escapeHtml(event.date)})</span> · Importance: ${importance}${event.status ? ` · Status: ${escapeHtml(event.status)}` : ''}${event.location ? ` · ${escapeHtml(event.location)}` : ''}</p>
<div class="summary">${markdownToHtml(event.summary)}</div>
<h2>Sources</h2>
${sources(event)}
<h2>Tags</h2>
${event.tags.length ? `<ul class="chips">${event.tags.map((t) => `<li>${hasPage(t) ? `<a href="${root}${pagePath('tag', t)}">${escapeHtml(t)}</a>` : escapeHtml(t)}</li>`).join('')}</ul>` : '<p>None.</p>'}
<h2>Actors</h2>
${actors.length ? `<ul class="chips">${actors.join('')}</ul>` : '<p>None.</p>'}
<h2>Cite this event</h2>
<p class="citation">${escapeHtml(citationLine(item))}</p>
<details><summary>CSL-JSON (Zotero, pandoc)</summary><pre>${escapeHtml(csl)}</pre></details>
<details><summary>BibTeX (biblatex)</summary><pre>${escapeHtml(bib)}</pre></details>
<p><a href="${dataUrl('application/vnd.citationstyles.csl+json', csl)}" download="${escapeHtml(event.id)}.json">Download the CSL-JSON citation of this event</a> · <a href="${dataUrl('application/x-bibtex', bib)}" download="${escapeHtml(event.id)}.bib">Download the BibTeX citation of this event</a> · <a href="${root}api/events/${escapeHtml(event.id)}.json">This event as JSON</a></p>
<p class="meta">Event id: <code>${escapeHtml(event.id)}</code>${event.formerIds?.length ? `; formerly ${event.formerIds.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ')}` : ''}.</p>
${correction && isWebLink(correction) ? `<p>${link(correction, 'Report a correction to this event')}</p>` : ''}
</article>
${nav.length ? `<nav class="pager" aria-label="Previous and next events">${nav.join('\n')}</nav>` : ''}`;
  return page(site, {
    path,
    title: event.title,
    canonical: pagePath('event', event.id),
    description: `${readableDate(event.date)}: ${event.title}`,
    head: `<script type="application/ld+json">${scriptJson(eventJsonLd(event, site, registry))}</script>\n`,
    main,
  });
}
