import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LINK_STATUSES, type LinkStatus } from './linkStatus.js';
import { makeDir } from '../files/makeDir.js';
import { writeFileAtomic } from '../files/writeFileAtomic.js';

/** One URL's check, as the cache keeps it. */
export interface CachedLink {
  url: string;
  status: LinkStatus;
  checkedAt: string;
}

const FORMAT = 'democracy-timeline-links/1';

/**
 * The cache file a `--cache` path names: the path itself, or `links.json`
 * inside it when it is a folder.
 *
 * @param path - a file or a folder
 * @returns the cache file
 *
 * @example
 * ```ts
 * mkdirSync('.cache', { recursive: true });
 * [linkCacheFile('.cache'), linkCacheFile('links.json')];
 * // => ['.cache/links.json', 'links.json']
 * ```
 */
export function linkCacheFile(path: string): string {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ? join(path, 'links.json') : path;
}

/**
 * Reads a link cache: results by URL. A missing or unreadable file is empty;
 * an entry that does not parse, or whose time is not a time, is left out.
 *
 * @param file - the cache file
 * @returns the results by URL
 */
export function readLinkCache<T extends CachedLink>(file: string | undefined): Map<string, T> {
  const out = new Map<string, T>();
  if (!file) return out;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; results?: unknown };
    if (data.format !== FORMAT || !Array.isArray(data.results)) return out;
    for (const r of data.results as T[]) {
      if (r && typeof r.url === 'string' && typeof r.checkedAt === 'string' && !Number.isNaN(Date.parse(r.checkedAt)) && LINK_STATUSES.includes(r.status)) out.set(r.url, r);
    }
  } catch {
    // no cache yet, or one that cannot be read: start afresh
  }
  return out;
}

/**
 * Whether a cached result is fresh: checked at most `maxAgeMs` ago, and not
 * in the future (a clock that ran ahead must not keep a result for ever).
 *
 * @param result - the cached result
 * @param now - the time now
 * @param maxAgeMs - the greatest age taken
 * @returns true when it may be used without checking again
 */
export function isFresh(result: CachedLink, now: number, maxAgeMs: number): boolean {
  const age = now - Date.parse(result.checkedAt);
  return age >= 0 && age < maxAgeMs;
}

/**
 * Writes results to a link cache, merged with what the file holds now: for
 * each URL the result checked last wins, so two runs sharing a cache keep
 * both their results. The folder is made when missing; the file is replaced
 * atomically. Returns the error when the cache cannot be written (a cache
 * only saves time: the caller says so once, the run goes on).
 *
 * @param file - the cache file
 * @param results - what this run found
 * @returns undefined, or why the cache could not be written
 */
export function saveLinkCache<T extends CachedLink>(file: string, results: Iterable<T>): Error | undefined {
  try {
    const merged = readLinkCache<T>(file);
    for (const r of results) {
      const there = merged.get(r.url);
      if (!there || Date.parse(there.checkedAt) <= Date.parse(r.checkedAt)) merged.set(r.url, r);
    }
    makeDir(dirname(file));
    writeFileAtomic(file, `${JSON.stringify({ format: FORMAT, results: [...merged.values()] })}\n`);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
