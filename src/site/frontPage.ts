import type { Event } from '../model/event.js';
import { escapeHtml } from '../format/html.js';
import { page } from './layout.js';
import { eventItem } from './listPages.js';
import type { SiteInfo } from './siteInfo.js';

/** The explorer's own styles, in the page: no request for them. */
const EXPLORER_CSS = `#filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin-bottom: 0.5rem; }
#filters label { display: flex; flex-direction: column; font-size: 13px; color: var(--muted); gap: 2px; }
input, select, button { font: inherit; }
input[type=number] { width: 5.5rem; }
#status { color: var(--muted); margin: 0.5rem 0; min-height: 1.4em; }
svg { display: block; width: 100%; height: auto; background: #fafafa; border: 1px solid var(--line); }
circle.event { fill: #a3341f; fill-opacity: 0.7; stroke: #fff; }
rect.density { fill: #a3341f; fill-opacity: 0.75; }
rect.bar { fill: #1f5f8b; }
svg text { font-size: 11px; fill: #333; }
svg text.earlier { fill: #a3341f; }
line.span { stroke: #a3341f; stroke-opacity: 0.6; stroke-width: 2; }
ol#list { padding-left: 0; list-style: none; margin: 0.5rem 0; }
li.event { border-bottom: 1px solid var(--line); padding: 0.35rem 0; }
li.event summary { cursor: pointer; }
.date { font-variant-numeric: tabular-nums; color: var(--muted); margin-right: 0.5rem; }
.imp { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 3px; background: #e8e8e8; margin-right: 0.4rem; font-size: 13px; }
.body { margin: 0.4rem 0 0.4rem 1.2rem; }
div.pager { display: flex; gap: 0.5rem; align-items: center; }
`;

/**
 * The front page: the explorer (filters, a time axis, a bar per year, a
 * paged list whose entries link to the event pages), reading
 * `api/events.json` with the package's browser bundle, both served by the
 * site itself; and, for readers without JavaScript, the newest events and
 * the ways in by year, tag and actor.
 *
 * @param events - every event, oldest first
 * @param site - the site and the dataset
 * @param explorer - the explorer's markup (filters, axes, list), as the package's explorer page has it
 * @param description - what the dataset says of itself
 * @returns the HTML document
 */
export function frontPage(events: readonly Pick<Event, 'id' | 'date' | 'title'>[], site: SiteInfo, explorer: string, description?: string): string {
  const newest: string[] = [];
  for (let i = events.length - 1; i >= 0 && newest.length < 50; i--) newest.push(eventItem(events[i]!, ''));
  const main = `<h1>${escapeHtml(site.title)}</h1>
${description ? `<p>${escapeHtml(description)}</p>` : ''}
<p>${events.length.toLocaleString('en-US')} events${site.version ? `, version ${escapeHtml(site.version)}` : ''}. Browse them <a href="years/">by year</a>, <a href="tags/">by tag</a> or <a href="actors/">by actor</a>, <a href="data/">download the data</a>, or follow <a href="feed.xml">the feed of changes</a>.</p>
<section id="explorer" aria-labelledby="explore" data-source="api/events.json" data-event-base="events/">
<h2 id="explore">Explore</h2>
${explorer}
</section>
<section aria-labelledby="newest">
<h2 id="newest">The newest events</h2>
<ol class="events">
${newest.join('\n')}
</ol>
</section>`;
  return page(site, {
    path: 'index.html',
    title: 'Explore the events',
    canonical: '',
    description: description ?? site.title,
    head: `<script type="importmap">{ "imports": { "democracy-timeline": "./assets/democracy-timeline.js" } }</script>
<style>${EXPLORER_CSS}</style>
<script type="module" src="./assets/explorer.js"></script>
`,
    main,
  });
}
