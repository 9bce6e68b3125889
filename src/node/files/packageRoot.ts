import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where this module is, in either of the package's module formats (CommonJS has __filename; ESM and the shimmed CommonJS build, import.meta.url). */
const here = () => (typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url));

let root: string | undefined;

/**
 * The installed package's own folder: the nearest one up from this module
 * whose package.json names it. From it the package finds what it ships
 * beside its code (the explorer, the browser bundle) and resolves its own
 * dependencies wherever the package is installed.
 *
 * @returns the folder
 * @throws Error when no such folder is found
 */
export function packageRoot(): string {
  if (root) return root;
  for (let dir = dirname(here()); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'democracy-timeline') return (root = dir);
    if (dirname(dir) === dir) throw new Error('democracy-timeline: cannot find the package folder');
  }
}
