import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * The user's cache folder for this package: `$XDG_CACHE_HOME`, or
 * `~/.cache`, then `democracy-timeline`. Each seeds folder outside an npm
 * project gets a folder of its own in it.
 *
 * @returns the folder (which may not exist yet)
 *
 * @example
 * ```ts
 * userCacheRoot().endsWith('democracy-timeline');
 * // => true
 * ```
 */
export function userCacheRoot(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'democracy-timeline');
}

/**
 * Where the build keeps its cache for a seeds folder: `node_modules/.cache`
 * of the project the seeds belong to (the nearest folder above them with a
 * `package.json`), else a folder of the user's cache folder (see
 * {@link userCacheRoot}) keyed by the seeds' path. Never the current folder,
 * where it would show up untracked in a maintainer's repository. Nothing is
 * made here: writers make the folder when they first write.
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
  return join(userCacheRoot(), createHash('sha1').update(start).digest('hex').slice(0, 16));
}

/** Options for {@link evictCaches}. */
export interface EvictCachesOptions {
  /** The folder to keep whatever its age (the one just used). */
  keep?: string;
  /** The most all cache folders may hold together, in bytes (default 256 MiB): the least recently used go first. */
  maxBytes?: number;
  /** Folders not used for longer than this go (default 30 days). */
  maxAgeMs?: number;
  /** The clock, for tests. */
  now?: number;
}

/** A folder's size, and when a file in it last changed. */
function measure(dir: string): { bytes: number; usedAt: number } {
  let bytes = 0;
  let usedAt = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = measure(path);
      bytes += inner.bytes;
      usedAt = Math.max(usedAt, inner.usedAt);
    } else if (entry.isFile()) {
      const stat = statSync(path);
      bytes += stat.size;
      usedAt = Math.max(usedAt, stat.mtimeMs);
    }
  }
  return { bytes, usedAt };
}

/**
 * Keeps the user's cache folder bounded: of its per-folder caches, those not
 * used for `maxAgeMs` are removed, then the least recently used until all
 * together hold at most `maxBytes`. The folder named `keep` always stays.
 * Only folders named as {@link cacheDirFor} names them are touched.
 *
 * @param root - the cache root (default: {@link userCacheRoot})
 * @param options - what to keep, the size and age limits
 * @returns the folders removed
 *
 * @example
 * ```ts
 * evictCaches(userCacheRoot(), { keep: cacheDirFor('/tmp/seeds') });
 * // => []
 * ```
 */
export function evictCaches(root: string = userCacheRoot(), options: EvictCachesOptions = {}): string[] {
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  const maxAgeMs = options.maxAgeMs ?? 30 * 24 * 3600 * 1000;
  const now = options.now ?? Date.now();
  const keep = options.keep && resolve(options.keep);
  let names: string[];
  try {
    names = readdirSync(root).filter((name) => /^[0-9a-f]{16}$/.test(name));
  } catch {
    return [];
  }
  const folders = names
    .map((name) => join(root, name))
    .filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    .map((dir) => ({ dir, ...measure(dir) }))
    .sort((a, b) => a.usedAt - b.usedAt);
  const removed: string[] = [];
  let total = folders.reduce((n, f) => n + f.bytes, 0);
  for (const f of folders) {
    if (resolve(f.dir) === keep) continue;
    if (now - f.usedAt <= maxAgeMs && total <= maxBytes) continue;
    rmSync(f.dir, { recursive: true, force: true });
    removed.push(f.dir);
    total -= f.bytes;
  }
  return removed;
}
