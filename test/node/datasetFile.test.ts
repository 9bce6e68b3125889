import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDerivedDates } from '../../src/index.js';
import { loadEvents, openProject } from '../../src/node/index.js';
import { makeEvent } from '../helpers/events.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dt-dataset-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const events = Array.from({ length: 5 }, (_, i) => makeEvent({ id: `2024-01-0${i + 1}--event-${i}`, date: `2024-01-0${i + 1}`, title: `Event ${i}`, sources: [{ title: 'S', url: `https://example.org/${i}`, archiveUrl: `https://web.archive.org/web/2024/https://example.org/${i}` }] }));
const asJson = (list: unknown[]) => `${JSON.stringify(list, null, 2)}\n`;
const asNdjson = (list: unknown[]) => list.map((e) => `${JSON.stringify(e)}\n`).join('');

function dataFolder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('loadEvents on built datasets', () => {
  it('reads a data folder through its events.json alone, counting its records', async () => {
    const dir = dataFolder('data', {
      'datapackage.json': '{"name": "x", "resources": []}',
      'events.json': asJson(events.map(withDerivedDates)),
      'stats.json': '{"events": 5}',
      'tombstones.json': '[]',
      'actors.json': '[]',
    });
    const loaded = await loadEvents(dir);
    expect(loaded.issues).toEqual([]);
    expect(loaded.events).toEqual(events);
    expect(loaded.counts).toEqual({ files: 1, records: 5, events: 5, notRead: 0, refused: 0, duplicates: 0, skipped: 0, hiddenFolders: 0, cached: 0 });
    expect(loaded.files).toEqual(events.map(() => join(dir, 'events.json')));
    // Each item starts on its own line: `[`, then one event of 33 lines per item.
    expect(loaded.lines[0]).toBe(2);
    expect(new Set(loaded.lines).size).toBe(5);
  });

  it('reads events.json and events.ndjson named directly, as the seeds they were built from', async () => {
    const dir = dataFolder('named', { 'events.json': asJson(events.map(withDerivedDates)), 'events.ndjson': asNdjson(events.map(withDerivedDates)) });
    for (const file of ['events.json', 'events.ndjson']) {
      const loaded = await loadEvents(join(dir, file));
      expect(loaded.events).toEqual(events);
      expect(loaded.counts.records).toBe(5);
    }
    expect((await loadEvents(join(dir, 'events.ndjson'))).lines).toEqual([1, 2, 3, 4, 5]);
  });

  it('applies the size limit to each record, not to the file', async () => {
    const big = makeEvent({ id: '2024-02-01--big', date: '2024-02-01', summary: 'x'.repeat(5000) });
    const dir = dataFolder('limit', { 'events.ndjson': asNdjson([...events, big]) });
    const loaded = await loadEvents(join(dir, 'events.ndjson'), { maxBytes: 2000 });
    expect(loaded.events).toEqual(events);
    expect(loaded.issues).toEqual([{ severity: 'error', code: 'file/too-large', message: expect.stringMatching(/^the record here is \d+ bytes, over the limit of 2000 per event$/), file: join(dir, 'events.ndjson'), line: 6, column: 1 }]);
    expect(loaded.counts).toMatchObject({ files: 1, records: 6, events: 5, refused: 1 });
  });

  it('refuses a bad record at its line and loads the others; a file cut short keeps what comes before the cut', async () => {
    const bad = { ...withDerivedDates(events[1]!), importance: 'high' };
    const text = asJson([withDerivedDates(events[0]!), bad, withDerivedDates(events[2]!)]);
    const cut = text.slice(0, text.lastIndexOf('"title"'));
    const dir = dataFolder('bad', { 'events.json': text, 'cut.json': cut });
    const loaded = await loadEvents(join(dir, 'events.json'));
    expect(loaded.events).toEqual([events[0], events[2]]);
    const line = text.split('\n').findIndex((l) => l.includes('"high"')) + 1;
    expect(loaded.issues).toEqual([expect.objectContaining({ code: 'schema/importance', file: join(dir, 'events.json'), line, column: 19, path: 'importance' })]);
    const truncated = await loadEvents(join(dir, 'cut.json'));
    expect(truncated.events).toEqual([events[0]]);
    expect(truncated.issues.map((i) => [i.code, i.message])).toEqual([
      ['schema/importance', expect.stringContaining('importance')],
      ['json/syntax', 'the file ends inside item 3 (cut short?)'],
    ]);
    expect(truncated.counts).toMatchObject({ records: 3, events: 1, refused: 2 });
  });

  it('tells twins apart by record, so two records with one id keep one of them', async () => {
    const dir = dataFolder('twins', { 'events.ndjson': asNdjson([events[0], events[1], { ...events[0], title: 'Twin' }]) });
    const loaded = await loadEvents(join(dir, 'events.ndjson'), { mode: 'lenient' });
    expect(loaded.events.map((e) => e.title)).toEqual(['Event 0', 'Event 1']);
    expect(loaded.counts).toMatchObject({ records: 3, events: 2, duplicates: 1 });
    expect(loaded.issues).toEqual([expect.objectContaining({ code: 'identity/duplicate-id', line: 3, message: expect.stringContaining('this record is skipped') })]);
  });

  it('opens a data folder with its actors.json as the registry', async () => {
    const actors = [{ id: 'donald-trump', name: 'Donald Trump', aliases: ['Trump'], kind: 'person', eventCount: 5, firstDate: '2024-01-01', lastDate: '2024-01-05' }];
    const dir = dataFolder('registry', { 'datapackage.json': '{}', 'events.json': asJson(events.map(withDerivedDates)), 'actors.json': JSON.stringify(actors) });
    const project = await openProject([dir]);
    expect(project.registryFile).toBe(join(dir, 'actors.json'));
    expect(project.registry?.resolve('Trump')?.id).toBe('donald-trump');
    writeFileSync(join(dir, 'actors.json'), '{}');
    const broken = await openProject([join(dir, 'events.json')]);
    expect(broken.registry).toBeUndefined();
    expect(broken.registryIssues).toEqual([expect.objectContaining({ code: 'actors/list', file: join(dir, 'actors.json'), message: 'expected a list of actors, got {}' })]);
  });
});
