import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Event } from '../../model/event.js';
import type { Issue } from '../../model/issue.js';
import { makeDir } from '../files/makeDir.js';
import { writeFileAtomic } from '../files/writeFileAtomic.js';

/** What parsing one file gave, without its name: the key is its content. */
export interface CachedParse {
  event?: Event;
  issues: Omit<Issue, 'file'>[];
}

// Bump when parsing changes what it returns, so old entries are not used.
const FORMAT = 'democracy-timeline-parse-3';
const FILE = 'parse-cache.ndjson';
// The earlier layout, one JSON document: removed when found.
const OLD_FILE = 'parse-cache.json';

/**
 * Reads a parse cache: one JSON line of header, then one line per entry,
 * `[key, result]`. A missing, damaged or older cache is empty (it only
 * costs time); a line that does not parse ends the reading there.
 *
 * @param dir - the cache folder
 * @returns the entries by key
 */
export function readParseCache(dir: string): Map<string, CachedParse> {
  const entries = new Map<string, CachedParse>();
  let text: string;
  try {
    text = readFileSync(join(dir, FILE), 'utf8');
  } catch {
    return entries;
  }
  let at = text.indexOf('\n');
  try {
    if (at === -1 || (JSON.parse(text.slice(0, at)) as { format?: unknown }).format !== FORMAT) return entries;
    for (let start = at + 1; start < text.length; start = at + 1) {
      at = text.indexOf('\n', start);
      if (at === -1) break; // a last line with no end was cut short
      const [key, result] = JSON.parse(text.slice(start, at)) as [string, CachedParse];
      entries.set(key, result);
    }
  } catch {
    // a damaged line: what came before it stands
  }
  return entries;
}

/**
 * Writes a parse cache, an entry a line, so the whole cache is never one
 * string; atomically, so a reader sees the old cache or the new. It holds
 * the entries given (those of the files just read), so it never grows past
 * the folder it caches. A cache that cannot be written only costs time.
 *
 * @param dir - the cache folder (created when missing)
 * @param entries - the entries by key
 */
export function writeParseCache(dir: string, entries: ReadonlyMap<string, CachedParse>): void {
  try {
    makeDir(dir);
    writeFileAtomic(
      join(dir, FILE),
      (function* () {
        yield `${JSON.stringify({ format: FORMAT, entries: entries.size })}\n`;
        let lines: string[] = [];
        for (const entry of entries) {
          lines.push(JSON.stringify(entry));
          if (lines.length === 512) {
            yield `${lines.join('\n')}\n`;
            lines = [];
          }
        }
        if (lines.length) yield `${lines.join('\n')}\n`;
      })(),
    );
    rmSync(join(dir, OLD_FILE), { force: true });
  } catch {
    // without a cache the next load parses again; nothing else is lost
  }
}
