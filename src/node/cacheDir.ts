import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Where the build keeps its cache for a seeds folder: `node_modules/.cache`
 * of the project the seeds belong to (the nearest folder above them with a
 * `package.json`), else the user's cache folder (`$XDG_CACHE_HOME`, or
 * `~/.cache`), keyed by the seeds' path. Never the current folder, where it
 * would show up untracked in a maintainer's repository.
 *
 * @param seeds - the seeds folder
 * @returns the cache folder for it
 *
 * @example
 * ```ts
 * cacheDirFor('seeds').endsWith(join('node_modules', '.cache', 'democracy-timeline'));
 * // => true
 * ```
 */
export function cacheDirFor(seeds: string): string {
  const start = resolve(seeds);
  for (let dir = start; ; dir = dirname(dir)) {
    if (statSync(join(dir, 'package.json'), { throwIfNoEntry: false })?.isFile()) return join(dir, 'node_modules', '.cache', 'democracy-timeline');
    if (dirname(dir) === dir) break;
  }
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'democracy-timeline', createHash('sha1').update(start).digest('hex').slice(0, 16));
}
