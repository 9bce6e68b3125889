import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { c as createTar } from 'tar';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/node/index.js';
import { getSnapshot } from '../../src/node/get/getSnapshot.js';
import { GET_SOURCES } from '../../src/node/get/sources.js';
import { CORPUS, HAS_CORPUS, SEED_FILE } from '../helpers/corpus.js';
import { loopback, rawTarGz, serveBytes } from '../helpers/archives.js';

const work = mkdtempSync(join(tmpdir(), 'dt-get-'));
const ARCHIVES: Record<string, Buffer> = {};
const server = await loopback((req, res) => {
  const bytes = ARCHIVES[req.url ?? ''];
  if (!bytes) {
    res.writeHead(404).end();
    return;
  }
  // A path in CUT answers its first request with half the archive, then drops the connection.
  if (CUT.delete(req.url!) && !req.headers.range) {
    res.writeHead(200, { 'content-length': bytes.length, etag: '"v1"' });
    res.write(bytes.subarray(0, bytes.length >> 1), () => res.destroy());
    return;
  }
  serveBytes(req, res, bytes);
});
const CUT = new Set<string>();
process.env.DEMOCRACY_TIMELINE_GET_BASE_URL = server.base;
afterAll(() => {
  server.server.close();
  delete process.env.DEMOCRACY_TIMELINE_GET_BASE_URL;
  rmSync(work, { recursive: true, force: true });
});

const COMMIT = 'a'.repeat(40);
const seedText = readFileSync(SEED_FILE, 'utf8');
/** A small repository archive: the seed event under repo-COMMIT/events. */
const small = rawTarGz([{ name: `repo-${COMMIT}/`, type: '5' }, { name: `repo-${COMMIT}/events/2025-11-06--kazakhstan-abraham-accords-announcement.md`, body: seedText }, { name: `repo-${COMMIT}/README.md`, body: 'not an event' }]);
let n = 0;
let cacheDir: string;
let out: string;
beforeEach(() => {
  n++;
  cacheDir = join(work, `cache-${n}`);
  out = join(work, `out-${n}`);
});
const serve = (path: string, bytes: Buffer) => {
  ARCHIVES[path] = bytes;
  return path;
};

