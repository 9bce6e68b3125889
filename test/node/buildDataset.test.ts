import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringifyEvent } from '../../src/index.js';
import { buildDataset, loadEvents } from '../../src/node/index.js';
import { SEEDS } from '../helpers/corpus.js';
import { makeEvent } from '../helpers/events.js';

const realWrite = vi.hoisted(() => ({ fn: undefined as unknown as typeof import('node:fs').writeSync }));
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  realWrite.fn = real.writeSync;
  return { ...real, writeSync: vi.fn(real.writeSync) };
});

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dt-build-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Text as text; the binary Parquet files as hex, so a comparison sees every byte.
const read = (dir: string) => Object.fromEntries(listAll(dir).map((f) => [f, readFileSync(join(dir, f), f.endsWith('.parquet') ? 'hex' : 'utf8')]));
function listAll(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listAll(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])).sort();
}

describe('buildDataset', () => {
  it('builds byte-identical files twice from the same seeds', async () => {
    const a = join(root, 'a');
    const b = join(root, 'b');
    expect((await buildDataset({ seeds: SEEDS, out: a, version: '1.2.3' })).ok).toBe(true);
    expect((await buildDataset({ seeds: SEEDS, out: b, version: '1.2.3' })).ok).toBe(true);
    expect(read(a)).toEqual(read(b));
    // Every text file ends its lines with \n; the Parquet and SQLite files are binary.
    const texts = Object.entries(read(a)).filter(([name]) => !/\.(parquet|sqlite)$/.test(name));
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.every(([, text]) => !text.includes('\r\n') && text.endsWith('\n'))).toBe(true);
  });

  it('builds exactly the committed data/ (the check npm test runs)', async () => {
    const result = await buildDataset({ seeds: SEEDS, out: join(SEEDS, '..', 'data'), check: true, version: JSON.parse(readFileSync(join(SEEDS, '..', 'package.json'), 'utf8')).version });
    expect(result.stale).toEqual([]);
  });

  it('names each stale, missing and unexpected file with check', async () => {
    const out = join(root, 'stale');
    await buildDataset({ seeds: SEEDS, out });
    writeFileSync(join(out, 'tags.json'), '[]\n');
    rmSync(join(out, 'events.csv'));
    writeFileSync(join(out, 'old.csv'), 'x\n');
    const result = await buildDataset({ seeds: SEEDS, out, check: true });
    expect(result.ok).toBe(false);
    expect(result.stale.sort()).toEqual(['events.csv', 'old.csv', 'tags.json']);
  });

  it('changes nothing when a build fails half way, and the next build completes it', async () => {
    const seeds = join(root, 'half-seeds');
    cpSync(SEEDS, seeds, { recursive: true });
    const out = join(root, 'atomic');
    await buildDataset({ seeds, out });
    const before = read(out);
    const file = join(seeds, '2025-11-06--kazakhstan-abraham-accords-announcement.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('importance: 5', 'importance: 6'));
    const after = read((await buildDataset({ seeds, out: join(root, 'atomic-new') }), join(root, 'atomic-new')));
    const write = vi.mocked(fs.writeSync);
    let calls = 0;
    write.mockImplementation(((...args: Parameters<typeof fs.writeSync>) => {
      if (++calls === 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return (realWrite.fn as (...a: unknown[]) => number)(...args);
    }) as typeof fs.writeSync);
    try {
      await expect(buildDataset({ seeds, out })).rejects.toThrow('no space left');
    } finally {
      write.mockImplementation(realWrite.fn);
    }
    expect(calls).toBe(3);
    // Two changed files were written beside their targets (unchanged ones are only read), then thrown away: no file changed, none is left over.
    expect(read(out)).toEqual(before);
    expect((await buildDataset({ seeds, out, check: true })).ok).toBe(false);
    expect((await buildDataset({ seeds, out })).ok).toBe(true);
    expect(read(out)).toEqual(after);
  });

  it('never touches a file it did not write: refuses a folder holding one, and keeps the project', async () => {
    const project = join(root, 'project');
    cpSync(join(SEEDS, '..', 'seeds'), join(project, 'seeds'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{}\n');
    const before = read(project);
    const result = await buildDataset({ seeds: join(project, 'seeds'), out: project });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.code)).toEqual(['build/foreign-files']);
    expect(result.issues[0]!.message).toContain('package.json');
    expect(read(project)).toEqual(before);

    const out = join(root, 'mixed');
    await buildDataset({ seeds: SEEDS, out });
    writeFileSync(join(out, 'notes.txt'), 'mine\n');
    const refused = await buildDataset({ seeds: SEEDS, out, version: '9.9.9' });
    expect(refused.issues.map((i) => i.code)).toEqual(['build/foreign-files']);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(readFileSync(join(out, 'datapackage.json'), 'utf8')).not.toContain('9.9.9');
  });

  it('removes the temporary files of a killed build and keeps a README', async () => {
    const out = join(root, 'leftovers');
    await buildDataset({ seeds: SEEDS, out });
    writeFileSync(join(out, 'events.json.4242.tmp'), '[');
    writeFileSync(join(out, 'README.md'), '# my notes\n');
    expect((await buildDataset({ seeds: SEEDS, out })).ok).toBe(true);
    expect(listAll(out)).not.toContain('events.json.4242.tmp');
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe('# my notes\n');
  });

  it('refuses to build from seeds with an error, naming it, and writes nothing', async () => {
    const seeds = join(root, 'bad-seeds');
    cpSync(SEEDS, seeds, { recursive: true });
    writeFileSync(join(seeds, '2025-01-01--x.md'), stringifyEvent(makeEvent({ id: '2025-01-01--x', date: '2025-01-01', actors: ['Nobody Registered'] })));
    const out = join(root, 'never');
    const result = await buildDataset({ seeds, out });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.code)).toEqual(['actors/unknown']);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('writes a data package whose sizes, hashes, fields and keys hold', async () => {
    const out = join(root, 'pkg');
    await buildDataset({ seeds: SEEDS, out, version: '0.1.0' });
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
    expect(pkg.licenses[0].name).toBe('CC-BY-SA-4.0');
    expect(pkg.sources.length).toBeGreaterThan(0);
    const names = pkg.resources.map((r: { name: string }) => r.name);
    expect(new Set(names).size).toBe(names.length);
    const tables: Record<string, Record<string, string>[]> = {};
    for (const r of pkg.resources) {
      expect(r.name).toMatch(/^[a-z0-9._-]+$/);
      const bytes = readFileSync(join(out, r.path));
      expect(r.bytes).toBe(bytes.length);
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      if (r.format === 'csv') {
        const rows = parse(bytes, { columns: true }) as Record<string, string>[];
        const header = bytes.toString('utf8').split('\n')[0]!.split(',');
        expect(r.schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
        tables[r.name] = rows;
      }
    }
    const ids = tables.events!.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const name of ['event_tags', 'event_actors', 'event_sources']) {
      expect(tables[name]!.length).toBeGreaterThan(0);
      for (const row of tables[name]!) expect(ids).toContain(row.event_id);
    }
    expect(listAll(out)).toContain('schema/event.schema.json');
  });

  it('derives actors, tags, sources and stats from the seeds', async () => {
    const out = join(root, 'derived');
    await buildDataset({ seeds: SEEDS, out });
    const actors = JSON.parse(readFileSync(join(out, 'actors.json'), 'utf8'));
    expect(actors.map((a: { id: string; eventCount: number }) => [a.id, a.eventCount])).toEqual([['donald-trump', 1], ['kassym-jomart-tokayev', 1], ['marco-rubio', 1]]);
    const stats = JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8'));
    expect(stats).toMatchObject({ events: 1, actors: 3, tags: 4, sources: 3, publishers: 3, firstDate: '2025-11-06', lastDate: '2025-11-06' });
    const sources = JSON.parse(readFileSync(join(out, 'sources.json'), 'utf8'));
    expect(sources[0].eventIds).toEqual(['2025-11-06--kazakhstan-abraham-accords-announcement']);
  });
});

describe('buildDataset with a cache', () => {
  it('writes nothing when nothing changed, and rebuilds what a hand edit or a seed change touched', async () => {
    const seeds = join(root, 'cache-seeds');
    cpSync(SEEDS, seeds, { recursive: true });
    const out = join(root, 'cache-out');
    const cache = join(root, 'cache-build');
    await buildDataset({ seeds, out, cache });
    const first = fs.statSync(join(out, 'events.json')).mtimeMs;
    const again = await buildDataset({ seeds, out, cache });
    expect(again.ok).toBe(true);
    expect(again.files).toContain('events.json');
    expect(fs.statSync(join(out, 'events.json')).mtimeMs).toBe(first);

    writeFileSync(join(out, 'tags.json'), '[]\n');
    await buildDataset({ seeds, out, cache });
    expect(JSON.parse(readFileSync(join(out, 'tags.json'), 'utf8'))).toHaveLength(4);

    const file = join(seeds, '2025-11-06--kazakhstan-abraham-accords-announcement.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('importance: 5', 'importance: 7'));
    await buildDataset({ seeds, out, cache });
    expect(JSON.parse(readFileSync(join(out, 'events.json'), 'utf8'))[0].importance).toBe(7);
    expect((await buildDataset({ seeds, out, check: true })).stale).toEqual([]);
  });
});

describe('buildDataset after a 0.1.0 build was killed', () => {
  it('puts a moved-aside data folder back when the output is missing, and removes a half-written one', async () => {
    const parent = join(root, 'killed');
    fs.mkdirSync(parent);
    await buildDataset({ seeds: SEEDS, out: join(parent, 'data') });
    fs.renameSync(join(parent, 'data'), join(parent, 'data.old-999999999'));
    fs.mkdirSync(join(parent, 'data.tmp-999999998'));
    writeFileSync(join(parent, 'data.tmp-999999998', 'events.json'), '[');
    expect((await buildDataset({ seeds: SEEDS, out: join(parent, 'data') })).ok).toBe(true);
    expect(readdirSync(parent)).toEqual(['data']);
    expect((await buildDataset({ seeds: SEEDS, out: join(parent, 'data'), check: true })).ok).toBe(true);
  });
});
