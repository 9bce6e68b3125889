import { escapeHtml } from '../format/html.js';
import { page } from './layout.js';
import { absolute, pageFile, pagePath, rootFrom, type SiteInfo } from './siteInfo.js';

/**
 * The page left at an old event address (a former id, or a tombstone with
 * `replacedBy`): it sends the reader on at once (a meta refresh), names the
 * new address as canonical, and shows a link for readers and tools that do
 * not follow the refresh.
 *
 * @param oldId - the id the address was made from
 * @param newId - the event that holds it now
 * @param title - that event's title
 * @param site - the site and the dataset
 * @returns the HTML document
 */
export function movedPage(oldId: string, newId: string, title: string, site: SiteInfo): string {
  const path = pageFile('event', oldId);
  const target = `${rootFrom(path)}${pagePath('event', newId)}`;
  return page(site, {
    path,
    title: `Moved: ${title}`,
    canonical: pagePath('event', newId),
    head: `<meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">\n<meta name="robots" content="noindex">\n`,
    main: `<h1>This event has a new address</h1>
<p class="notice">The event once at <code>${escapeHtml(oldId)}</code> is now <a href="${escapeHtml(target)}">${escapeHtml(title)}</a> (<code>${escapeHtml(newId)}</code>). Its new address is <code>${escapeHtml(absolute(site, pagePath('event', newId)))}</code>.</p>`,
  });
}

/**
 * The page left at the address of an event removed with no replacement:
 * when it was removed, and where to look instead.
 *
 * @param id - the removed id
 * @param removedIn - the version of the data it left in
 * @param site - the site and the dataset
 * @param release - what the site knows of that release: the event's title then, and whether its changes are in the API
 * @returns the HTML document
 */
export function removedPage(id: string, removedIn: string, site: SiteInfo, release: { title?: string; listed: boolean }): string {
  const path = pageFile('event', id);
  const root = rootFrom(path);
  return page(site, {
    path,
    title: `Removed: ${id}`,
    canonical: pagePath('event', id),
    head: '<meta name="robots" content="noindex">\n',
    main: `<h1>This event was removed</h1>
<p class="notice">The event <code>${escapeHtml(id)}</code>${release.title ? ` (“${escapeHtml(release.title)}”)` : ''} was removed from the dataset in version ${escapeHtml(removedIn)}, with no event replacing it: it was withdrawn, not renamed or merged into another.${release.listed ? ` <a href="${root}api/releases/${encodeURIComponent(removedIn)}.json">The changes of version ${escapeHtml(removedIn)}</a> list it.` : ''} <a href="${root}feed.xml">The feed of changes</a> says what each release did.</p>
<p><a href="${root}">Explore the events of the dataset</a></p>`,
  });
}
