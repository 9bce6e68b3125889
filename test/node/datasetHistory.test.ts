import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTimeline, stringifyEvent, type Event } from '../../src/index.js';
import { buildDataset } from '../../src/node/build/buildDataset.js';
import { makeEvent } from '../helpers/events.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dt-history-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const on = (id: string, over: Partial<Event> = {}) => makeEvent({ id, date: id.slice(0, 10), actors: [], ...over });
const read = <T>(dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

describe('changes.json and tombstones.json', () => {
  it('records each release against the previous one, and carries the tombstones on', async () => {
    const seeds = join(root, 'seeds');
    mkdirSync(seeds);
    const [a, b, c, d] = ['2025-01-01--a', '2025-01-02--b', '2025-01-03--c', '2025-01-04--d'].map((id) => on(id));
    for (const e of [a!, b!, c!, d!]) writeFileSync(join(seeds, `${e.id}.md`), stringifyEvent(e));
    const v1 = join(root, 'v1');
    expect((await buildDataset({ seeds, out: v1, version: '1.0.0' })).ok).toBe(true);
    expect(read<{ from: null; events: { added: unknown[] } }>(v1, 'changes.json')).toMatchObject({ from: null, to: '1.0.0', bump: 'minor' });
    expect(read<unknown[]>(v1, 'tombstones.json')).toEqual([]);

    // 2.0.0: b removed, c renamed, d merged into a.
    unlinkSync(join(seeds, `${b!.id}.md`));
    unlinkSync(join(seeds, `${c!.id}.md`));
    unlinkSync(join(seeds, `${d!.id}.md`));
    writeFileSync(join(seeds, '2025-01-03--c-renamed.md'), stringifyEvent({ ...c!, id: '2025-01-03--c-renamed', formerIds: [c!.id] }));
    writeFileSync(join(seeds, `${a!.id}.md`), stringifyEvent({ ...a!, formerIds: [d!.id] }));
    const v2 = join(root, 'v2');
    expect((await buildDataset({ seeds, out: v2, version: '2.0.0', previous: v1 })).ok).toBe(true);
    const changes = read<{ from: string; to: string; bump: string; events: { removed: { id: string }[]; renamed: unknown[]; merged: unknown[] } }>(v2, 'changes.json');
    expect([changes.from, changes.to, changes.bump]).toEqual(['1.0.0', '2.0.0', 'major']);
    expect(changes.events.removed.map((r) => r.id)).toEqual([b!.id]);
    expect(changes.events.renamed).toEqual([{ from: c!.id, to: '2025-01-03--c-renamed' }]);
    expect(changes.events.merged).toEqual([{ from: [d!.id], into: a!.id }]);
    const stones = read<{ id: string; removedIn: string; replacedBy?: string }[]>(v2, 'tombstones.json');
    expect(stones).toEqual([
      { id: b!.id, removedIn: '2.0.0' },
      { id: c!.id, removedIn: '2.0.0', replacedBy: '2025-01-03--c-renamed' },
      { id: d!.id, removedIn: '2.0.0', replacedBy: a!.id },
    ]);
    const datapackage = read<{ resources: { path: string }[] }>(v2, 'datapackage.json');
    expect(datapackage.resources.map((r) => r.path)).toEqual(expect.arrayContaining(['changes.json', 'tombstones.json']));

    // A timeline says where an old id went.
    const timeline = createTimeline(read<Event[]>(v2, 'events.json'), { tombstones: stones });
    expect(timeline.get(b!.id)).toBeUndefined();
    expect(timeline.tombstone(b!.id)).toEqual({ id: b!.id, removedIn: '2.0.0' });
    expect(timeline.get(c!.id)?.id).toBe('2025-01-03--c-renamed');
    expect(timeline.tombstone(c!.id)).toBeUndefined();

    // 2.1.0 with nothing changed: no changes, the tombstones carried on as they were.
    const v3 = join(root, 'v3');
    expect((await buildDataset({ seeds, out: v3, version: '2.1.0', previous: v2 })).ok).toBe(true);
    expect(read<{ bump: string }>(v3, 'changes.json').bump).toBe('none');
    expect(read<unknown[]>(v3, 'tombstones.json')).toEqual(stones);
    // The same inputs build the same bytes; check agrees.
    expect((await buildDataset({ seeds, out: v3, version: '2.1.0', previous: v2, check: true })).ok).toBe(true);
  });

  it('never lets an id that found an event find nothing: a dropped former id is a tombstone and a major change', async () => {
    const seeds = join(root, 'seeds-dropped');
    mkdirSync(seeds);
    // A: new-slug keeps old_slug as a former id; gone is an event.
    const kept = on('2020-01-02--new-slug', { formerIds: ['2020-01-02--old_slug'] });
    const gone = on('2020-01-03--gone', { formerIds: ['2020-01-03--gone-before'] });
    writeFileSync(join(seeds, `${kept.id}.md`), stringifyEvent(kept));
    writeFileSync(join(seeds, `${gone.id}.md`), stringifyEvent(gone));
    const a = join(root, 'dropped-a');
    expect((await buildDataset({ seeds, out: a, version: '1.0.0' })).ok).toBe(true);
    // B: the same event without its former id; gone removed with its own former id.
    writeFileSync(join(seeds, `${kept.id}.md`), stringifyEvent({ ...kept, formerIds: undefined }));
    unlinkSync(join(seeds, `${gone.id}.md`));
    const b = join(root, 'dropped-b');
    expect((await buildDataset({ seeds, out: b, version: '2.0.0', previous: a })).ok).toBe(true);
    const changes = read<{ bump: string; reasons: string[]; events: { dropped: unknown[] } }>(b, 'changes.json');
    expect(changes.bump).toBe('major');
    expect(changes.events.dropped).toEqual([
      { id: '2020-01-02--old_slug', heldBy: kept.id, replacedBy: kept.id },
      { id: '2020-01-03--gone-before', heldBy: gone.id },
    ]);
    const stones = read<{ id: string; removedIn: string; replacedBy?: string }[]>(b, 'tombstones.json');
    expect(stones).toEqual([
      { id: '2020-01-02--old_slug', removedIn: '2.0.0', replacedBy: kept.id },
      { id: gone.id, removedIn: '2.0.0' },
      { id: '2020-01-03--gone-before', removedIn: '2.0.0' },
    ]);
    const timeline = createTimeline(read<Event[]>(b, 'events.json'), { tombstones: stones });
    expect(timeline.tombstone('2020-01-02--old_slug')).toEqual({ id: '2020-01-02--old_slug', removedIn: '2.0.0', replacedBy: kept.id });
  });

  it('follows replacedBy to an event that is there now, through a later rename and a later removal', async () => {
    const seeds = join(root, 'seeds-chain');
    mkdirSync(seeds);
    const x = on('2021-05-01--x');
    const y = on('2021-05-02--y');
    for (const e of [x, y]) writeFileSync(join(seeds, `${e.id}.md`), stringifyEvent(e));
    const v1 = join(root, 'chain-1');
    await buildDataset({ seeds, out: v1, version: '1.0.0' });
    // 2: x renamed to x2; y merged into z (new).
    unlinkSync(join(seeds, `${x.id}.md`));
    unlinkSync(join(seeds, `${y.id}.md`));
    const x2 = on('2021-05-01--x2', { formerIds: [x.id] });
    const z = on('2021-05-03--z', { formerIds: [y.id] });
    for (const e of [x2, z]) writeFileSync(join(seeds, `${e.id}.md`), stringifyEvent(e));
    const v2 = join(root, 'chain-2');
    await buildDataset({ seeds, out: v2, version: '2.0.0', previous: v1 });
    // 3: x2 renamed again (x3 keeps only x2), z removed.
    unlinkSync(join(seeds, `${x2.id}.md`));
    unlinkSync(join(seeds, `${z.id}.md`));
    const x3 = on('2021-05-01--x3', { formerIds: [x2.id] });
    writeFileSync(join(seeds, `${x3.id}.md`), stringifyEvent(x3));
    const v3 = join(root, 'chain-3');
    await buildDataset({ seeds, out: v3, version: '3.0.0', previous: v2 });
    const stones = Object.fromEntries(read<{ id: string; removedIn: string; replacedBy?: string }[]>(v3, 'tombstones.json').map((t) => [t.id, t]));
    // x was last held by x2, which x3 holds now: x's tombstone leads to x3.
    expect(stones[x.id]).toEqual({ id: x.id, removedIn: '2.0.0', replacedBy: x3.id });
    // y went into z, and z is gone: y's tombstone leads to z's, the last removal.
    expect(stones[y.id]).toEqual({ id: y.id, removedIn: '2.0.0', replacedBy: z.id });
    expect(stones[z.id]).toEqual({ id: z.id, removedIn: '3.0.0' });
    // A rename, as ever: x3 holds x2, and its tombstone says when and where it went.
    expect(stones[x2.id]).toEqual({ id: x2.id, removedIn: '3.0.0', replacedBy: x3.id });
  });

  it('checks the tombstones of a previous release before it carries them on', async () => {
    const seeds = join(root, 'seeds-hostile');
    mkdirSync(seeds);
    writeFileSync(join(seeds, '2025-01-01--a.md'), stringifyEvent(on('2025-01-01--a')));
    const prev = join(root, 'hostile-prev');
    expect((await buildDataset({ seeds, out: prev, version: '1.0.0' })).ok).toBe(true);
    for (const [stones, why] of [
      ['{"a": 1}', 'expected a list of tombstones'],
      ['[{"id": "x\\u001b[31m", "removedIn": "1.0.0"}]', 'tombstone 0.id: expected an id with no control character'],
      ['[{"id": "x", "removedIn": "1.0.0", "replacedBy": "y", "script": "<b>"}]', 'tombstone 0: '],
      ['[{"id": "x", "removedIn": "1.0.0"}, {"id": "x", "removedIn": "2.0.0"}]', 'tombstone 1: the id x is buried twice'],
      ['[{"id": "x", "removedIn": ""}]', 'tombstone 0.removedIn: expected a version, got an empty string'],
    ] as const) {
      writeFileSync(join(prev, 'tombstones.json'), stones);
      const result = await buildDataset({ seeds, out: join(root, 'hostile-next'), version: '2.0.0', previous: prev });
      expect(result.ok, stones).toBe(false);
      expect(result.issues.map((i) => i.code)).toEqual(['build/previous']);
      expect(result.issues[0]!.message, stones).toContain(`${join(prev, 'tombstones.json')}: ${why}`);
    }
  });

  it('refuses a previous release it cannot read, naming it', async () => {
    const seeds = join(root, 'seeds-2');
    mkdirSync(seeds);
    writeFileSync(join(seeds, '2025-01-01--a.md'), stringifyEvent(on('2025-01-01--a')));
    const result = await buildDataset({ seeds, out: join(root, 'out-2'), version: '1.0.0', previous: join(root, 'nope') });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.message])).toEqual([['build/previous', `the previous release: ${join(root, 'nope')}: does not exist`]]);
  });
});

