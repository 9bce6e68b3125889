import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Actor } from '../model/actor.js';
import type { Event } from '../model/event.js';
import type { Issue } from '../model/issue.js';
import { isRecord } from '../model/fieldPath.js';
import { sameData } from '../model/sameData.js';
import { titleSimilarity } from '../lint/rules/nearDuplicate.js';
import { dataFolderEvents } from './datasetFile.js';
import { loadActors } from './loadActors.js';
import { loadEvents, type LoadCounts } from './loadEvents.js';
import { findRegistryFile } from './registryFile.js';
import { compareText } from '../model/compareText.js';

/** One side of a comparison: the events, and the actor registry when there is one. */
export interface DatasetSide {
  events: readonly Event[];
  actors?: readonly Actor[];
}

/** A field that differs: its path (`title`, `sources[1].url`) and both values (absent: not set). */
export interface FieldChange {
  field: string;
  old?: unknown;
  new?: unknown;
}

/** An event in both datasets (under the same id, or renamed) whose fields differ. */
export interface ChangedEvent {
  /** Its id now. */
  id: string;
  /** Its id before, when it was renamed. */
  from?: string;
  /** Its title now. */
  title: string;
  fields: FieldChange[];
}

/** What changed from one dataset to the next, record by record. */
export interface DatasetDiff {
  events: {
    /** New ids (not the new id of a renamed event). */
    added: { id: string; title: string }[];
    /** Ids gone with no event naming them in `formerIds`: the versioning policy's breaking change. */
    removed: { id: string; title: string }[];
    /** Events whose fields differ, renamed ones included. */
    changed: ChangedEvent[];
    /** An id gone, held by exactly one new event's `formerIds`; the old id still finds it. */
    renamed: { from: string; to: string }[];
    /** Ids gone into an event that existed already, or several into one new event. */
    merged: { from: string[]; into: string }[];
    /**
     * Former ids that found an event before (in its `formerIds`) and find
     * nothing now: the list was tidied, or the event went. `replacedBy` is
     * where the event that held it is now, when it still is. A breaking
     * change, like a removal: a link that worked stops working.
     */
    dropped: { id: string; heldBy: string; replacedBy?: string }[];
    /**
     * Removed ids that look renamed: an added event has the same date and a
     * near-identical title. A hint, not a verdict: to keep the old id
     * resolving, write it in the new event's `former_ids`.
     */
    likelyRenames: { from: string; to: string; date: string; similarity: number }[];
    /** Events the same in both. */
    unchanged: number;
    /** Ids that appear more than once on a side (a dataset has one event per id): the first of each is compared. */
    repeated?: { before: string[]; after: string[] };
  };
  actors: {
    added: string[];
    removed: string[];
    /** Entries whose name, aliases or kind differ (the counts and dates derived by the build are left out). */
    changed: { id: string; fields: FieldChange[] }[];
    unchanged: number;
  };
  /**
   * The smallest version bump the data's policy asks for: `major` when an
   * event or an actor is removed, `minor` when any is added, changed,
   * renamed or merged, `none` when nothing changed.
   */
  bump: 'none' | 'minor' | 'major';
  /** Why that bump, one line each. */
  reasons: string[];
}

const DERIVED_ACTOR_FIELDS = new Set(['eventCount', 'firstDate', 'lastDate']);

/** The fields that differ between two records; `sources` item by item when both have as many. */
function fieldChanges(a: Record<string, unknown>, b: Record<string, unknown>, skip: ReadonlySet<string>): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.has(k));
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (sameData(x, y)) continue;
    if (key === 'sources' && Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
      x.forEach((s, i) => {
        const t = y[i];
        if (isRecord(s) && isRecord(t)) for (const c of fieldChanges(s, t, new Set())) out.push({ ...c, field: `sources[${i}].${c.field}` });
        else if (!sameData(s, t)) out.push({ field: `sources[${i}]`, old: s, new: t });
      });
      continue;
    }
    const change: FieldChange = { field: key };
    if (x !== undefined) change.old = x;
    if (y !== undefined) change.new = y;
    out.push(change);
  }
  return out;
}

