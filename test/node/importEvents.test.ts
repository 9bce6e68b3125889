import * as fs from 'node:fs';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTimeline, stringifyEvent } from '../../src/index.js';
import { buildDataset, importEvents, loadActors, loadEvents } from '../../src/node/index.js';
import { CORPUS, FIXTURES, HAS_CORPUS } from '../helpers/corpus.js';
import { makeEvent } from '../helpers/events.js';

const EVENTS = join(FIXTURES, 'import/events');
const REGISTRY = join(FIXTURES, 'import/actors.yaml');

const realWrite = vi.hoisted(() => ({ fn: undefined as unknown as typeof import('node:fs').writeSync }));
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  realWrite.fn = real.writeSync;
  return { ...real, writeSync: vi.fn(real.writeSync) };
});

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dt-import-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('importEvents', () => {
  it('accounts for every file: imported, merged into a twin, or refused with its errors', async () => {
    const out = join(root, 'fates');
    const result = await importEvents(EVENTS, { out });
    const fates = Object.fromEntries(result.files.map((f) => [f.file.replace(`${EVENTS}/`, ''), f.fate === 'refused' || f.fate === 'not-read' ? f.issues.filter((i) => i.severity === 'error').map((i) => i.code) : f.fate === 'skipped' ? [f.fate, f.why] : [f.fate, f.id]]));
    expect(fates).toEqual({
      '2017-01-30_eo_13771_reducing_regulation.yaml': ['imported', '2017-01-30--executive-order-13771-reducing-regulation'],
      '2024-05-01--twin-event.json': ['merged', '2024-05-01--twin-event'],
      '2024-05-01--twin-event.md': ['imported', '2024-05-01--twin-event'],
      '2025-11-01--empty-sources.md': ['schema/sources'],
      'bad-id.md': ['imported', '1976-01-30--supreme-court-decides-buckley-v-valeo-ruling'],
    });
    const { counts } = result;
    expect(counts).toEqual({ files: 5, records: 5, imported: 3, merged: 1, refused: 1, notRead: 0, skipped: 0, hiddenFolders: 0, idsRepaired: 2, conflicts: 2 });
    expect(counts.imported + counts.merged + counts.refused + counts.notRead).toBe(counts.records);
  });

  it('merges twins field by field, the Markdown twin leading, keeping the other value of each conflict in extra', async () => {
    const { events, conflicts } = await importEvents(EVENTS, { out: join(root, 'twins') });
    const twin = events.find((e) => e.id === '2024-05-01--twin-event')!;
    expect(twin.tags).toEqual(['courts', 'elections']);
    expect(twin.actors).toEqual(['Donald Trump', 'President Donald Trump']);
    expect(twin.sources.map((s) => [s.title, s.publisher, s.date])).toEqual([['A report', 'Reuters', '2024-05-02'], ['Another report', undefined, undefined]]);
    expect(twin.status).toBe('confirmed');
    expect(twin.title).toBe('A twin event, as the Markdown file tells it');
    expect(conflicts.map((c) => [c.field, c.file.endsWith('.md'), c.otherFile.endsWith('.json')])).toEqual([['title', true, true], ['sources[0].url', true, true]]);
    expect(twin.extra?.twin_values).toEqual({
      '2024-05-01--twin-event.json': { title: 'A twin event, as the JSON file tells it', 'sources[0].url': 'https://reuters.com/world/twin/' },
    });
  });

  it('keeps the fuller text of two twins, keys what it sets aside by path, and takes no id already spoken for', async () => {
    const dir = join(root, 'twins-deep');
    const e = makeEvent({ id: '2024-06-01--twin', date: '2024-06-01', summary: 'Short.' });
    mkdirSync(join(dir, 'a'), { recursive: true });
    mkdirSync(join(dir, 'b'), { recursive: true });
    // Two twins of one file name in two folders, and a third: each set aside under its own path.
    writeFileSync(join(dir, 'a', 'same.json'), stringifyEvent({ ...e, summary: 'Short. And the longer account of what happened.' }, { format: 'json' }));
    writeFileSync(join(dir, 'b', 'same.json'), stringifyEvent({ ...e, title: 'Another title' }, { format: 'json' }));
    writeFileSync(join(dir, `${e.id}.md`), stringifyEvent({ ...e, title: `${e.title}, as the Markdown file tells it`, extra: { twin_values: 'given by hand' } }));
    // An id to repair whose repair is another event's former id, and a file already in --out by that name.
    writeFileSync(join(dir, 'legacy.md'), stringifyEvent(makeEvent({ id: 'x', date: '2024-07-01', title: 'Legacy' })).replace('id: x', 'id: 2024-07-01_x'));
    writeFileSync(join(dir, 'holder.md'), stringifyEvent(makeEvent({ id: '2024-07-02--holder', date: '2024-07-02', formerIds: ['2024-07-01--x'] })));
    const out = join(root, 'twins-deep-out');
    mkdirSync(out);
    writeFileSync(join(out, '2024-07-01--x-2.md'), stringifyEvent(makeEvent({ id: '2024-07-01--x-2', date: '2024-07-01', title: 'Written by hand' })));
    const { events, conflicts, repairedIds } = await importEvents(dir, { out });
    const twin = events.find((x) => x.id === e.id)!;
    // The fuller summary wins (it holds the other); the shorter is set aside.
    expect(twin.summary).toBe('Short. And the longer account of what happened.');
    expect(twin.title).toBe(`${e.title}, as the Markdown file tells it`);
    expect(twin.extra?.twin_values).toEqual({ '(given)': 'given by hand', 'a/same.json': { title: e.title }, '2024-06-01--twin.md': { summary: 'Short.' }, 'b/same.json': { title: 'Another title', summary: 'Short.' } });
    expect(conflicts.find((c) => c.field === 'summary')).toMatchObject({ kept: 'Short. And the longer account of what happened.', other: 'Short.' });
    // 2024-07-01--x is a former id of another event, -x-2 a file written by hand: the repair takes -x-3.
    expect(repairedIds).toEqual([{ from: '2024-07-01_x', to: '2024-07-01--x-3' }]);
    expect(readFileSync(join(out, '2024-07-01--x-2.md'), 'utf8')).toContain('Written by hand');
    // Imported again, the same event gets the same id: the file there is its own.
    expect((await importEvents(dir, { out })).repairedIds).toEqual([{ from: '2024-07-01_x', to: '2024-07-01--x-3' }]);
  });

  it('repairs ids that break the id rule and keeps the old ones, so they still resolve', async () => {
    const { events, repairedIds } = await importEvents(EVENTS, { out: join(root, 'ids') });
    expect(repairedIds).toEqual([
      { from: '1976-01-30--supreme-court-decides-buckley-v.-valeo,-ruling', to: '1976-01-30--supreme-court-decides-buckley-v-valeo-ruling' },
      { from: 'executive-order-13771-reducing-regulation', to: '2017-01-30--executive-order-13771-reducing-regulation' },
    ]);
    const timeline = createTimeline(events);
    expect(timeline.get('executive-order-13771-reducing-regulation')?.id).toBe('2017-01-30--executive-order-13771-reducing-regulation');
  });

  it('represents what a corpus lacks without inventing it, and keeps unknown keys under extra', async () => {
    const { events } = await importEvents(EVENTS, { out: join(root, 'honest') });
    const eo = events.find((e) => e.id.startsWith('2017-01-30'))!;
    expect(eo.importance).toBeNull();
    expect(eo.sources).toEqual([
      { url: 'https://www.federalregister.gov/documents/2017/02/03/2017-02451/reducing-regulation' },
      { url: 'https://www.whitehouse.gov/presidential-actions/eo-13771', archiveUrl: 'https://web.archive.org/web/2017/https://www.whitehouse.gov/presidential-actions/eo-13771' },
    ]);
    expect(eo.summary).toBe('The order required agencies to repeal two regulations for each new one.');
    expect(eo.extra).toEqual({ patterns: ['executive-power'], validation_metadata: { score: 3 } });
  });

  it('writes a folder that strict reading and build accept with no error, and build --check finds clean', async () => {
    const out = join(root, 'buildable');
    cpSync(REGISTRY, join(out, 'actors.yaml'));
    await importEvents(EVENTS, { out });
    const strict = await loadEvents(out, { mode: 'strict' });
    expect(strict.issues).toEqual([]);
    expect(strict.events).toHaveLength(3);
    const built = await buildDataset({ seeds: out, out: join(root, 'buildable-data') });
    expect(built.issues).toEqual([]);
    expect(built.ok).toBe(true);
    expect((await buildDataset({ seeds: out, out: join(root, 'buildable-data'), check: true })).stale).toEqual([]);
  });

  it('merges into a registry with hand edits: entries kept, new spellings added as aliases, nothing guessed', async () => {
    const out = join(root, 'registry');
    cpSync(REGISTRY, join(out, 'actors.yaml'));
    const { registry } = await importEvents(EVENTS, { out });
    expect(registry).toMatchObject({ entries: 2, added: 1, aliasesAdded: 2 });
    const text = readFileSync(join(out, 'actors.yaml'), 'utf8');
    expect(text).toContain('kind: person');
    expect(text).toMatch(/- id: donald-trump\n {2}name: Donald Trump\n {2}aliases:\n {2}- Trump\n {2}- President Donald Trump\n {2}- President Trump\n/);
    expect(text).toMatch(/- id: supreme-court\n {2}name: Supreme Court\n {2}aliases: \[\]\n$/);

    // Only new entries: appended, so the maintainer's comment and layout stay.
    const appended = join(root, 'appended');
    writeFileSync(join(root, 'complete.yaml'), `${readFileSync(REGISTRY, 'utf8')}  # keep me\n`);
    cpSync(join(root, 'complete.yaml'), join(appended, 'actors.yaml'));
    writeFileSync(join(appended, 'actors.yaml'), readFileSync(join(appended, 'actors.yaml'), 'utf8').replace('  - Trump\n', '  - Trump\n  - President Donald Trump\n  - President Trump\n'));
    const before = readFileSync(join(appended, 'actors.yaml'), 'utf8');
    await importEvents(EVENTS, { out: appended });
    expect(readFileSync(join(appended, 'actors.yaml'), 'utf8').startsWith(before)).toBe(true);

    // A registry written as a flow list takes no appended entries: it is written anew, and reads back.
    const flow = join(root, 'flow');
    mkdirSync(flow);
    writeFileSync(join(flow, 'actors.yaml'), '[]\n');
    const { registry: fresh } = await importEvents(EVENTS, { out: flow });
    const back = await loadActors(join(flow, 'actors.yaml'));
    expect(back.issues).toEqual([]);
    expect(back.actors).toHaveLength(fresh.entries);
    expect(fresh.entries).toBeGreaterThan(0);
  });

  it('changes no byte when the same folder is imported again, and imports its own output to the same bytes', async () => {
    const out = join(root, 'again');
    await importEvents(EVENTS, { out });
    const first = snapshot(out);
    expect((await importEvents(EVENTS, { out })).written).toEqual([]);
    expect(snapshot(out)).toEqual(first);
    const copy = join(root, 'again-copy');
    const again = await importEvents(out, { out: copy });
    expect(snapshot(copy)).toEqual(first);
    expect(again.counts).toMatchObject({ files: 3, imported: 3, merged: 0, refused: 0, idsRepaired: 0 });
  });

  it('refuses to write into a folder it reads: the next run would read its own output beside the originals', async () => {
    const inside = join(root, 'reads-itself');
    cpSync(EVENTS, inside, { recursive: true });
    const before = snapshot(inside);
    for (const out of [inside, join(inside, 'seeds')]) await expect(importEvents(inside, { out })).rejects.toThrow(/is inside the folder it imports/);
    expect(snapshot(inside)).toEqual(before);
  });

  it('writes nothing with dryRun', async () => {
    const out = join(root, 'dry');
    const result = await importEvents(EVENTS, { out, dryRun: true });
    expect(result.written.length).toBe(4);
    expect(() => readdirSync(out)).toThrow();
  });
});

