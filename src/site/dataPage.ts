import { escapeHtml } from '../format/html.js';
import { page } from './layout.js';
import type { SiteInfo } from './siteInfo.js';

/** A data file as `datapackage.json` lists it. */
export interface DataResource {
  path: string;
  description?: string;
  bytes?: number;
  format?: string;
}

const size = (bytes?: number) => (bytes === undefined ? '' : bytes < 1024 ? `${bytes} B` : bytes < 1 << 20 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / (1 << 20)).toFixed(1)} MB`);

/**
 * The download page, `data/index.html`: every file of the dataset with
 * what it holds and its size, and `datapackage.json`, which lists them with
 * their hashes.
 *
 * @param resources - the files, as `datapackage.json` lists them
 * @param site - the site and the dataset
 * @returns the HTML document
 */
export function dataPage(resources: readonly DataResource[], site: SiteInfo): string {
  const rows = resources.map((r) => `<tr><td><a href="${escapeHtml(r.path)}" download>${escapeHtml(r.path)}</a></td><td>${escapeHtml(r.description ?? '')}</td><td class="n">${size(r.bytes)}</td></tr>`);
  const main = `<h1>Download the data</h1>
<p>The whole dataset${site.version ? `, version ${escapeHtml(site.version)}` : ''}, in the formats below. <a href="datapackage.json">datapackage.json</a> (Frictionless Data Package) lists every file with its size and SHA-256; the site's own <a href="../api/index.json">API index</a> does the same for every file of the site.</p>
<table>
<thead><tr><th scope="col">File</th><th scope="col">What it holds</th><th scope="col" class="n">Size</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  return page(site, { path: 'data/index.html', title: 'Download the data', canonical: 'data/', main });
}
