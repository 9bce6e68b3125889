import type { Event } from '../model/event.js';
import { parseDate } from '../model/edtf.js';
import { readableDate } from '../format/readableDate.js';
import { absolute, pagePath, type SiteInfo } from './siteInfo.js';

/** A CSL-JSON item: what citation managers (Zotero, pandoc's citeproc) read. */
export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  author?: { literal: string }[];
  publisher: string;
  URL: string;
  version?: string;
  'event-date'?: { 'date-parts': number[][] };
  note: string;
}

/** The event's day, month or year as CSL date parts (a range: both ends). */
function dateParts(written: string): number[][] | undefined {
  const span = parseDate(written);
  if (!span) return undefined;
  const parts = (day: string, precision: string) => [Number(day.slice(0, 4)), ...(precision === 'year' ? [] : [Number(day.slice(5, 7))]), ...(precision === 'day' ? [Number(day.slice(8, 10))] : [])];
  const [from, to] = span.ends ?? [span, undefined];
  return span.range && to ? [parts(span.start, from.precision), parts(span.end, to.precision)] : [parts(span.start, from.precision)];
}

/**
 * The CSL-JSON of an event as a record of the dataset: its title, the
 * dataset's authors and title, the event page's address, the data's
 * version, the event's date.
 *
 * @param event - the event
 * @param site - the site and the dataset
 * @returns the CSL-JSON item
 *
 * @example
 * ```ts
 * cslItem(events[0], { baseUrl: 'https://example.org/', title: 'A timeline', name: 't', authors: ['Ann Lee'], sources: [] }).URL;
 * // => 'https://example.org/events/2025-11-06--kazakhstan-abraham-accords-announcement/'
 * ```
 */
export function cslItem(event: Event, site: SiteInfo): CslItem {
  const parts = dateParts(event.date);
  return {
    id: event.id,
    type: 'webpage',
    title: event.title,
    ...(site.authors.length ? { author: site.authors.map((literal) => ({ literal })) } : {}),
    publisher: site.title,
    URL: absolute(site, pagePath('event', event.id)),
    ...(site.version ? { version: site.version } : {}),
    ...(parts ? { 'event-date': { 'date-parts': parts } } : {}),
    note: `Event of ${readableDate(event.date)}`,
  };
}

/**
 * Text in a BibTeX field: its special characters escaped, a `"` braced
 * (babel reads a bare one as a shorthand), and `--` kept two hyphens
 * rather than a dash; a straight `'` stays as it is, which LaTeX and BibTeX
 * readers show as a typographic apostrophe.
 */
function bibText(text: string): string {
  return text
    .replace(/[\\{}#$%&_~^]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`))
    .replace(/"/g, '{"}')
    .replace(/-(?=-)/g, '-{}')
    .replace(/\s+/g, ' ');
}

/**
 * The same citation as biblatex (`@online`), for LaTeX and BibTeX-reading
 * tools: the title and publisher in double braces so no style changes
 * their case, every special character escaped.
 *
 * @param item - the CSL-JSON item ({@link cslItem})
 * @returns the entry
 *
 * @example
 * ```ts
 * toBibTeX({ id: 'x', type: 'webpage', title: 'Fees & 50% cuts', author: [{ literal: 'Ann Lee' }], publisher: 'T', URL: 'https://example.org/x/', note: 'Event of 2025' }).split('\n')[1];
 * // => '  title = {{Fees \\& 50\\% cuts}},'
 * ```
 */
export function toBibTeX(item: CslItem): string {
  const fields: [string, string][] = [
    ['title', `{${bibText(item.title)}}`],
    ...(item.author?.length ? ([['author', item.author.map((a) => `{${bibText(a.literal)}}`).join(' and ')]] as [string, string][]) : []),
    ['organization', `{${bibText(item.publisher)}}`],
    ['url', item.URL],
    ...(item.version ? ([['version', bibText(item.version)]] as [string, string][]) : []),
    ...(item['event-date'] ? ([['eventdate', item['event-date']['date-parts'].map((p) => p.map((n, i) => (i ? String(n).padStart(2, '0') : String(n).padStart(4, '0'))).join('-')).join('/')]] as [string, string][]) : []),
    ['note', bibText(item.note)],
  ];
  return `@online{${item.id},\n${fields.map(([k, v]) => `  ${k} = {${v}},`).join('\n')}\n}\n`;
}

/**
 * A ready citation line: authors, title, dataset, version, the event's
 * date, address.
 *
 * @param item - the CSL-JSON item ({@link cslItem})
 * @returns the line, plain text
 *
 * @example
 * ```ts
 * citationLine({ id: 'x', type: 'webpage', title: 'A ruling', author: [{ literal: 'Ann Lee' }], publisher: 'A timeline', URL: 'https://example.org/x/', version: '1.0.0', note: 'Event of 2025' });
 * // => 'Ann Lee. “A ruling.” A timeline, version 1.0.0. Event of 2025. https://example.org/x/'
 * ```
 */
export function citationLine(item: CslItem): string {
  const authors = (item.author ?? []).map((a) => a.literal).join(', ');
  return `${authors ? `${authors}. ` : ''}“${item.title}.” ${item.publisher}${item.version ? `, version ${item.version}` : ''}. ${item.note}. ${item.URL}`;
}