/**
 * Compares two datasets record by record: events added, removed, changed
 * (each field with its old and new value), renamed or merged (an old id
 * held in a new event's `formerIds`), and the same for the actor registry;
 * and the version bump the data's policy asks for.
 *
 * @param before - the older dataset
 * @param after - the newer one
 * @returns the differences, each list sorted by id
 *
 * @example
 * ```ts
 * const diff = diffDatasets({ events: [a, b] }, { events: [{ ...a, title: 'New' }, { ...c, formerIds: [b.id] }] });
 * [diff.events.changed[0].fields[0].field, diff.events.renamed, diff.bump];
 * // => ['title', [{ from: b.id, to: c.id }], 'minor']
 * ```
 */
export function diffDatasets(before: DatasetSide, after: DatasetSide): DatasetDiff {
  // One event per id on each side: a repeated id is said, and its first event compared.
  const firstById = (events: readonly Event[], repeated: string[]) => {
    const byId = new Map<string, Event>();
    for (const e of events) {
      if (byId.has(e.id)) repeated.push(e.id);
      else byId.set(e.id, e);
    }
    return byId;
  };
  const repeatedBefore: string[] = [];
  const repeatedAfter: string[] = [];
  const oldById = firstById(before.events, repeatedBefore);
  const newById = firstById(after.events, repeatedAfter);
  const beforeEvents = [...oldById.values()];
  const afterEvents = [...newById.values()];

  // Old ids gone, claimed by new events through formerIds.
  const claims = new Map<string, string[]>();
  const claimed = new Set<string>();
  for (const e of afterEvents) {
    for (const former of e.formerIds ?? []) {
      if (!oldById.has(former) || newById.has(former) || claimed.has(former)) continue;
      claimed.add(former);
      const list = claims.get(e.id);
      if (list) list.push(former);
      else claims.set(e.id, [former]);
    }
  }
  const renamed: { from: string; to: string }[] = [];
  const merged: { from: string[]; into: string }[] = [];
  const renamedTo = new Map<string, string>();
  for (const [into, from] of claims) {
    if (from.length === 1 && !oldById.has(into)) {
      renamed.push({ from: from[0]!, to: into });
      renamedTo.set(into, from[0]!);
    } else merged.push({ from: [...from].sort(compareText), into });
  }

  const added: { id: string; title: string }[] = [];
  const changed: ChangedEvent[] = [];
  let unchanged = 0;
  const skip = new Set(['id', 'formerIds']);
  for (const e of afterEvents) {
    const from = renamedTo.get(e.id);
    const old = oldById.get(e.id) ?? (from === undefined ? undefined : oldById.get(from));
    if (!old) {
      added.push({ id: e.id, title: e.title });
      continue;
    }
    const fields = fieldChanges(old as unknown as Record<string, unknown>, e as unknown as Record<string, unknown>, from === undefined ? new Set(['id']) : skip);
    if (fields.length) changed.push({ id: e.id, ...(from === undefined ? {} : { from }), title: e.title, fields });
    else if (from === undefined) unchanged++;
  }
  const removed = beforeEvents.filter((e) => !newById.has(e.id) && !claimed.has(e.id)).map((e) => ({ id: e.id, title: e.title }));

  // Former ids that found an event before and find nothing now.
  const nowHeld = new Map<string, string>();
  for (const e of afterEvents) for (const former of e.formerIds ?? []) if (!nowHeld.has(former)) nowHeld.set(former, e.id);
  const whereNow = (id: string) => (newById.has(id) ? id : nowHeld.get(id));
  const dropped: { id: string; heldBy: string; replacedBy?: string }[] = [];
  const seenFormer = new Set<string>();
  for (const e of beforeEvents) {
    for (const former of e.formerIds ?? []) {
      if (seenFormer.has(former) || oldById.has(former)) continue;
      seenFormer.add(former);
      if (newById.has(former) || nowHeld.has(former)) continue;
      const now = whereNow(e.id);
      dropped.push(now === undefined ? { id: former, heldBy: e.id } : { id: former, heldBy: e.id, replacedBy: now });
    }
  }

  const oldActors = new Map((before.actors ?? []).map((a) => [a.id, a]));
  const newActors = new Map((after.actors ?? []).map((a) => [a.id, a]));
  const actorsChanged: { id: string; fields: FieldChange[] }[] = [];
  let actorsUnchanged = 0;
  for (const [id, a] of newActors) {
    const old = oldActors.get(id);
    if (!old) continue;
    const fields = fieldChanges(old as unknown as Record<string, unknown>, a as unknown as Record<string, unknown>, DERIVED_ACTOR_FIELDS);
    if (fields.length) actorsChanged.push({ id, fields });
    else actorsUnchanged++;
  }
  const actorsAdded = [...newActors.keys()].filter((id) => !oldActors.has(id));
  const actorsRemoved = [...oldActors.keys()].filter((id) => !newActors.has(id));

  // Removals that look like renames: an addition on the same date with a near-identical title, each used once, best first.
  const likelyRenames: { from: string; to: string; date: string; similarity: number }[] = [];
  if (removed.length && added.length) {
    const addedOn = new Map<string, Event[]>();
    for (const a of added) {
      const e = newById.get(a.id)!;
      const list = addedOn.get(e.date);
      if (list) list.push(e);
      else addedOn.set(e.date, [e]);
    }
    const taken = new Set<string>();
    for (const r of removed) {
      const old = oldById.get(r.id)!;
      let best: { to: string; similarity: number } | undefined;
      for (const e of addedOn.get(old.date) ?? []) {
        if (taken.has(e.id)) continue;
        const similarity = titleSimilarity(old.title, e.title);
        if (similarity >= 0.7 && (!best || similarity > best.similarity)) best = { to: e.id, similarity };
      }
      if (best) {
        taken.add(best.to);
        likelyRenames.push({ from: r.id, to: best.to, date: old.date, similarity: Math.round(best.similarity * 100) / 100 });
      }
    }
  }

  const reasons: string[] = [];
  const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
  if (repeatedBefore.length || repeatedAfter.length) {
    const say = (side: string, ids: string[]) => (ids.length ? `${count(ids.length, 'id')} repeated in the ${side} (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', ...' : ''})` : '');
    reasons.push(`${[say('older dataset', repeatedBefore), say('newer one', repeatedAfter)].filter(Boolean).join(' and ')}: each compared by its first event`);
  }
  if (removed.length) reasons.push(`${count(removed.length, 'event')} removed with no event holding the id in former_ids: ${removed.slice(0, 5).map((r) => r.id).join(', ')}${removed.length > 5 ? ', ...' : ''}`);
  if (likelyRenames.length) reasons.push(`${count(likelyRenames.length, 'removed event')} ${likelyRenames.length === 1 ? 'looks' : 'look'} renamed (an added event has the same date and a near-identical title): write the old id in the new event's former_ids to keep it resolving, as ${likelyRenames[0]!.from} in ${likelyRenames[0]!.to}`);
  if (dropped.length) reasons.push(`${count(dropped.length, 'former id')} no longer held by any event, so ${dropped.length === 1 ? 'it finds' : 'they find'} nothing: ${dropped.slice(0, 5).map((d) => d.id).join(', ')}${dropped.length > 5 ? ', ...' : ''}`);
  if (actorsRemoved.length) reasons.push(`${count(actorsRemoved.length, 'actor')} removed from the registry: ${actorsRemoved.slice(0, 5).join(', ')}${actorsRemoved.length > 5 ? ', ...' : ''}`);
  const major = removed.length > 0 || dropped.length > 0 || actorsRemoved.length > 0;
  const minor = added.length + changed.length + renamed.length + merged.length + actorsAdded.length + actorsChanged.length > 0;
  if (added.length) reasons.push(`${count(added.length, 'event')} added`);
  if (changed.length) reasons.push(`${count(changed.length, 'event')} changed`);
  if (renamed.length) reasons.push(`${count(renamed.length, 'event')} renamed (the old ids still find them)`);
  if (merged.length) reasons.push(`${count(merged.length, 'merge')} of events`);
  if (actorsAdded.length || actorsChanged.length) reasons.push(`${count(actorsAdded.length + actorsChanged.length, 'actor')} added or changed`);

  const sortId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => compareText(a.id, b.id));
  return {
    events: {
      added: sortId(added),
      removed: sortId(removed),
      changed: sortId(changed),
      renamed: renamed.sort((a, b) => compareText(a.from, b.from)),
      merged: merged.sort((a, b) => compareText(a.into, b.into)),
      dropped: dropped.sort((a, b) => compareText(a.id, b.id)),
      likelyRenames: likelyRenames.sort((a, b) => compareText(a.from, b.from)),
      unchanged,
      ...(repeatedBefore.length || repeatedAfter.length ? { repeated: { before: [...new Set(repeatedBefore)].sort(compareText), after: [...new Set(repeatedAfter)].sort(compareText) } } : {}),
    },
    actors: { added: actorsAdded.sort(compareText), removed: actorsRemoved.sort(compareText), changed: sortId(actorsChanged), unchanged: actorsUnchanged },
    bump: major ? 'major' : minor ? 'minor' : 'none',
    reasons,
  };
}

