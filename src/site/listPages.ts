import type { Event } from '../model/event.js';
import { dateStart } from '../model/edtf.js';
import { escapeHtml } from '../format/html.js';
import { readableDate } from '../format/readableDate.js';
import { page } from './layout.js';
import { apiPath, pageFile, pagePath, rootFrom, SECTIONS, type Section, type SiteInfo } from './siteInfo.js';

/** One line of a list: the date and the title, linking to the event's page. */
export function eventItem(event: Pick<Event, 'id' | 'date' | 'title'>, root: string): string {
  return `<li><time datetime="${escapeHtml(dateStart(event.date))}">${escapeHtml(readableDate(event.date))}</time><a href="${root}${pagePath('event', event.id)}">${escapeHtml(event.title)}</a></li>`;
}

const NOUNS: Record<Exclude<Section, 'event'>, string> = { tag: 'tag', actor: 'actor', year: 'year' };

/**
 * The page of one tag, actor or year, `tags/NAME/index.html`: its events,
 * newest first, each linking to its page; and the slice's JSON file.
 *
 * @param section - tag, actor or year
 * @param name - the folder's name (the tag, the actor's registry id, the year)
 * @param label - what the page is called (the actor's name)
 * @param events - its events, oldest first (as the dataset sorts them)
 * @param site - the site and the dataset
 * @returns the HTML document
 */
export function slicePage(section: Exclude<Section, 'event'>, name: string, label: string, events: readonly Pick<Event, 'id' | 'date' | 'title'>[], site: SiteInfo): string {
  const path = pageFile(section, name);
  const root = rootFrom(path);
  const title = section === 'year' ? `Events of ${label}` : section === 'tag' ? `Events tagged ${label}` : `Events naming ${label}`;
  const items: string[] = [];
  for (let i = events.length - 1; i >= 0; i--) items.push(eventItem(events[i]!, root));
  const main = `<h1>${escapeHtml(title)}</h1>
<p>${events.length.toLocaleString('en-US')} ${events.length === 1 ? 'event' : 'events'}, newest first. <a href="${root}${apiPath(section, name)}">These events as JSON</a> · <a href="${root}${SECTIONS[section]}/">Every ${NOUNS[section]}</a></p>
<ol class="events">
${items.join('\n')}
</ol>`;
  return page(site, { path, title, canonical: pagePath(section, name), main, description: `${title}: ${events.length} events.` });
}

/**
 * The index of every tag, actor or year, `tags/index.html`, with its
 * number of events.
 *
 * @param section - tag, actor or year
 * @param rows - each folder's name, label and count, in the order to show
 * @param site - the site and the dataset
 * @returns the HTML document
 */
export function sectionIndex(section: Exclude<Section, 'event'>, rows: readonly { name: string; label: string; count: number }[], site: SiteInfo): string {
  const path = `${SECTIONS[section]}/index.html`;
  const title = section === 'year' ? 'Events by year' : section === 'tag' ? 'Events by tag' : 'Events by actor';
  const main = `<h1>${title}</h1>
<table>
<thead><tr><th scope="col">${section === 'year' ? 'Year' : section === 'tag' ? 'Tag' : 'Actor'}</th><th scope="col" class="n">Events</th></tr></thead>
<tbody>
${rows.map((r) => `<tr><td><a href="${encodeURIComponent(r.name)}/">${escapeHtml(r.label)}</a></td><td class="n">${r.count}</td></tr>`).join('\n')}
</tbody>
</table>`;
  return page(site, { path, title, canonical: `${SECTIONS[section]}/`, main });
}
