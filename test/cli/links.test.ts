import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/index.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const BUILT = existsSync(CLI);

/** Runs the binary without blocking this process, which serves the links. */
function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let server: Server;
let base: string;
let root: string;
let folder: string;
const asked: string[] = [];
let served = 0;

const event = (id: string, sources: string) => `---
id: ${id}
date: ${id.slice(0, 10)}
title: An event
importance: 5
tags: [courts]
actors: []
# a comment that stays
sources:
${sources}---

What happened.
`;

beforeAll(async () => {
  server = createServer((req, res) => {
    served++;
    const url = new URL(req.url!, 'http://x');
    if (url.pathname === '/ok') return res.writeHead(200).end();
    if (url.pathname === '/moved') return res.writeHead(301, { location: '/ok' }).end();
    if (url.pathname === '/wayback') {
      asked.push(url.searchParams.get('url')!);
      const target = url.searchParams.get('url')!;
      const closest = target.endsWith('/missing') ? { available: true, url: `http://archive.example/web/2024/${target}`, timestamp: '20240101000000', status: '200' } : undefined;
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ url: target, archived_snapshots: closest ? { closest } : {} }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  root = mkdtempSync(join(tmpdir(), 'dt-links-cli-'));
  folder = join(root, 'events');
  mkdirSync(folder);
  writeFileSync(
    join(folder, '2024-01-01--one.md'),
    event('2024-01-01--one', `  - title: Gone\n    url: ${base}/missing\n    outlet: Daily\n  - title: Fine\n    url: ${base}/ok\n    publisher: Daily\n`),
  );
  writeFileSync(join(folder, '2024-01-02--two.md'), event('2024-01-02--two', `  - title: Moved\n    url: ${base}/moved\n    publisher: Weekly\n    archive_url: ${base}/ok\n`));
});

afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe.skipIf(!BUILT)('democracy-timeline links', () => {
  it('reports each link that is not fine at its line, sums up by status and publisher, and exits 1 on a dead link', async () => {
    const cache = join(root, 'links.json');
    const r = await cli(['links', folder, '--cache', cache, '--host-delay', '0', '--allow-private']);
    expect(r.code).toBe(1);
    const file = join(folder, '2024-01-01--one.md');
    expect(r.stdout).toContain(`${file}:11:10  error    sources[0].url: dead (404) ${base}/missing  [links/dead]`);
    expect(r.stdout).toMatch(/2024-01-02--two\.md:11:10 {2}warning {2}sources\[0\]\.url: redirected \(200\) .*\/moved, now lands at .*\/ok {2}\[links\/redirected\]/);
    expect(r.stdout).toContain('3 distinct links in 4 source links: 1 ok, 1 redirected, 1 dead');
    expect(r.stdout).toContain('3 checked now, 0 from the cache');
    expect(r.stdout).toContain('Daily: 2 links; 1 dead');

    // Again: all from the cache.
    const again = await cli(['links', folder, '--cache', cache, '--json']);
    const json = JSON.parse(again.stdout) as { checked: number; fromCache: number; byStatus: Record<string, number>; complete: boolean; findings: { line: number }[] };
    expect([json.checked, json.fromCache, json.complete]).toEqual([0, 3, true]);
    expect(json.byStatus).toEqual({ ok: 1, redirected: 1, dead: 1 });
    expect(json.findings.map((f) => f.line)).toEqual([11, 11]);
  });

  it('finds archive copies for dead and unarchived links, shows them as a diff, and adds only archive_url lines', async () => {
    const file = join(folder, '2024-01-01--one.md');
    const before = readFileSync(file, 'utf8');
    const dry = await cli(['links', folder, '--no-cache', '--host-delay', '0', '--allow-private', '--archive', `${base}/wayback`]);
    // Asked for the two unarchived links of the first file, not for the archived one.
    expect(asked.sort()).toEqual([`${base}/missing`, `${base}/ok`]);
    expect(dry.stdout).toContain(`+    archive_url: 'http://archive.example/web/2024/${base}/missing'`);
    expect(dry.stdout).toContain('1 archive link to add (run with --write)');
    expect(readFileSync(file, 'utf8')).toBe(before);

    const write = await cli(['links', folder, '--no-cache', '--host-delay', '0', '--allow-private', '--archive', `${base}/wayback`, '--write']);
    expect(write.stdout).toContain('1 archive link added');
    const after = readFileSync(file, 'utf8');
    // One line more, after the source's last line; every other byte as it was.
    const lines = after.split('\n');
    expect(lines.filter((l, i) => l !== before.split('\n')[i - (i > 11 ? 1 : 0)])).toEqual([`    archive_url: 'http://archive.example/web/2024/${base}/missing'`]);
    expect(lines.length).toBe(before.split('\n').length + 1);
    const event = parseEvent(after, { mode: 'lenient' }).event!;
    expect(event.sources[0]).toMatchObject({ url: `${base}/missing`, publisher: 'Daily', archiveUrl: `http://archive.example/web/2024/${base}/missing` });
    expect(after).toContain('outlet: Daily'); // a legacy key it was not asked about stays
  });

  it('refuses --write without --archive', async () => {
    const r = await cli(['links', folder, '--write']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--write adds archive links, so it needs --archive URL');
  });

  it('works on first use anywhere: the cache folder is made, and --cache may name a folder', async () => {
    const away = join(root, 'away');
    mkdirSync(away);
    writeFileSync(join(away, '2024-02-01--x.md'), event('2024-02-01--x', `  - title: Fine\n    url: ${base}/ok\n`));
    // Outside any npm project, with a cache home that does not exist yet.
    const home = join(root, 'no-such-cache-home');
    const first = await cli(['links', '.', '--host-delay', '0', '--allow-private'], { cwd: away, env: { XDG_CACHE_HOME: home } });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(readdirSync(join(home, 'democracy-timeline'))).toHaveLength(1);
    const dir = join(root, 'cache-dir');
    mkdirSync(dir);
    expect((await cli(['links', away, '--cache', dir, '--host-delay', '0', '--allow-private'])).code).toBe(0);
    expect(existsSync(join(dir, 'links.json'))).toBe(true);
  });

  it('never asks this machine or its network unless --allow-private, and says when no host answers at all', async () => {
    served = 0;
    const r = await cli(['links', folder, '--no-cache', '--host-delay', '0', '--json']);
    const json = JSON.parse(r.stdout) as { byStatus: Record<string, number> };
    // The three links to 127.0.0.1 are not asked: the server saw nothing.
    expect(json.byStatus['not-checkable']).toBe(3);
    expect(served).toBe(0);
    const lone = join(root, 'lone');
    mkdirSync(lone);
    writeFileSync(join(lone, '2024-03-01--y.md'), event('2024-03-01--y', '  - title: Nowhere\n    url: https://no-such-host.invalid/page\n'));
    const offline = await cli(['links', lone, '--no-cache', '--host-delay', '0', '--retries', '0']);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain('no host answered: 1 link failed to resolve or connect, as on a machine with no network');
  });
});
