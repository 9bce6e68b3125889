import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readManifest, SITE_MANIFEST, writeSite } from '../../src/node/site/writeSite.js';

const root = mkdtempSync(join(tmpdir(), 'dt-write-site-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const index = (listed: unknown[]) => ({ files: listed });

function* failing(): Generator<[string, string]> {
  yield ['a/index.html', 'a'];
  throw new Error('a page could not be made');
}

describe('writeSite', () => {
  it('writes a new site whole or not at all: a failure leaves no folder and no staging folder', () => {
    const out = join(root, 'fresh');
    expect(() => writeSite(out, new Set(), failing(), index)).toThrow('a page could not be made');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
    const done = writeSite(out, new Set(), [['a/index.html', 'a'], ['b.json', '{}\n']], index);
    expect(done).toEqual({ files: 3, written: 3, removed: 0 });
    expect([...readManifest(out)]).toEqual(['a/index.html', 'api/index.json', 'b.json']);
    expect(readdirSync(root)).toEqual(['fresh']);
  });

  it('changes nothing in an existing site when a build fails, and removes only its own files after one that works', () => {
    const out = join(root, 'kept');
    writeSite(out, new Set(), [['a/index.html', 'a'], ['old/index.html', 'old']], index);
    writeFileSync(join(out, 'CNAME'), 'mine\n');
    const before = readFileSync(join(out, 'a/index.html'), 'utf8');
    expect(() => writeSite(out, readManifest(out), failing(), index)).toThrow('a page could not be made');
    expect(readFileSync(join(out, 'a/index.html'), 'utf8')).toBe(before);
    expect(readdirSync(out).sort()).toEqual([SITE_MANIFEST, 'CNAME', 'a', 'api', 'old'].sort());
    const done = writeSite(out, readManifest(out), [['a/index.html', 'a2']], index);
    expect(done).toEqual({ files: 2, written: 2, removed: 1 });
    expect(existsSync(join(out, 'old'))).toBe(false);
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('mine\n');
  });

  it('refuses a manifest it did not write, and a file in the way', () => {
    const out = join(root, 'odd');
    mkdirSync(out);
    writeFileSync(join(out, SITE_MANIFEST), '{"files":["../../etc/passwd"]}');
    expect(() => readManifest(out)).toThrow(/not a list of the files a site build wrote/);
    writeFileSync(join(out, SITE_MANIFEST), '{"files":[]}');
    writeFileSync(join(out, 'index.html'), 'theirs');
    expect(() => writeSite(out, readManifest(out), [['index.html', 'ours']], index)).toThrow(/index\.html is in the way/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('theirs');
  });
});

describe('writeSite, given a path that leaves the site', () => {
  it('refuses it before writing anything, new site or old', () => {
    for (const bad of ['../escape.html', 'a/../../escape.html', '/etc/escape', 'a//b', 'a\\..\\b']) {
      const out = join(root, `bad-${bad.length}`);
      expect(() => writeSite(out, new Set(), [['ok.html', 'ok'], [bad, 'x']], index), bad).toThrow(/not a path inside the site/);
      expect(existsSync(out)).toBe(false);
    }
    // Where those paths lead from each site folder: beside it.
    expect(existsSync(join(root, 'escape.html'))).toBe(false);
  });
});