describe('what a dataset says of itself', () => {
  it('takes its name, licence, sources, citation and version from dataset.yaml, and borrows no other identity', async () => {
    const seeds = join(root, 'seeds-meta');
    mkdirSync(seeds);
    writeFileSync(join(seeds, '2025-01-01--a.md'), stringifyEvent(on('2025-01-01--a')));
    // Without a dataset.yaml: it says so, with no name, licence or version of this package's.
    const bare = join(root, 'meta-bare');
    expect((await buildDataset({ seeds, out: bare })).ok).toBe(true);
    const unnamed = read<Record<string, unknown>>(bare, 'datapackage.json');
    expect(unnamed).toMatchObject({ name: 'unnamed-dataset', title: 'A dataset that has not said what it is' });
    expect(unnamed).not.toHaveProperty('version');
    expect(unnamed).not.toHaveProperty('licenses');
    expect(JSON.stringify(unnamed)).not.toContain('Kleptocracy');
    expect(read<{ to: unknown }>(bare, 'changes.json').to).toBeNull();
    // A release against a previous one needs a version.
    const refused = await buildDataset({ seeds, out: join(root, 'meta-refused'), previous: bare });
    expect(refused.issues.map((i) => i.code)).toEqual(['build/version']);

    writeFileSync(
      join(seeds, 'dataset.yaml'),
      ['name: city-hall-watch', 'title: City hall watch', 'version: 1.2.0', 'licenses:', '- name: CC-BY-4.0', '  path: https://creativecommons.org/licenses/by/4.0/', "citation: 'City hall watch, version 1.2.0.'", 'sources:', '- title: Council minutes', '  path: https://example.org/minutes'].join('\n'),
    );
    const named = join(root, 'meta-named');
    expect((await buildDataset({ seeds, out: named })).ok).toBe(true);
    expect(read<Record<string, unknown>>(named, 'datapackage.json')).toMatchObject({
      name: 'city-hall-watch',
      title: 'City hall watch',
      version: '1.2.0',
      licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
      citation: 'City hall watch, version 1.2.0.',
      sources: [{ title: 'Council minutes', path: 'https://example.org/minutes' }],
    });
    expect(read<{ dataset: unknown }>(named, 'stats.json').dataset).toEqual({ name: 'city-hall-watch', title: 'City hall watch', version: '1.2.0' });
    // A version given to the build stamps the release, its changes and its tombstones.
    unlinkSync(join(seeds, '2025-01-01--a.md'));
    writeFileSync(join(seeds, '2025-01-02--b.md'), stringifyEvent(on('2025-01-02--b')));
    const next = join(root, 'meta-next');
    expect((await buildDataset({ seeds, out: next, previous: named, version: '2.0.0' })).ok).toBe(true);
    expect(read<{ from: string; to: string }>(next, 'changes.json')).toMatchObject({ from: '1.2.0', to: '2.0.0' });
    expect(read<{ removedIn: string }[]>(next, 'tombstones.json')).toEqual([{ id: '2025-01-01--a', removedIn: '2.0.0' }]);
    expect(read<{ version: string }>(next, 'datapackage.json').version).toBe('2.0.0');
    // A dataset.yaml that breaks its model is an error at its line.
    writeFileSync(join(seeds, 'dataset.yaml'), 'name: City Hall\nversion: one\n');
    const broken = await buildDataset({ seeds, out: join(root, 'meta-broken') });
    expect(broken.issues.map((i) => [i.code, i.line])).toEqual([['dataset/name', 1], ['dataset/version', 2]]);
  });
});
