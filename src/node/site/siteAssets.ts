import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where this module is, in either of the package's module formats. */
const here = () => (typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url));

/** The package's own folder: the nearest one up from this module whose package.json names it. */
function packageRoot(): string {
  for (let dir = dirname(here()); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'democracy-timeline') return dir;
    if (dirname(dir) === dir) throw new Error('democracy-timeline: cannot find the package folder, which holds the explorer the site serves');
  }
}

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
