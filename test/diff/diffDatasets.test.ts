import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvent, stringifyEvent, type Event } from '../../src/index.js';
import { buildDataset } from '../../src/node/build/buildDataset.js';
import { diffDatasets } from '../../src/diff/diffDatasets.js';
import { diffToMarkdown } from '../../src/diff/diffToMarkdown.js';
import { readDataset } from '../../src/node/load/readDataset.js';
import { importEvents } from '../../src/node/import/importEvents.js';
import { CORPUS, HAS_CORPUS } from '../helpers/corpus.js';
import { makeEvent } from '../helpers/events.js';
import { growth, LINEAR } from '../helpers/growth.js';

const on = (id: string, over: Partial<Event> = {}) => makeEvent({ id, date: id.slice(0, 10), ...over });

describe('diffDatasets', () => {
  const a = on('2025-01-01--a', { title: 'A' });
  const b = on('2025-01-02--b');
  const c = on('2025-01-03--c');
  const d = on('2025-01-04--d');

  it('lists added, removed and changed events with each field old and new', () => {
    const diff = diffDatasets(
      { events: [a, b, c] },
      { events: [{ ...a, title: 'A2', sources: [{ ...a.sources[0]!, url: 'https://new.example/' }] }, c, d] },
    );
    expect(diff.events.added).toEqual([{ id: d.id, title: d.title }]);
    expect(diff.events.removed).toEqual([{ id: b.id, title: b.title }]);
    expect(diff.events.changed).toEqual([
      { id: a.id, title: 'A2', fields: [{ field: 'title', old: 'A', new: 'A2' }, { field: 'sources[0].url', old: a.sources[0]!.url, new: 'https://new.example/' }] },
    ]);
    expect(diff.events.unchanged).toBe(1);
    expect(diff.bump).toBe('major');
    expect(diff.reasons[0]).toContain(b.id);
  });

  it('tells a rename from a merge by former_ids, and neither breaks the policy', () => {
    const renamedB = on('2025-01-02--b-renamed', { formerIds: [b.id] });
    const cWithD = { ...c, formerIds: [d.id] };
    const diff = diffDatasets({ events: [a, b, c, d] }, { events: [a, renamedB, cWithD] });
    expect(diff.events.renamed).toEqual([{ from: b.id, to: renamedB.id }]);
    expect(diff.events.merged).toEqual([{ from: [d.id], into: c.id }]);
    expect(diff.events.removed).toEqual([]);
    expect(diff.events.added).toEqual([]);
    // The merge shows on c as a new former id.
    expect(diff.events.changed.map((e) => [e.id, e.fields.map((f) => f.field)])).toEqual([[c.id, ['formerIds']]]);
    expect(diff.bump).toBe('minor');
  });

  it('names a removal and an addition on one date with near-identical titles as a likely rename, and says how to record it', () => {
    const old = on('2025-02-01--old_slug', { title: 'Court blocks the executive order on tariffs' });
    const other = on('2025-02-01--unrelated', { title: 'Senate confirms a new judge' });
    const renamed = on('2025-02-01--court-blocks-tariff-order', { title: 'Court Blocks the Executive Order on Tariffs' });
    const fresh = on('2025-02-01--new-thing', { title: 'Something else happened that day' });
    const diff = diffDatasets({ events: [old, other] }, { events: [other, renamed, fresh] });
    expect(diff.bump).toBe('major');
    expect(diff.events.likelyRenames).toEqual([{ from: old.id, to: renamed.id, date: '2025-02-01', similarity: 1 }]);
    expect(diff.reasons.join('\n')).toContain(`write the old id in the new event's former_ids to keep it resolving, as ${old.id} in ${renamed.id}`);
    expect(diffToMarkdown(diff)).toContain(`  - \`${old.id}\` → \`${renamed.id}\``);
    // Recorded, it is a rename: no hint, and no breaking change.
    const recorded = diffDatasets({ events: [old, other] }, { events: [other, { ...renamed, formerIds: [old.id] }, fresh] });
    expect([recorded.bump, recorded.events.likelyRenames]).toEqual(['minor', []]);
  });

  it('says which ids a dataset repeats, and finds nothing changed between such a dataset and itself', () => {
    const a = on('2025-03-01--a');
    const twice = [a, { ...a, title: 'The same id again' }, on('2025-03-02--b')];
    const diff = diffDatasets({ events: twice }, { events: twice });
    expect(diff.bump).toBe('none');
    expect([diff.events.changed, diff.events.added, diff.events.removed]).toEqual([[], [], []]);
    expect(diff.events.repeated).toEqual({ before: [a.id], after: [a.id] });
    expect(diff.reasons).toEqual(['1 id repeated in the older dataset (2025-03-01--a) and 1 id repeated in the newer one (2025-03-01--a): each compared by its first event']);
  });

  it('takes time linear in the ids merged into one event', () => {
    // The datasets are made before the clock starts: only the diff is timed.
    const inputs = new Map<number, [{ events: Event[] }, { events: Event[] }]>();
    for (const n of [1_250, 5_000, 40_000]) {
      const formerIds = Array.from({ length: n }, (_, i) => `2020-01-01--old-${i}`);
      inputs.set(n, [{ events: formerIds.map((id) => on(id)) }, { events: [on('2020-01-01--into', { formerIds })] }]);
    }
    const merge = (n: number) => {
      const [before, after] = inputs.get(n)!;
      if (diffDatasets(before, after).events.merged[0]!.from.length !== n) throw new Error('not merged');
    };
    // Eight times the ids: a linear diff takes about eight times as long; a quadratic one sixty-four.
    expect(growth(merge, 5_000)).toBeLessThan(LINEAR);
  });

  it('compares actors without the fields the build derives, and says nothing changed when nothing did', () => {
    const actor = { id: 'x', name: 'X', aliases: [] as string[], kind: 'person' as const };
    const diff = diffDatasets({ events: [a], actors: [actor] }, { events: [a], actors: [{ ...actor, eventCount: 4, aliases: ['Ex'] }, { id: 'y', name: 'Y', aliases: [] }] });
    expect(diff.actors).toEqual({ added: ['y'], removed: [], changed: [{ id: 'x', fields: [{ field: 'aliases', old: [], new: ['Ex'] }] }], unchanged: 0 });
    expect(diffDatasets({ events: [a] }, { events: [a] })).toMatchObject({ bump: 'none', reasons: [] });
    expect(diffToMarkdown(diffDatasets({ events: [a] }, { events: [a] }))).toBe('');
    expect(diffToMarkdown(diffDatasets({ events: [] }, { events: [a] }))).toBe(`### Data\n\n- Added 1 event:\n  - \`${a.id}\`: A\n`);
  });

  it("reads events.json's derived date keys as the build's, checked against date", async () => {
    const root = mkdtempSync(join(tmpdir(), 'dt-derived-'));
    try {
      // The package's data and its seeds are the same events.
      const data = await readDataset(new URL('../../data', import.meta.url).pathname);
      const seeds = await readDataset(new URL('../../seeds', import.meta.url).pathname);
      expect(data.events.length).toBeGreaterThan(0);
      expect(diffDatasets(data, seeds)).toMatchObject({ bump: 'none' });
      const items = JSON.parse(readFileSync(new URL('../../data/events.json', import.meta.url), 'utf8')) as Record<string, unknown>[];
      writeFileSync(join(root, 'events.json'), JSON.stringify(items.map((e) => ({ ...e, dateEnd: '2099-01-01' }))));
      await expect(readDataset(root)).rejects.toThrow(/events\.json:1:\d+: dateEnd: expected "\d{4}-\d\d-\d\d", what date "\d{4}-\d\d-\d\d" gives, got "2099-01-01" \[schema\/dateEnd\]/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('readDataset', () => {
  it('reads a seeds folder\'s registry by either of its names, so actor changes are seen in both', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dt-yml-'));
    try {
      const seeds = new URL('../../seeds', import.meta.url).pathname;
      cpSync(seeds, join(root, 'yaml'), { recursive: true });
      cpSync(seeds, join(root, 'yml'), { recursive: true });
      renameSync(join(root, 'yml', 'actors.yaml'), join(root, 'yml', 'actors.yml'));
      const registry = readFileSync(join(root, 'yml', 'actors.yml'), 'utf8');
      writeFileSync(join(root, 'yml', 'actors.yml'), `${registry}- id: a-new-actor\n  name: A New Actor\n  aliases: []\n  kind: person\n`);
      const before = await readDataset(join(root, 'yaml'));
      const after = await readDataset(join(root, 'yml'));
      expect(after.actors?.length).toBe((before.actors?.length ?? 0) + 1);
      expect(diffDatasets(before, after).actors.added).toEqual(['a-new-actor']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!HAS_CORPUS)('diff of two real builds of the corpus', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'dt-diff-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds exactly what a script changed: added, edited, removed, renamed and merged events', async () => {
    const before = join(root, 'before');
    const after = join(root, 'after');
    await importEvents(CORPUS, { out: before });
    cpSync(before, after, { recursive: true });
    const files = readdirSync(after).filter((f) => f.endsWith('.md')).sort();
    const read = (f: string) => parseEvent(readFileSync(join(after, f), 'utf8'), { mode: 'strict' }).event!;
    const write = (e: Event) => writeFileSync(join(after, `${e.id}.md`), stringifyEvent(e));
    const pick = (k: number) => files[Math.floor((files.length * k) / 23)]!;

    // The script, and what it did.
    const edited = [pick(1), pick(2), pick(3)].map((f) => {
      const e = read(f);
      write({ ...e, title: `${e.title} (revised)`, importance: e.importance === 9 ? 8 : 9 });
      return e.id;
    });
    const removed = [pick(5), pick(6)].map((f) => {
      unlinkSync(join(after, f));
      return f.replace(/\.md$/, '');
    });
    const renamed = [pick(8), pick(9)].map((f) => {
      const e = read(f);
      const to = `${e.id}-renamed`;
      unlinkSync(join(after, f));
      write({ ...e, id: to, formerIds: [...(e.formerIds ?? []), e.id] });
      return { from: e.id, to };
    });
    const [gone, into] = [read(pick(11)), read(pick(12))];
    unlinkSync(join(after, `${gone.id}.md`));
    write({ ...into, formerIds: [...(into.formerIds ?? []), gone.id] });
    const added = [makeEvent({ id: '2026-11-01--a-new-event', date: '2026-11-01' }), makeEvent({ id: '2026-11-02--another-new-event', date: '2026-11-02' })];
    for (const e of added) write(e);

    const dataBefore = join(root, 'data-before');
    const dataAfter = join(root, 'data-after');
    expect((await buildDataset({ seeds: before, out: dataBefore })).ok).toBe(true);
    expect((await buildDataset({ seeds: after, out: dataAfter })).ok).toBe(true);
    const diff = diffDatasets(await readDataset(dataBefore), await readDataset(dataAfter));

    expect(diff.events.added.map((e) => e.id)).toEqual(added.map((e) => e.id));
    expect(diff.events.removed.map((e) => e.id)).toEqual(removed.sort());
    expect(diff.events.renamed).toEqual(renamed.sort((x, y) => (x.from < y.from ? -1 : 1)));
    expect(diff.events.merged).toEqual([{ from: [gone.id], into: into.id }]);
    const changed = Object.fromEntries(diff.events.changed.map((e) => [e.id, e.fields.map((f) => f.field)]));
    expect(changed).toEqual({ ...Object.fromEntries(edited.map((id) => [id, ['title', 'importance']])), [into.id]: ['formerIds'] });
    // Actors: the build derives the registry's counts, which the diff leaves out; the removed events' actors may go.
    expect(diff.actors.changed).toEqual([]);
    expect(diff.bump).toBe('major');
    // The seeds folders give the same diff as the built data.
    const fromSeeds = diffDatasets(await readDataset(before), await readDataset(after));
    expect(fromSeeds.events).toEqual(diff.events);
  }, 120_000);
});
