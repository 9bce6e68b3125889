import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDirFor, evictCaches, userCacheRoot } from '../../src/node/files/cacheDir.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dt-cachedir-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('cacheDirFor', () => {
  it('keys a seeds folder outside any project in the user cache folder, which the tests keep apart from the real one', () => {
    expect(process.env.XDG_CACHE_HOME?.startsWith(tmpdir())).toBe(true);
    const dir = cacheDirFor(join(root, 'seeds'));
    expect(dir.startsWith(userCacheRoot())).toBe(true);
    expect(dir.slice(userCacheRoot().length + 1)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('evictCaches', () => {
  it('removes caches unused for the age limit, then the least recently used past the size limit, never the one in use', () => {
    const cacheRoot = join(root, 'caches');
    const day = 24 * 3600 * 1000;
    const now = Date.now();
    const make = (name: string, bytes: number, daysAgo: number) => {
      const dir = join(cacheRoot, name);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'parse-cache.ndjson');
      writeFileSync(file, 'x'.repeat(bytes));
      const at = (now - daysAgo * day) / 1000;
      utimesSync(file, at, at);
      utimesSync(dir, at, at);
      return dir;
    };
    const old = make('0000000000000001', 10, 40);
    const big1 = make('0000000000000002', 600, 5);
    make('0000000000000003', 600, 3);
    const current = make('0000000000000004', 600, 50);
    mkdirSync(join(cacheRoot, 'not-a-cache'));
    const removed = evictCaches(cacheRoot, { keep: current, maxBytes: 1300, now });
    // The old one for its age; then big1, the least recently used, for the size; the one in use stays.
    expect(removed).toEqual([old, big1]);
    expect(readdirSync(cacheRoot).sort()).toEqual(['0000000000000003', '0000000000000004', 'not-a-cache']);
  });
});
