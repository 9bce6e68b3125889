import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/index.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const BUILT = existsSync(CLI);

/** Runs the binary without blocking this process, which serves the links. */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1' } });
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
    const r = await cli(['links', folder, '--cache', cache, '--host-delay', '0']);
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
    const dry = await cli(['links', folder, '--no-cache', '--host-delay', '0', '--archive', `${base}/wayback`]);
    // Asked for the two unarchived links of the first file, not for the archived one.
    expect(asked.sort()).toEqual([`${base}/missing`, `${base}/ok`]);
    expect(dry.stdout).toContain(`+    archive_url: 'http://archive.example/web/2024/${base}/missing'`);
    expect(dry.stdout).toContain('1 archive link to add (run with --write)');
    expect(readFileSync(file, 'utf8')).toBe(before);

    const write = await cli(['links', folder, '--no-cache', '--host-delay', '0', '--archive', `${base}/wayback`, '--write']);
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
});
