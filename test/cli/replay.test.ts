// A history of releases replayed through the real CLI on a slice of the
// real corpus: each release is the upstream folder imported afresh (with
// the previous release's registry) and built against the previous release.
// Between releases the upstream files are edited as maintainers edit them:
// titles and ratings changed, events renamed with and without former_ids,
// removed, merged, former ids dropped, removed ids added back.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTimeline, type Actor, type Event, type Tombstone } from '../../src/index.js';
import { CORPUS, HAS_CORPUS } from '../helpers/corpus.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const json = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;

interface Changes {
  from: string | null;
  to: string | null;
  bump: string;
  events: { added: { id: string }[]; removed: { id: string }[]; changed: { id: string }[]; renamed: { from: string; to: string }[]; merged: { from: string[]; into: string }[]; dropped: { id: string }[]; likelyRenames?: { from: string; to: string }[] };
}

let root: string;
let upstream: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dt-replay-'));
});
afterAll(() => { if (!process.env.KEEP) rmSync(root, { recursive: true, force: true }); });

/** An upstream Markdown file whose id, title and importance are each one plain line, and whose id is its name. */
const plain = (name: string): boolean => {
  if (!name.endsWith('.md')) return false;
  const text = readFileSync(join(CORPUS, name), 'utf8');
  const id = /^id: (\S+)$/m.exec(text)?.[1];
  return id === name.slice(0, -3) && /^title: .+\n(?! )/m.test(text) && /^importance: \d+$/m.test(text) && !/^former_ids:/m.test(text) && /^\d{4}-\d{2}-\d{2}--[a-z0-9-]+$/.test(id);
};
const file = (id: string) => join(upstream, `${id}.md`);
const edit = (id: string, change: (text: string) => string) => writeFileSync(file(id), change(readFileSync(file(id), 'utf8')));
const rename = (id: string, to: string, formerIds: string[]) => {
  const text = readFileSync(file(id), 'utf8').replace(/^id: .*$/m, `id: ${to}${formerIds.length ? `\nformer_ids:\n${formerIds.map((f) => `- ${f}`).join('\n')}` : ''}`);
  unlinkSync(file(id));
  writeFileSync(file(to), text);
};

/** Imports upstream afresh and builds release `version` against `previous`; returns the data folder. */
const release = (version: string, previous?: string): string => {
  const seeds = join(root, `seeds-${version}`);
  const imported = cli(['import', upstream, '--out', seeds, '--json', ...(previous ? ['--registry', join(previous, 'actors.json')] : [])]);
  // Every upstream file is accounted for, and the exit status says whether any was refused.
  const { counts } = JSON.parse(imported.stdout) as { counts: Record<'files' | 'imported' | 'merged' | 'refused' | 'notRead' | 'skipped', number> };
  expect(counts.files).toBe(readdirSync(upstream).length);
  expect(counts.imported + counts.merged + counts.refused + counts.notRead + counts.skipped).toBe(counts.files);
  expect(imported.code, imported.stderr).toBe(counts.refused + counts.notRead > 0 ? 1 : 0);
  writeFileSync(join(seeds, 'dataset.yaml'), 'name: replay\ntitle: A replayed history\n');
  const data = join(root, `data-${version}`);
  const built = cli(['build', seeds, '--out', data, '--data-version', version, ...(previous ? ['--previous', previous] : [])]);
  expect(built.code, built.stderr).toBe(0);
  return data;
};

/** What a release gives to a link: an event, a tombstone, or nothing. */
const reader = (data: string) => {
  const tombstones = json<Tombstone[]>(join(data, 'tombstones.json'));
  return { timeline: createTimeline(json<Event[]>(join(data, 'events.json')), { tombstones }), tombstones, events: json<Event[]>(join(data, 'events.json')) };
};

/** Checks one release against the one before: what diff says is what changes.json says; no id is lost. */
const checkPair = (before: string, after: string) => {
  const changes = json<Changes & Record<string, unknown>>(join(after, 'changes.json'));
  const diff = cli(['diff', before, after, '--json']);
  expect(diff.code, diff.stderr).toBe(0);
  const { from: _from, to: _to, ...recorded } = changes;
  expect(JSON.parse(diff.stdout)).toEqual(recorded);
  const old = reader(before);
  const now = reader(after);
  // Every id that found something before still does: an event, or a tombstone.
  const ids = [...old.events.flatMap((e) => [e.id, ...(e.formerIds ?? [])]), ...old.tombstones.map((t) => t.id)];
  const lost = ids.filter((id) => now.timeline.get(id) === undefined && now.timeline.tombstone(id) === undefined);
  expect(lost).toEqual([]);
  // Tombstones are carried on as they were buried, unless the id is an event's again.
  const stones = new Map(now.tombstones.map((t) => [t.id, t]));
  for (const t of old.tombstones) {
    if (now.timeline.get(t.id)?.id === t.id) continue;
    expect(stones.get(t.id)?.removedIn).toBe(t.removedIn);
  }
  // Each tombstone leads to an event there now, or to the last removal of its chain.
  for (const t of now.tombstones) {
    if (t.replacedBy === undefined) continue;
    expect(now.timeline.get(t.replacedBy) !== undefined || (stones.has(t.replacedBy) && stones.get(t.replacedBy)!.replacedBy === undefined), `${t.id} → ${t.replacedBy}`).toBe(true);
  }
  // --policy minor holds exactly when the release asks for no more.
  expect(cli(['diff', before, after, '--policy', 'minor']).code).toBe(changes.bump === 'major' ? 1 : 0);
  return changes;
};