describe('importEvents from a built dataset', () => {
  it('imports every record of an events.json, each accounted for at its line, and gives back the seeds it was built from', async () => {
    const seeds = join(root, 'ds-seeds');
    await importEvents(EVENTS, { out: seeds });
    const data = join(root, 'ds-data');
    expect((await buildDataset({ seeds, out: data })).ok).toBe(true);
    // One record broken by hand: refused at its line, the others imported.
    const text = readFileSync(join(data, 'events.json'), 'utf8');
    const broken = join(root, 'ds-broken.json');
    writeFileSync(broken, text.replace('"importance": 6', '"importance": "six"'));
    const out = join(root, 'ds-out');
    const result = await importEvents(broken, { out });
    expect(result.counts).toMatchObject({ files: 1, records: 3, imported: 2, refused: 1, notRead: 0 });
    const lines = text.split('\n');
    const start = lines.slice(0, lines.findIndex((l) => l.includes('"importance": 6'))).lastIndexOf('  {') + 1;
    const refused = result.files.find((f) => f.fate === 'refused')!;
    expect(refused.line).toBe(start);
    expect(refused.fate === 'refused' && refused.issues.map((i) => i.code)).toEqual(['schema/importance']);
    // The whole dataset gives back the seeds, byte for byte.
    const back = join(root, 'ds-back');
    await importEvents(join(data, 'events.json'), { out: back });
    for (const name of readdirSync(seeds).filter((f) => f.endsWith('.md'))) expect(readFileSync(join(back, name), 'utf8'), name).toBe(readFileSync(join(seeds, name), 'utf8'));
  });
});

