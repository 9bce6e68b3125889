import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTimeline, stringifyEvent, type Event } from '../../src/index.js';
import { buildDataset } from '../../src/node/buildDataset.js';
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

  it('refuses a previous release it cannot read, naming it', async () => {
    const seeds = join(root, 'seeds-2');
    mkdirSync(seeds);
    writeFileSync(join(seeds, '2025-01-01--a.md'), stringifyEvent(on('2025-01-01--a')));
    const result = await buildDataset({ seeds, out: join(root, 'out-2'), previous: join(root, 'nope') });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.message])).toEqual([['build/previous', `the previous release: ${join(root, 'nope')}: does not exist`]]);
  });
});