/** Each upstream Markdown file, read on its own with gray-matter, agrees with the release on every field it states plainly. */
const agrees = (data: string) => {
  const byId = new Map(reader(data).events.map((e) => [e.id, e]));
  let fields = 0;
  const disagreements: string[] = [];
  for (const name of readdirSync(upstream).filter((n) => n.endsWith('.md'))) {
    const front = matter(readFileSync(join(upstream, name), 'utf8')).data as Record<string, unknown>;
    const event = typeof front.id === 'string' ? byId.get(front.id) : undefined;
    if (!event) continue;
    const date = front.date instanceof Date ? front.date.toISOString().slice(0, 10) : front.date;
    for (const [field, given, built] of [['title', front.title, event.title], ['date', date, event.date], ['importance', front.importance, event.importance]] as const) {
      if (given === undefined || typeof given === 'object') continue;
      fields += 1;
      if (String(given).trim() !== String(built)) disagreements.push(`${name} ${field}: ${String(given)} ≠ ${String(built)}`);
    }
    if (Array.isArray(front.former_ids)) {
      fields += 1;
      if (JSON.stringify(front.former_ids) !== JSON.stringify(event.formerIds)) disagreements.push(`${name} former_ids`);
    }
  }
  expect(disagreements).toEqual([]);
  return fields;
};

