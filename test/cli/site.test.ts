import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const DATA = fileURLToPath(new URL('../../data', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'dt-site-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: work, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe.skipIf(!existsSync(CLI))('democracy-timeline site', () => {
  it('makes a site of the package’s data, says what it wrote, and writes nothing the second time', () => {
    const first = cli(['site', DATA, '--out', 'site', '--base-url', 'https://example.org/t/', '--release-date', '2026-12-04']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^site site: 1 event page, 4 tags, 3 actors, 1 year, 0 old addresses leading on, 0 removed ids\n/);
    const files = (JSON.parse(readFileSync(join(work, 'site/api/index.json'), 'utf8')) as { files: unknown[] }).files.length + 1;
    expect(first.stdout).toContain(`${files} files: ${files} written, 0 unchanged, 0 removed; release 0.1.0 of 2026-12-04 leads the feed`);
    const again = cli(['site', DATA, '--out', 'site', '--base-url', 'https://example.org/t/']);
    expect(again.stdout).toContain(`${files} files: 0 written, ${files} unchanged, 0 removed; release 0.1.0 of 2026-12-04`);
  });

  it('refuses, with exit 1 and the path, a file in its way; and exits 2 without a base address', () => {
    mkdirSync(join(work, 'theirs'));
    writeFileSync(join(work, 'theirs', 'index.html'), 'theirs');
    const r = cli(['site', DATA, '--out', 'theirs', '--base-url', 'https://example.org/t/']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^site: .*theirs\/index\.html is in the way/);
    expect(readFileSync(join(work, 'theirs', 'index.html'), 'utf8')).toBe('theirs');
    expect(cli(['site', DATA, '--out', 'x']).code).toBe(2);
    expect(cli(['site', DATA, '--out', 'x', '--base-url', 'ftp://example.org/']).code).toBe(1);
    expect(existsSync(join(work, 'x'))).toBe(false);
  });
});