describe('getSnapshot, from a loopback server', () => {
  it('fetches, imports and builds a github: snapshot, and loadDataset reads it', async () => {
    serve(`/owner/repo/tar.gz/${COMMIT}`, small);
    const got = await getSnapshot(`github:owner/repo@${COMMIT}:events`, { out, cacheDir });
    expect(got.archive?.fromCache).toBe(false);
    expect(got.imported).toMatchObject({ imported: 1, refused: 0, notRead: 0 });
    expect(got.events).toBe(1);
    const dataset = await loadDataset(out);
    expect(dataset.events.map((e) => e.id)).toEqual(['2025-11-06--kazakhstan-abraham-accords-announcement']);
    expect(dataset.dataset.sources?.[0]?.path).toBe(`https://github.com/owner/repo/tree/${COMMIT}/events`);
    expect(JSON.parse(readFileSync(join(out, 'snapshot.json'), 'utf8'))).toMatchObject({ version: COMMIT, content: { files: 1 } });
  });

  it('runs a second time from the seeds it made, without the network; offline from the cache once they are gone', async () => {
    serve(`/owner/again/tar.gz/${COMMIT}`, small);
    const spec = `github:owner/again@${COMMIT}:events`;
    await getSnapshot(spec, { out, cacheDir });
    const asked = server.requests.length;
    const second = await getSnapshot(spec, { out, cacheDir });
    expect(second.archive).toBeUndefined();
    expect(second.events).toBe(1);
    rmSync(out, { recursive: true });
    const offline = await getSnapshot(spec, { out, cacheDir, offline: true });
    expect(offline.archive?.fromCache).toBe(true);
    expect(server.requests.length).toBe(asked);
    expect((await loadDataset(out)).events).toHaveLength(1);
  });

  it('resumes an interrupted download where it stopped', async () => {
    const big = rawTarGz([{ name: `repo-${COMMIT}/events/2025-11-06--kazakhstan-abraham-accords-announcement.md`, body: seedText }, { name: `repo-${COMMIT}/noise.bin`, body: Buffer.from(Array.from({ length: 400_000 }, (_, i) => (i * 7919) % 251)) }]);
    const url = serve('/owner/cut/snapshot.tar.gz', big);
    CUT.add(url);
    const explicit = `${server.base}${url}`;
    const first = await getSnapshot(explicit, { out, cacheDir, path: 'events' }).catch((e: Error) => e);
    expect(first).toBeInstanceOf(Error);
    expect((first as Error).message).toMatch(/stopped after \d+ bytes.*run again to resume/);
    expect(existsSync(join(out, 'seeds'))).toBe(false);
    const before = server.requests.length;
    const second = await getSnapshot(explicit, { out, cacheDir, path: 'events' });
    expect(second.events).toBe(1);
    const resumed = server.requests.slice(before);
    expect(resumed).toHaveLength(1);
    expect(resumed[0]!.headers.range).toMatch(/^bytes=[1-9]\d*-$/);
  });

  it('refuses a damaged archive and imports nothing', async () => {
    const bad = Buffer.from(small);
    for (let i = 20; i < bad.length - 20; i += 5) bad[i] = bad[i]! ^ 0xa5;
    serve(`/owner/bad/tar.gz/${COMMIT}`, bad);
    await expect(getSnapshot(`github:owner/bad@${COMMIT}:events`, { out, cacheDir })).rejects.toThrow(/damaged/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('checks an explicit URL against --sha256', async () => {
    serve('/x/snapshot.tar.gz', small);
    await expect(getSnapshot(`${server.base}/x/snapshot.tar.gz`, { out, cacheDir, path: 'events', sha256: '0'.repeat(64) })).rejects.toThrow(/expected SHA-256 0{64}, got [0-9a-f]{64}; nothing was imported/);
    expect(existsSync(join(out, 'seeds'))).toBe(false);
  });

  it('says in one line what to do offline with nothing cached, or with no network', async () => {
    await expect(getSnapshot(`github:owner/none@${COMMIT}:events`, { out, cacheDir, offline: true })).rejects.toThrow(/not in the cache .*run without --offline/);
    // A port nothing listens on: the server's, once closed.
    const gone = await loopback(() => {});
    await new Promise((resolve) => gone.server.close(resolve));
    const port = new URL(gone.base).port;
    await expect(getSnapshot(`${gone.base}/x.tar.gz`, { out, cacheDir })).rejects.toThrow(new RegExp(`could not reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\): no network\\?.*--offline`));
  });

  it('records the seeds as soon as they are in place: after a build that fails, get runs again', async () => {
    serve(`/owner/unbuilt/tar.gz/${COMMIT}`, small);
    mkdirSync(out, { recursive: true });
    // A file where the data folder goes: the build cannot write.
    writeFileSync(join(out, 'data'), 'not a folder');
    await expect(getSnapshot(`github:owner/unbuilt@${COMMIT}:events`, { out, cacheDir })).rejects.toThrow();
    expect(existsSync(join(out, 'snapshot.json'))).toBe(true);
    rmSync(join(out, 'data'));
    const again = await getSnapshot(`github:owner/unbuilt@${COMMIT}:events`, { out, cacheDir });
    expect(again.fetched).toBe(false);
    expect(again.events).toBe(1);
  });

  it('never replaces seeds it did not make, or seeds changed since', async () => {
    mkdirSync(join(out, 'seeds'), { recursive: true });
    serve(`/owner/mine/tar.gz/${COMMIT}`, small);
    await expect(getSnapshot(`github:owner/mine@${COMMIT}:events`, { out, cacheDir })).rejects.toThrow(/was not made by get/);
    const other = join(work, `other-${n}`);
    await getSnapshot(`github:owner/mine@${COMMIT}:events`, { out: other, cacheDir });
    writeFileSync(join(other, 'seeds', '2025-11-06--kazakhstan-abraham-accords-announcement.md'), seedText.replace('importance: 5', 'importance: 6'));
    await expect(getSnapshot(`github:owner/mine@${COMMIT}:events`, { out: other, cacheDir })).rejects.toThrow(/has changed since get made it/);
  });
});

describe.skipIf(!HAS_CORPUS)('getSnapshot of the registry’s kleptocracy-timeline, served from the shared corpus', () => {
  const known = GET_SOURCES['kleptocracy-timeline']!;
  /** The corpus packed as GitHub packs the repository at the pinned commit. */
  async function corpusArchive(change?: (events: string) => void): Promise<Buffer> {
    const root = mkdtempSync(join(work, 'pack-'));
    const top = `KleptocracyTimeline-${known.commit}`;
    const events = join(root, top, known.path);
    cpSync(CORPUS, events, { recursive: true });
    change?.(events);
    const file = join(root, 'a.tar.gz');
    await createTar({ gzip: true, cwd: root, file, portable: true }, [top]);
    return readFileSync(file);
  }

  it('gets the whole timeline: pinned content checked, every file accounted for, licence and citation', async () => {
    serve(`/${known.repo}/tar.gz/${known.commit}`, await corpusArchive());
    const got = await getSnapshot('kleptocracy-timeline', { out, cacheDir });
    expect(got.content).toEqual({ digest: known.digest, files: known.files });
    const c = got.imported!;
    expect(c.imported + c.merged + c.refused + c.notRead).toBe(c.records);
    expect(c.imported).toBeGreaterThan(1900);
    const dataset = await loadDataset(out);
    expect(dataset.events).toHaveLength(got.events);
    expect(dataset.dataset.licenses?.[0]?.name).toBe('CC-BY-SA-4.0');
    expect(dataset.dataset.citation).toContain(known.commit);
  });

  it('refuses a snapshot whose event files are not the pinned ones, and imports nothing', async () => {
    const changed = await corpusArchive((events) => {
      const name = readdirSync(events).find((f) => f.endsWith('.md'))!;
      writeFileSync(join(events, name), `${readFileSync(join(events, name), 'utf8')}\nOne more line.\n`);
    });
    serve(`/${known.repo}/tar.gz/${known.commit}`, changed);
    await expect(getSnapshot('kleptocracy-timeline', { out, cacheDir })).rejects.toThrow(new RegExp(`expected ${known.digest} \\(2052 files\\), got sha256:[0-9a-f]{64} \\(2052 files\\); nothing was imported`));
    expect(readdirSync(out)).toEqual([]);
  });
});
