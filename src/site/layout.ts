import { escapeHtml } from '../format/html.js';
import { rootFrom, absolute, type SiteInfo } from './siteInfo.js';

/**
 * The site's stylesheet (`assets/site.css`): system fonts, no request
 * elsewhere; text and links at least 7:1 against the background, muted
 * text 7:1, a visible focus ring.
 */
export const SITE_CSS = `:root { --ink: #1a1a1a; --muted: #4d4d4d; --link: #0b4f8a; --line: #d0d0d0; --paper: #fff; --soft: #f4f4f4; }
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); margin: 0; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, summary:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: 0.5rem; z-index: 1; }
header, main, footer { max-width: 980px; margin: 0 auto; padding: 0.75rem 1.25rem; }
header { border-bottom: 1px solid var(--line); }
header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; padding: 0; }
header nav a.home { font-weight: 600; color: var(--ink); }
footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 14px; margin-top: 2rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.75rem 0; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
.meta, .when { color: var(--muted); }
.when { font-size: 1.05rem; }
ul.chips { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; }
ul.chips li a { display: inline-block; padding: 0.1rem 0.55rem; border: 1px solid var(--line); border-radius: 1rem; text-decoration: none; }
ol.sources li { margin-bottom: 0.5rem; }
ol.events { list-style: none; padding: 0; }
ol.events li { padding: 0.45rem 0; border-bottom: 1px solid var(--line); }
ol.events time { color: var(--muted); margin-right: 0.5rem; font-variant-numeric: tabular-nums; }
pre { background: var(--soft); padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; word-break: break-word; font-size: 13px; }
.citation { background: var(--soft); padding: 0.75rem; }
nav.pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 2rem; flex-wrap: wrap; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.notice { border-left: 4px solid #b35900; padding: 0.5rem 1rem; background: var(--soft); }
`;

/** What a page puts in the shell. */
export interface PageParts {
  /** The page's path in the site (`events/ID/index.html`): links are relative to it. */
  path: string;
  /** The page's own title (the site's is added). */
  title: string;
  /** The canonical address's path in the site (`events/ID/`). */
  canonical: string;
  /** The page's main content, HTML. */
  main: string;
  /** More for the head (JSON-LD, a refresh), HTML. */
  head?: string;
  /** A description for search engines. */
  description?: string;
}

/**
 * A page of the site: `lang`, a skip link, the navigation, one `main`, a
 * footer with the licence and the source; links relative to the page, so
 * the site works under any path; the canonical link absolute.
 *
 * @param site - the site and the dataset
 * @param parts - the page's path, title, canonical path and content
 * @returns the HTML document
 */
export function page(site: SiteInfo, parts: PageParts): string {
  const root = rootFrom(parts.path);
  const licence = site.licence?.path ? `<a href="${escapeHtml(site.licence.path)}" rel="license">${escapeHtml(site.licence.title ?? site.licence.name ?? 'licence')}</a>` : escapeHtml(site.licence?.title ?? site.licence?.name ?? 'no licence given');
  const sources = site.sources.map((s) => (s.path && /^https?:\/\//.test(s.path) ? `<a href="${escapeHtml(s.path)}">${escapeHtml(s.title)}</a>` : escapeHtml(s.title))).join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)} · ${escapeHtml(site.title)}</title>
${parts.description ? `<meta name="description" content="${escapeHtml(parts.description)}">\n` : ''}<link rel="canonical" href="${escapeHtml(absolute(site, parts.canonical))}">
<link rel="stylesheet" href="${root}assets/site.css">
<link rel="alternate" type="application/atom+xml" title="Changes to ${escapeHtml(site.title)}" href="${root}feed.xml">
<link rel="icon" href="data:,">
${parts.head ?? ''}</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header>
<nav aria-label="Site">
<ul>
<li><a class="home" href="${root}">${escapeHtml(site.title)}</a></li>
<li><a href="${root}years/">Events by year</a></li>
<li><a href="${root}tags/">Events by tag</a></li>
<li><a href="${root}actors/">Events by actor</a></li>
<li><a href="${root}data/">Download the data</a></li>
<li><a href="${root}feed.xml">Changes (Atom feed)</a></li>
</ul>
</nav>
</header>
<main id="main">
${parts.main}
</main>
<footer>
<p>${escapeHtml(site.title)}${site.version ? `, version ${escapeHtml(site.version)}` : ''}. Licence: ${licence}.${sources ? ` Source: ${sources}.` : ''}</p>
</footer>
</body>
</html>
`;
}