/** A dataset read from disk, with what was not read. */
export interface ReadDatasetResult extends DatasetSide {
  /** What was read: a data folder (`events.json`), an events file, or a folder of event files. */
  kind: 'data' | 'file' | 'seeds';
  /** The path read. */
  path: string;
  /** The files that did not load, and why (seeds folders only). */
  issues: Issue[];
  /** What became of each file (seeds folders only). */
  counts?: LoadCounts;
}

/** The first error of a data file, as one line naming the file and place: what `readDataset` throws. */
function firstError(issues: readonly Issue[]): string | undefined {
  const error = issues.find((i) => i.severity === 'error');
  return error && `${error.file ?? ''}${error.line !== undefined ? `:${error.line}:${error.column ?? 1}` : ''}: ${error.message} [${error.code}]`;
}

/**
 * Reads one side of a comparison: a data folder (`events.json`, and
 * `actors.json` when there), a JSON file of events, a folder of event files
 * (read leniently, with its `actors.yaml` or `actors.yml` when there), or `installed`: the
 * dataset of the democracy-timeline package installed where the command
 * runs (`node_modules/democracy-timeline/data`).
 *
 * @param path - the path, or `installed`
 * @param cwd - where `installed` is looked up from
 * @returns the events, the actors, and what was not read
 *
 * @example
 * ```ts
 * (await readDataset('data')).kind;
 * // => 'data'
 * ```
 */