describe.skipIf(!HAS_CORPUS || !existsSync(CLI))('a history of releases, replayed on a slice of the real corpus', () => {
  it('loses no id, records what diff sees, keeps actor ids, and asks for the version the changes need', { timeout: 120_000 }, () => {
    const names = readdirSync(CORPUS).sort();
    // Every 25th file (Markdown and JSON, as they come), and seven plain ones to edit.
    const slice = names.filter((_, i) => i % 25 === 0);
    const editable = names.filter((n, i) => i % 25 === 7 && plain(n)).slice(0, 7);
    expect(editable).toHaveLength(7);
    upstream = join(root, 'upstream');
    mkdirSync(upstream);
    for (const n of [...slice, ...editable]) cpSync(join(CORPUS, n), join(upstream, n));
    const [retitled, rerated, renamed, renamedBare, removed, merged, into] = editable.map((n) => n.slice(0, -3)) as [string, string, string, string, string, string, string];

    const v1 = release('1.0.0');
    expect(agrees(v1)).toBeGreaterThan(100);
    expect(json<Changes>(join(v1, 'changes.json'))).toMatchObject({ from: null, to: '1.0.0' });

    // 2.0.0: a title and a rating changed; one event renamed with its old id
    // kept, one renamed without; one removed; one merged into another.
    edit(retitled, (t) => t.replace(/^title: .*$/m, 'title: "A title the maintainers rewrote"'));
    edit(rerated, (t) => t.replace(/^importance: (\d+)$/m, (_, n: string) => `importance: ${Number(n) === 1 ? 2 : 1}`));
    rename(renamed, `${renamed}-v2`, [renamed]);
    rename(renamedBare, `${renamedBare}-v2`, []);
    const removedText = readFileSync(file(removed), 'utf8');
    unlinkSync(file(removed));
    unlinkSync(file(merged));
    edit(into, (t) => t.replace(/^id: .*$/m, (line) => `${line}\nformer_ids:\n- ${merged}`));
    const v2 = release('2.0.0', v1);
    const c2 = checkPair(v1, v2);
    expect(c2).toMatchObject({ from: '1.0.0', to: '2.0.0', bump: 'major' });
    // The event another was merged into changed too: it holds the other's id now.
    expect(c2.events.changed.map((c) => c.id).sort()).toEqual([into, rerated, retitled].sort());
    expect(c2.events.changed.find((c) => c.id === into)).toMatchObject({ fields: [expect.objectContaining({ field: 'formerIds' })] });
    expect(c2.events.renamed).toEqual([{ from: renamed, to: `${renamed}-v2` }]);
    expect(c2.events.merged).toEqual([{ from: [merged], into }]);
    expect(c2.events.removed.map((r) => r.id).sort()).toEqual([removed, renamedBare].sort());
    // A rename written without former_ids: a removal and an addition, named as a likely rename.
    expect(c2.events.likelyRenames).toEqual([expect.objectContaining({ from: renamedBare, to: `${renamedBare}-v2` })]);
    expect(agrees(v2)).toBeGreaterThan(100);

    // 3.0.0: the renamed event's old id dropped from former_ids; the
    // removed event back; the bare rename renamed again, properly.
    edit(`${renamed}-v2`, (t) => t.replace(/^former_ids:\n- .*\n/m, ''));
    writeFileSync(file(removed), removedText);
    rename(`${renamedBare}-v2`, `${renamedBare}-v3`, [`${renamedBare}-v2`]);
    // An id import repaired in 1.0.0 (the old one kept in former_ids) is
    // repaired upstream: import keeps no former id now, and the old id,
    // which found the event in 1.0.0 and 2.0.0, must still lead to it.
    const upstreamFiles = readdirSync(upstream).filter((n) => n.endsWith('.md'));
    const repaired = reader(v1).events.flatMap((e) => {
      const old = e.formerIds?.length === 1 ? e.formerIds[0]! : undefined;
      const name = old === undefined ? undefined : upstreamFiles.find((n) => readFileSync(join(upstream, n), 'utf8').includes(`\nid: ${old}\n`));
      return name === undefined ? [] : [{ id: e.id, old: old!, name }];
    })[0]!;
    expect(repaired).toBeDefined();
    writeFileSync(join(upstream, repaired.name), readFileSync(join(upstream, repaired.name), 'utf8').replace(`\nid: ${repaired.old}\n`, `\nid: ${repaired.id}\n`));
    const v3 = release('3.0.0', v2);
    const c3 = checkPair(v2, v3);
    expect(c3.bump).toBe('major');
    expect(c3.events.dropped.map((d) => d.id).sort()).toEqual([renamed, repaired.old].sort());
    expect(c3.events.added.map((a) => a.id)).toEqual([removed]);
    const r3 = reader(v3);
    // The dropped id leads to the event that held it, buried since the
    // rename of 2.0.0; the one added back is an event again, with no tombstone.
    expect(r3.timeline.get(renamed)).toBeUndefined();
    expect(r3.timeline.tombstone(renamed)).toEqual({ id: renamed, removedIn: '2.0.0', replacedBy: `${renamed}-v2` });
    expect(r3.timeline.tombstone(repaired.old)).toEqual({ id: repaired.old, removedIn: '3.0.0', replacedBy: repaired.id });
    expect(r3.timeline.get(removed)?.id).toBe(removed);
    expect(r3.timeline.tombstone(removed)).toBeUndefined();
    // The tombstone of 2.0.0 is carried on as it was.
    expect(r3.timeline.tombstone(renamedBare)).toEqual({ id: renamedBare, removedIn: '2.0.0' });
    expect(r3.timeline.get(`${renamedBare}-v2`)?.id).toBe(`${renamedBare}-v3`);
    expect(agrees(v3)).toBeGreaterThan(100);

    // 3.1.0: a title edited and an event added: a minor release, though
    // every file was imported afresh (actor ids come from the registry).
    edit(into, (t) => t.replace(/^title: .*$/m, 'title: "Another title the maintainers rewrote"'));
    const added = names.find((n, i) => i % 25 === 11 && plain(n))!;
    cpSync(join(CORPUS, added), join(upstream, added));
    const v4 = release('3.1.0', v3);
    const c4 = checkPair(v3, v4);
    expect(c4.bump, JSON.stringify((c4 as unknown as { reasons: unknown }).reasons)).toBe('minor');
    expect(c4.events.added.map((a) => a.id)).toEqual([added.slice(0, -3)]);
    const actorIds = (data: string) => new Map(json<Actor[]>(join(data, 'actors.json')).map((a) => [a.name, a.id]));
    const [before, after] = [actorIds(v1), actorIds(v4)];
    const moved = [...before].filter(([name, id]) => after.has(name) && after.get(name) !== id);
    expect(moved).toEqual([]);
    expect(agrees(v4)).toBeGreaterThan(100);

    // Every tombstone ever written is in the last release, and a release diffed with itself is empty.
    for (const t of [...reader(v2).tombstones, ...r3.tombstones]) expect(reader(v4).timeline.tombstone(t.id) ?? reader(v4).timeline.get(t.id)).toBeDefined();
    const self = JSON.parse(cli(['diff', v4, v4, '--json']).stdout) as Changes;
    expect(self.bump).toBe('none');
    expect(Object.values(self.events).every((list) => list.length === 0 || typeof list === 'number')).toBe(true);
  });
});