describe('importEvents keeps every event it can, and says what it set aside', () => {
  it('imports no tags, an empty list item, an id unsafe as a file name; skips what is no event, and counts it', async () => {
    const dir = join(root, 'hugo-like');
    mkdirSync(join(dir, 'posts'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    const base = (id: string, lines: string[]) => `---\nid: ${id}\ndate: '2024-03-0${id.slice(9, 10)}'\ntitle: Event ${id}\nimportance: 4\n${lines.join('\n')}\nactors: []\nsources:\n- title: A report\n  url: https://example.org/${id.length}\n---\n\nWhat happened.\n`;
    writeFileSync(join(dir, 'posts/no-tags.md'), base('2024-03-01--no-tags', []));
    writeFileSync(join(dir, 'posts/empty-tags.md'), base('2024-03-02--empty-tags', ['tags: []']));
    writeFileSync(join(dir, 'posts/metoo.md'), base('2024-03-03--metoo', ['tags:', '- courts', '- #MeToo']));
    writeFileSync(join(dir, 'posts/unsafe.md'), base('2024-03-04--caf\\u00e9/menu', ['tags: [courts]']));
    writeFileSync(join(dir, '_index.md'), '---\ntitle: Events\n---\n\nThe section page.\n');
    writeFileSync(join(dir, 'posts/_index.md'), '---\ntitle: Posts\n---\n');
    writeFileSync(join(dir, 'readme.md'), '# About these events\n');
    writeFileSync(join(dir, '.git/HEAD.md'), 'not read');
    const out = join(root, 'hugo-like-seeds');
    const result = await importEvents(dir, { out });
    expect(result.counts).toMatchObject({ files: 7, records: 7, imported: 4, refused: 0, notRead: 0, skipped: 3, hiddenFolders: 1 });
    expect(result.files.filter((f) => f.fate === 'skipped').map((f) => f.file.slice(dir.length + 1))).toEqual(['_index.md', 'posts/_index.md', 'readme.md']);
    const byId = new Map(result.events.map((e) => [e.id, e]));
    expect(byId.get('2024-03-01--no-tags')?.tags).toEqual([]);
    expect(byId.get('2024-03-02--empty-tags')?.tags).toEqual([]);
    expect(byId.get('2024-03-03--metoo')?.tags).toEqual(['courts']);
    // The empty item is said, with why: a # starts a YAML comment.
    const metoo = result.issues.find((i) => i.code === 'legacy/null-item')!;
    expect(metoo).toMatchObject({ severity: 'warning', path: 'tags[1]' });
    expect(metoo.message).toContain("in YAML a # starts a comment, so the value was never read: quote it ('#MeToo') to keep it");
    // The unsafe id is repaired like any other, the old one kept.
    const repaired = result.events.find((e) => e.formerIds?.includes('2024-03-04--caf\\u00e9/menu'))!;
    expect(repaired.id).toBe('2024-03-04--caf-u00e9-menu');
    expect(result.repairedIds).toContainEqual({ from: '2024-03-04--caf\\u00e9/menu', to: repaired.id });
    // What import writes, strict reading and the build take, the empty tags with a warning.
    const strict = await loadEvents(out, { mode: 'strict' });
    expect(strict.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(strict.issues.filter((i) => i.code === 'lint/no-tags')).toHaveLength(2);
    expect((await buildDataset({ seeds: out, out: join(root, 'hugo-like-data') })).ok).toBe(true);
  });
});

describe('importEvents and actor ids across releases', () => {
  it('keeps every actor id of a registry it starts from, adding only new actors', async () => {
    const folder = (name: string, actors: string[][]) => {
      const dir = join(root, name);
      mkdirSync(dir);
      actors.forEach((names, i) => writeFileSync(join(dir, `2024-02-0${i + 1}--e${i}.md`), stringifyEvent(makeEvent({ id: `2024-02-0${i + 1}--e${i}`, date: `2024-02-0${i + 1}`, actors: names }))));
      return dir;
    };
    // Release 1 names him mostly with his title; release 2 mostly without.
    const first = folder('rel-1', [['President Donald Trump'], ['President Donald Trump'], ['Donald Trump']]);
    const second = folder('rel-2', [['Donald Trump'], ['Donald Trump'], ['President Donald Trump'], ['Jane Roe']]);
    const seeds1 = join(root, 'rel-1-seeds');
    await importEvents(first, { out: seeds1 });
    const ids = async (dir: string) => (await loadActors(join(dir, 'actors.yaml'))).actors.map((a) => a.id).sort();
    expect(await ids(seeds1)).toEqual(['president-donald-trump']);
    // From scratch the id follows the most used spelling: it churns.
    const scratch = join(root, 'rel-2-scratch');
    await importEvents(second, { out: scratch });
    expect(await ids(scratch)).toEqual(['donald-trump', 'jane-roe']);
    // Started from release 1's registry (or its built actors.json), it stays.
    for (const registry of [join(seeds1, 'actors.yaml'), await (async () => {
      const data = join(root, 'rel-1-data');
      await buildDataset({ seeds: seeds1, out: data });
      return join(data, 'actors.json');
    })()]) {
      const out = join(root, `rel-2-${registry.endsWith('.json') ? 'json' : 'yaml'}`);
      await importEvents(second, { out, registry });
      expect(await ids(out)).toEqual(['jane-roe', 'president-donald-trump']);
      expect(readFileSync(join(out, 'actors.yaml'), 'utf8')).not.toContain('eventCount');
    }
    // A folder that holds its own registry keeps that one: naming another is refused.
    await expect(importEvents(second, { out: seeds1, registry: join(scratch, 'actors.yaml') })).rejects.toThrow(/already holds actors\.yaml/);
  });
});

describe('importEvents when it cannot finish', () => {
  it('writes nothing, not even the folder, when no event can be imported', async () => {
    const out = join(root, 'none');
    const result = await importEvents(join(root, 'no-such-folder'), { out });
    expect(result.events).toEqual([]);
    expect(result.emptyPaths).toEqual([join(root, 'no-such-folder')]);
    expect(existsSync(out)).toBe(false);
  });

  it('never writes through a symbolic link in the output folder: nothing is written and the file it points to is intact', async () => {
    const out = join(root, 'linked');
    mkdirSync(out);
    const victim = join(root, 'victim.yaml');
    writeFileSync(victim, '[]\n');
    symlinkSync(victim, join(out, 'actors.yaml'));
    await expect(importEvents(EVENTS, { out })).rejects.toThrow(expect.objectContaining({ code: 'ESYMLINK' }));
    expect(readFileSync(victim, 'utf8')).toBe('[]\n');
    expect(readdirSync(out)).toEqual(['actors.yaml']);
  });

  it('changes nothing when a write fails half way, and the next run writes everything', async () => {
    const out = join(root, 'half');
    await importEvents(EVENTS, { out });
    const before = snapshot(out);
    for (const f of Object.keys(before)) if (f.endsWith('.md')) writeFileSync(join(out, f), `${before[f]}\n`);
    const edited = snapshot(out);
    const write = vi.mocked(fs.writeSync);
    let calls = 0;
    write.mockImplementation(((...args: Parameters<typeof fs.writeSync>) => {
      if (++calls === 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return (realWrite.fn as (...a: unknown[]) => number)(...args);
    }) as typeof fs.writeSync);
    try {
      await expect(importEvents(EVENTS, { out })).rejects.toThrow('no space left');
    } finally {
      write.mockImplementation(realWrite.fn);
    }
    expect(snapshot(out)).toEqual(edited);
    await importEvents(EVENTS, { out });
    expect(snapshot(out)).toEqual(before);
  });
});

describe.skipIf(!HAS_CORPUS)('importEvents on the real corpus', () => {
  it('imports every file it can, accounts for the rest, and builds clean', async () => {
    const out = join(root, 'corpus');
    const result = await importEvents(CORPUS, { out });
    const { counts } = result;
    expect(counts.files).toBe(readdirSync(CORPUS).length);
    expect(counts.imported + counts.merged + counts.refused + counts.notRead).toBe(counts.records);
    expect(counts.merged).toBe(117);
    expect(counts.refused).toBeLessThanOrEqual(2);
    expect(result.registry.spellings).toBeGreaterThan(3000);
    const strict = await loadEvents(out, { mode: 'strict' });
    expect(strict.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(strict.events).toHaveLength(counts.imported);
    const data = join(root, 'corpus-data');
    expect((await buildDataset({ seeds: out, out: data })).issues).toEqual([]);
    expect((await buildDataset({ seeds: out, out: data, check: true })).ok).toBe(true);
    const again = await importEvents(CORPUS, { out });
    expect(again.written).toEqual([]);
  });
});