export async function readDataset(path: string, cwd = process.cwd()): Promise<ReadDatasetResult> {
  if (path === 'installed') {
    let data: string;
    try {
      data = dirname(createRequire(join(resolve(cwd), 'package.json')).resolve('democracy-timeline/data/events.json'));
    } catch {
      throw new TypeError("installed: no democracy-timeline package is installed here; run 'npm install democracy-timeline' or name a folder");
    }
    return { ...(await readDataset(data)), path: data };
  }
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new TypeError(`${path}: does not exist`);
  const dataFolder = stat.isDirectory() && dataFolderEvents(path) !== undefined;
  if (stat.isFile() || dataFolder) {
    // A built dataset: every record must meet the model, and so must its actors.json.
    const loaded = await loadEvents(path, { mode: 'strict' });
    const problem = firstError(loaded.issues);
    if (problem) throw new TypeError(problem);
    const actorsFile = dataFolder ? join(path, 'actors.json') : undefined;
    const actors = actorsFile && existsSync(actorsFile) ? await loadActors(actorsFile) : undefined;
    const actorProblem = actors && firstError(actors.issues);
    if (actorProblem) throw new TypeError(actorProblem);
    return { kind: dataFolder ? 'data' : 'file', path, events: loaded.events, ...(actors ? { actors: actors.actors } : {}), issues: [], counts: loaded.counts };
  }
  const loaded = await loadEvents(path, { mode: 'lenient' });
  const registry = findRegistryFile([path]);
  const actors = registry !== undefined ? await loadActors(registry) : undefined;
  const issues = [...loaded.issues.filter((i) => i.severity === 'error'), ...(actors?.issues ?? [])];
  return { kind: 'seeds', path, events: loaded.events, ...(actors ? { actors: actors.actors } : {}), issues, counts: loaded.counts };
}

