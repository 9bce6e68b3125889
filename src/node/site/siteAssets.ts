import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../files/packageRoot.js';

/**
 * The files the site serves from the package itself: the explorer's script
 * and the browser bundle it imports. Read from the installed package, so
 * the site's explorer is the package's own.
 *
 * @returns `[path in the site, bytes]` pairs
 */
export function siteAssets(): [string, Buffer][] {
  const root = packageRoot();
  const bundle = join(root, 'dist', 'browser.js');
  if (!existsSync(bundle)) throw new Error(`democracy-timeline: ${bundle} is missing; build the package (npm run build:lib) before making a site`);
  return [
    ['assets/explorer.js', readFileSync(join(root, 'examples', 'browser', 'app.js'))],
    ['assets/democracy-timeline.js', readFileSync(bundle)],
  ];
}

/**
 * The explorer's markup (its filters, axes and list), as the package's own
 * explorer page has it between its `explorer` comments: the site's front
 * page puts the same markup around the same script.
 *
 * @returns the HTML
 */
export function explorerMarkup(): string {
  const file = join(packageRoot(), 'examples', 'browser', 'index.html');
  const html = readFileSync(file, 'utf8');
  const found = /<!-- explorer:[^>]*-->\n([\s\S]*?)\s*<!-- \/explorer -->/.exec(html);
  if (!found) throw new Error(`democracy-timeline: ${file} has no explorer markup between its explorer comments`);
  return found[1]!.replace(/^ {2}/gm, '');
}
