import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, type LinkResult } from '../../src/node/links/checkLinks.js';

/** Every host name under .test resolves to this machine; `nowhere.test` to nothing. */
export const lookup: LookupFunction = (hostname, options, callback) => {
  const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
  if (hostname === 'nowhere.test') {
    const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
    return (callback as (e: Error) => void)(error);
  }
  if (all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
  else (callback as (e: null, a: string, f: number) => void)(null, '127.0.0.1', 4);
};

let server: Server;
let port: number;
const hits = new Map<string, number>();
// Requests in flight per host, and the most seen at once, per host and over all.
const inFlight = new Map<string, number>();
const most = new Map<string, number>();
let allInFlight = 0;
let mostOverall = 0;
const endless = new Set<ServerResponse>();

function route(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url!, 'http://x');
  const host = req.headers.host!.split(':')[0]!;
  const key = `${host}${url.pathname}`;
  hits.set(key, (hits.get(key) ?? 0) + 1);
  const send = (code: number, headers: Record<string, string | number> = {}, body = '') => {
    res.writeHead(code, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  switch (url.pathname) {
    case '/ok':
      return send(200, { 'content-type': 'text/plain' }, 'hello');
    case '/missing':
      return send(404);
    case '/gone':
      return send(410);
    case '/forbidden':
      return send(403);
    case '/boom':
      return send(500);
    case '/r1':
      return send(301, { location: '/r2' });
    case '/r2':
      return send(302, { location: `http://other.test:${port}/r3` });
    case '/r3':
      return send(307, { location: '/ok' });
    case '/loop-a':
      return send(302, { location: '/loop-b' });
    case '/loop-b':
      return send(302, { location: '/loop-a' });
    case '/no-head':
      return req.method === 'HEAD' ? send(405) : send(200, {}, 'body');
    case '/slow':
      return; // never answers
    case '/head-hangs':
      // A server that never answers HEAD, but answers GET.
      return req.method === 'HEAD' ? undefined : send(200, {}, 'body');
    case '/head-resets':
      return req.method === 'HEAD' ? void req.socket.destroy() : send(200, {}, 'body');
    case '/to-hub':
      return send(302, { location: `http://hub.test:${port}/count` });
    case '/to-metadata':
      return send(302, { location: 'http://169.254.169.254/latest/meta-data/' });
    case '/to-loopback':
      return send(301, { location: `http://127.0.0.1:${port}/ok` });
    case '/limited':
      // 429 with Retry-After the first time, then fine.
      return hits.get(key) === 1 ? send(429, { 'retry-after': '1' }) : send(200);
    case '/endless': {
      if (req.method === 'HEAD') return send(405);
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      endless.add(res);
      const chunk = Buffer.alloc(16 * 1024, 120);
      const write = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on('drain', write);
      res.on('close', () => endless.delete(res));
      return write();
    }
    case '/cut':
      if (req.method === 'HEAD') return send(405);
      res.writeHead(200, { 'content-length': 100_000 });
      res.write('only the start');
      return void setTimeout(() => res.socket?.destroy(), 20);
    case '/count': {
      inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
      most.set(host, Math.max(most.get(host) ?? 0, inFlight.get(host)!));
      allInFlight++;
      mostOverall = Math.max(mostOverall, allInFlight);
      return void setTimeout(() => {
        inFlight.set(host, inFlight.get(host)! - 1);
        allInFlight--;
        send(200);
      }, 15);
    }
    default:
      return send(404);
  }
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  for (const res of endless) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const fast = { lookup, hostDelayMs: 0, backoffMs: 50, timeoutMs: 1500, allowPrivate: true };
const byUrl = (results: LinkResult[]) => Object.fromEntries(results.map((r) => [r.url.replace(/:\d+/, ''), r]));

describe('checkLinks against a local server', () => {
  it('classifies every kind of answer and failure', async () => {
    const u = (host: string, path: string, scheme = 'http') => `${scheme}://${host}:${port}${path}`;
    const urls = [
      u('a.test', '/ok'),
      u('a.test', '/missing'),
      u('a.test', '/gone'),
      u('b.test', '/r1'),
      u('b.test', '/loop-a'),
      u('c.test', '/no-head'),
      u('c.test', '/forbidden'),
      u('d.test', '/slow'),
      u('e.test', '/limited'),
      u('f.test', '/endless'),
      u('g.test', '/cut'),
      u('h.test', '/boom'),
      u('plain.test', '/ok', 'https'),
      u('nowhere.test', '/ok'),
      'ftp://example.org/file',
      'not a url',
      u('a.test', '/ok'), // given twice, checked once
    ];
    const started = Date.now();
    const { results, complete, checked } = await checkLinks(urls, { ...fast, retries: 1 });
    expect(complete).toBe(true);
    expect(results).toHaveLength(urls.length - 1);
    expect(checked).toBe(urls.length - 1);
    const r = byUrl(results);
    expect(r['http://a.test/ok']).toMatchObject({ status: 'ok', code: 200, attempts: 1 });
    expect(r['http://a.test/missing']).toMatchObject({ status: 'dead', code: 404 });
    expect(r['http://a.test/gone']).toMatchObject({ status: 'dead', code: 410 });
    // A chain across two hosts lands on the last page.
    expect(r['http://b.test/r1']).toMatchObject({ status: 'redirected', code: 200, finalUrl: `http://other.test:${port}/ok` });
    expect(r['http://b.test/loop-a']).toMatchObject({ status: 'redirect-loop' });
    expect(r['http://b.test/loop-a']!.message).toMatch(/redirects back/);
    // HEAD refused (405): GET answers.
    expect(r['http://c.test/no-head']).toMatchObject({ status: 'ok', code: 200, attempts: 2 });
    expect(r['http://c.test/forbidden']).toMatchObject({ status: 'blocked', code: 403 });
    // Past the timeout with HEAD and then GET, retried once, then given up.
    expect(r['http://d.test/slow']).toMatchObject({ status: 'timeout', attempts: 4 });
    // 429 with Retry-After: 1 is waited out, then the page answers.
    expect(r['http://e.test/limited']).toMatchObject({ status: 'ok', code: 200 });
    // HEAD 429, and no GET at once: after the wait, HEAD again.
    expect(hits.get('e.test/limited')).toBe(2);
    // An endless body is cut at the cap: the link is fine.
    expect(r['http://f.test/endless']).toMatchObject({ status: 'ok', code: 200 });
    // A body broken off before its length: the connection failed.
    expect(r['http://g.test/cut']).toMatchObject({ status: 'connection' });
    expect(r['http://h.test/boom']).toMatchObject({ status: 'server-error', code: 500, attempts: 4 });
    expect(r['https://plain.test/ok']).toMatchObject({ status: 'tls' });
    expect(r['http://nowhere.test/ok']).toMatchObject({ status: 'dns' });
    expect(r['ftp://example.org/file']).toMatchObject({ status: 'not-checkable', attempts: 0 });
    expect(r['not a url']).toMatchObject({ status: 'not-checkable' });
    // The Retry-After second was honoured, and the whole run stayed bounded.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('never has two requests in flight on one host, and keeps the global limit', async () => {
    most.clear();
    mostOverall = 0;
    const urls = Array.from({ length: 60 }, (_, i) => `http://host${i % 6}.test:${port}/count?i=${i}`);
    const { results } = await checkLinks(urls, { ...fast, concurrency: 4 });
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(Math.max(...most.values())).toBe(1);
    expect(mostOverall).toBeLessThanOrEqual(4);
    expect(mostOverall).toBeGreaterThan(1);
  });

  it('stays linear with thousands of hosts and thousands of links that cannot be checked', async () => {
    const urls = [...Array.from({ length: 3000 }, (_, i) => `http://many${i}.test:${port}/ok`), ...Array.from({ length: 50_000 }, (_, i) => `mailto:x${i}@example.org`)];
    const started = Date.now();
    const { results, complete } = await checkLinks(urls, { ...fast, concurrency: 32 });
    expect(complete).toBe(true);
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(3000);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('waits between two requests to one host', async () => {
    const urls = Array.from({ length: 4 }, (_, i) => `http://paced.test:${port}/count?i=${i}`);
    const started = Date.now();
    await checkLinks(urls, { ...fast, hostDelayMs: 200 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 200);
  });

  it('stops at the deadline and says what is left', async () => {
    const urls = Array.from({ length: 20 }, (_, i) => `http://late.test:${port}/count?i=${i}`);
    const { complete, unchecked, results } = await checkLinks(urls, { ...fast, hostDelayMs: 100, deadlineMs: 350 });
    expect(complete).toBe(false);
    expect(results.length + unchecked.length).toBe(20);
    expect(unchecked.length).toBeGreaterThan(10);
  });

  it('remembers results, takes fresh ones from the cache, and checks stale ones again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-links-'));
    try {
      const cacheFile = join(dir, 'links.json');
      const urls = [`http://cache.test:${port}/ok`, `http://cache.test:${port}/missing`];
      const first = await checkLinks(urls, { ...fast, cacheFile });
      expect([first.checked, first.fromCache]).toEqual([2, 0]);
      const again = await checkLinks(urls, { ...fast, cacheFile });
      expect([again.checked, again.fromCache]).toEqual([0, 2]);
      expect(again.results.map((r) => r.status)).toEqual(['ok', 'dead']);
      const later = await checkLinks(urls, { ...fast, cacheFile, now: () => Date.now() + 8 * 24 * 3600 * 1000 });
      expect([later.checked, later.fromCache]).toEqual([2, 0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('resumes from its cache after the process is killed half-way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-links-'));
    try {
      const cacheFile = join(dir, 'links.json');
      const urls = Array.from({ length: 30 }, (_, i) => `http://resume.test:${port}/count?i=${i}`);
      const module = fileURLToPath(new URL('../../src/node/links/checkLinks.ts', import.meta.url));
      const script = `
        const { checkLinks } = await import(${JSON.stringify(module)});
        const lookup = (h, o, cb) => (o && o.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4));
        await checkLinks(${JSON.stringify(urls)}, { lookup, hostDelayMs: 100, allowPrivate: true, cacheFile: ${JSON.stringify(cacheFile)} });
        console.log('finished');`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      // Killed once the cache holds some results.
      for (let i = 0; i < 200 && !existsSync(cacheFile); i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 600));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('close', r));
      expect(out).not.toContain('finished');
      const saved = (JSON.parse(readFileSync(cacheFile, 'utf8')) as { results: LinkResult[] }).results;
      expect(saved.length).toBeGreaterThan(0);
      expect(saved.length).toBeLessThan(urls.length);
      const resumed = await checkLinks(urls, { ...fast, cacheFile });
      expect(resumed.fromCache).toBe(saved.length);
      expect(resumed.checked).toBe(urls.length - saved.length);
      expect(resumed.complete).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops when asked, keeping what was checked', async () => {
    const controller = new AbortController();
    const urls = Array.from({ length: 10 }, (_, i) => `http://stop.test:${port}/count?i=${i}`);
    const { complete, results, unchecked } = await checkLinks(urls, {
      ...fast,
      hostDelayMs: 50,
      signal: controller.signal,
      onResult: (_, settled) => settled === 3 && controller.abort(),
    });
    expect(complete).toBe(false);
    expect(results).toHaveLength(3);
    expect(unchecked).toHaveLength(7);
  });

  it('asks with GET when HEAD hangs or resets, and asks such a host with GET from then on', async () => {
    const urls = [`http://hang.test:${port}/head-hangs`, `http://hang.test:${port}/head-hangs?2`, `http://reset.test:${port}/head-resets`];
    const r = byUrl((await checkLinks(urls, { ...fast, timeoutMs: 400, retries: 2 })).results);
    expect(r['http://hang.test/head-hangs']).toMatchObject({ status: 'ok', code: 200, attempts: 2 });
    // The second link on that host: GET at once, no HEAD to wait for.
    expect(r['http://hang.test/head-hangs?2']).toMatchObject({ status: 'ok', attempts: 1 });
    expect(r['http://reset.test/head-resets']).toMatchObject({ status: 'ok', attempts: 2 });
    // One HEAD timeout in all, not three tries of it: two requests for the first link (HEAD, then GET), and none retried.
  });

  it('sends each redirect hop through its host queue: forty hosts leading to one never ask it twice at once', async () => {
    most.clear();
    const urls = Array.from({ length: 40 }, (_, i) => `http://from${i}.test:${port}/to-hub`);
    const started = Date.now();
    const { results } = await checkLinks(urls, { ...fast, concurrency: 8, hostDelayMs: 20 });
    expect(results.every((x) => x.status === 'redirected' && x.finalUrl === `http://hub.test:${port}/count`)).toBe(true);
    expect(most.get('hub.test')).toBe(1);
    // And with its delay between two requests: forty hops at 20 ms apart.
    expect(Date.now() - started).toBeGreaterThanOrEqual(39 * 20);
  });

  it('never asks a host that is not on the public internet, by name, by address or after a redirect, unless allowed', async () => {
    const strict = { lookup, hostDelayMs: 0, backoffMs: 50, timeoutMs: 1500 };
    hits.clear();
    const urls = [`http://127.0.0.1:${port}/ok`, `http://[::1]:${port}/ok`, `http://2130706433:${port}/ok`, `http://named.test:${port}/ok`, `http://hop.test:${port}/to-metadata`, `http://hop2.test:${port}/to-loopback`];
    const { results } = await checkLinks(urls, strict);
    expect(results.map((x) => x.status)).toEqual(['not-checkable', 'not-checkable', 'not-checkable', 'not-checkable', 'not-checkable', 'not-checkable']);
    expect(results[3]!.message).toMatch(/named\.test is at 127\.0\.0\.1, not a public address/);
    // Nothing reached the server: not the links, not the hops (hop.test itself resolves to this machine too).
    expect([...hits.keys()]).toEqual([]);
    const allowed = await checkLinks([`http://127.0.0.1:${port}/ok`, `http://hop2.test:${port}/to-loopback`], { ...strict, allowPrivate: true });
    expect(allowed.results.map((x) => x.status)).toEqual(['ok', 'redirected']);
  });

  it('keeps its cache whole: a folder, a missing folder, a date in the future, and two runs at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-links-cache-'));
    try {
      // A folder named as the cache holds links.json; a missing folder is made.
      const inFolder = await checkLinks([`http://c1.test:${port}/ok`], { ...fast, cacheFile: dir });
      expect(inFolder.cacheError).toBeUndefined();
      expect(existsSync(join(dir, 'links.json'))).toBe(true);
      const deep = join(dir, 'not', 'there', 'links.json');
      await checkLinks([`http://c1.test:${port}/ok`], { ...fast, cacheFile: deep });
      expect(existsSync(deep)).toBe(true);
      // A result dated in the future is not fresh: it is checked again.
      const future = join(dir, 'future.json');
      writeFileSync(future, JSON.stringify({ format: 'democracy-timeline-links/1', results: [{ url: `http://c1.test:${port}/ok`, status: 'dead', attempts: 1, checkedAt: '2999-01-01T00:00:00.000Z' }] }));
      const again = await checkLinks([`http://c1.test:${port}/ok`], { ...fast, cacheFile: future });
      expect([again.checked, again.results[0]!.status]).toEqual([1, 'ok']);
      // Two runs sharing one cache: both their results are kept.
      const shared = join(dir, 'shared.json');
      const a = Array.from({ length: 6 }, (_, i) => `http://ra.test:${port}/count?a=${i}`);
      const b = Array.from({ length: 6 }, (_, i) => `http://rb.test:${port}/count?b=${i}`);
      await Promise.all([checkLinks(a, { ...fast, hostDelayMs: 30, cacheFile: shared }), checkLinks(b, { ...fast, hostDelayMs: 30, cacheFile: shared })]);
      const saved = (JSON.parse(readFileSync(shared, 'utf8')) as { results: LinkResult[] }).results.map((x) => x.url).sort();
      expect(saved).toEqual([...a, ...b].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('resolves each host name once a run, however many links it has', async () => {
    const names: string[] = [];
    const counting: LookupFunction = (hostname, options, callback) => {
      names.push(hostname);
      lookup(hostname, options, callback);
    };
    const urls = Array.from({ length: 30 }, (_, i) => `http://once${i % 3}.test:${port}/count?i=${i}`);
    const { results } = await checkLinks(urls, { ...fast, lookup: counting });
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(new Set(names).size).toBe(3);
    expect(names.length).toBeLessThanOrEqual(6);
  });

  it('says when no host answers at all, and caches none of those failures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-links-offline-'));
    try {
      const nothing: LookupFunction = (hostname, _options, callback) => (callback as (e: Error) => void)(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
      const cacheFile = join(dir, 'links.json');
      const offline = await checkLinks(['https://www.npr.org/a', 'https://www.axios.com/b', 'mailto:x@example.org'], { lookup: nothing, cacheFile, hostDelayMs: 0 });
      expect(offline.offline).toBe(true);
      expect(offline.results.map((x) => x.status)).toEqual(['dns', 'dns', 'not-checkable']);
      expect((JSON.parse(readFileSync(cacheFile, 'utf8')) as { results: LinkResult[] }).results.map((x) => x.status)).toEqual(['not-checkable']);
      // Forty hosts that do not resolve: the run stops after sixteen, the rest unchecked, nothing cached of it.
      const many = Array.from({ length: 40 }, (_, i) => `https://host${i}.example/page`);
      const stopped = await checkLinks(many, { lookup: nothing, cacheFile, hostDelayMs: 0, concurrency: 1 });
      expect([stopped.offline, stopped.complete, stopped.checked]).toEqual([true, false, 16]);
      expect(stopped.unchecked).toHaveLength(24);
      // One host that answers is enough to trust the failures.
      const online = await checkLinks([`http://up.test:${port}/ok`, `http://nowhere.test:${port}/ok`], { ...fast, cacheFile });
      expect(online.offline).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