/**
 * The differences as Markdown, for a release's CHANGELOG section.
 *
 * @param diff - what {@link diffDatasets} gave
 * @returns Markdown, ending with a newline; empty when nothing changed
 *
 * @example
 * ```ts
 * diffToMarkdown(diffDatasets({ events: [] }, { events: [event] }));
 * // => '### Data\n\n- Added 1 event:\n  - `2025-11-06--x`: The title\n'
 * ```
 */
export function diffToMarkdown(diff: DatasetDiff): string {
  const { events, actors } = diff;
  const lines: string[] = [];
  const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
  const code = (id: string) => `\`${id}\``;
  if (events.added.length) lines.push(`- Added ${count(events.added.length, 'event')}:`, ...events.added.map((e) => `  - ${code(e.id)}: ${e.title}`));
  if (events.changed.length) lines.push(`- Changed ${count(events.changed.length, 'event')}:`, ...events.changed.map((e) => `  - ${code(e.id)}${e.from ? ` (was ${code(e.from)})` : ''}: ${e.fields.map((f) => f.field).join(', ')}`));
  if (events.renamed.length) lines.push(`- Renamed ${count(events.renamed.length, 'event')} (the old ids still find them):`, ...events.renamed.map((r) => `  - ${code(r.from)} → ${code(r.to)}`));
  if (events.merged.length) lines.push(`- Merged ${count(events.merged.length, 'time')}:`, ...events.merged.map((m) => `  - ${m.from.map(code).join(', ')} into ${code(m.into)}`));
  if (events.removed.length) lines.push(`- Removed ${count(events.removed.length, 'event')}:`, ...events.removed.map((e) => `  - ${code(e.id)}: ${e.title}`));
  if (events.likelyRenames?.length) lines.push(`- ${count(events.likelyRenames.length, 'removed event')} ${events.likelyRenames.length === 1 ? 'looks' : 'look'} renamed (same date, near-identical title; add the old id to \`former_ids\` to keep it resolving):`, ...events.likelyRenames.map((r) => `  - ${code(r.from)} → ${code(r.to)}`));
  if (events.dropped?.length) lines.push(`- No longer held by any event: ${count(events.dropped.length, 'former id')} (a tombstone says where each went):`, ...events.dropped.map((d) => `  - ${code(d.id)}${d.replacedBy ? ` → ${code(d.replacedBy)}` : ''}`));
  if (actors.added.length) lines.push(`- Added ${count(actors.added.length, 'actor')}: ${actors.added.map(code).join(', ')}`);
  if (actors.changed.length) lines.push(`- Changed ${count(actors.changed.length, 'actor')}: ${actors.changed.map((a) => `${code(a.id)} (${a.fields.map((f) => f.field).join(', ')})`).join(', ')}`);
  if (actors.removed.length) lines.push(`- Removed ${count(actors.removed.length, 'actor')}: ${actors.removed.map(code).join(', ')}`);
  return lines.length ? `### Data\n\n${lines.join('\n')}\n` : '';
}
