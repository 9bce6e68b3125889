import type { Event } from '../model/event.js';
import { compareText } from '../model/compareText.js';
import { diffActors } from './diffActors.js';
import { droppedFormerIds } from './droppedFormerIds.js';
import { fieldChanges } from './fieldChanges.js';
import { formerIdClaims } from './formerIdClaims.js';
import { likelyRenames } from './likelyRenames.js';
import type { ChangedEvent, DatasetDiff, DatasetSide } from './types.js';
import { versionBump } from './versionBump.js';

/** One event per id: a repeated id is noted, and its first event kept. */
function firstById(events: readonly Event[], repeated: Set<string>): Map<string, Event> {
  const byId = new Map<string, Event>();
  for (const e of events) {
    if (byId.has(e.id)) repeated.add(e.id);
    else byId.set(e.id, e);
  }
  return byId;
}

const byId = <T extends { id: string }>(list: T[]) => list.sort((a, b) => compareText(a.id, b.id));

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
 * const [a] = events;
 * const b = { ...a, id: '2025-11-07--b' };
 * const c = { ...a, id: '2025-11-08--c' };
 * const diff = diffDatasets({ events: [a, b] }, { events: [{ ...a, title: 'New' }, { ...c, formerIds: [b.id] }] });
 * [diff.events.changed[0].fields[0].field, diff.events.renamed, diff.bump];
 * // => ['title', [{ from: b.id, to: c.id }], 'minor']
 * ```
 */
export function diffDatasets(before: DatasetSide, after: DatasetSide): DatasetDiff {
  const repeatedBefore = new Set<string>();
  const repeatedAfter = new Set<string>();
  const oldById = firstById(before.events, repeatedBefore);
  const newById = firstById(after.events, repeatedAfter);
  const { renamed, merged, renamedTo, claimed } = formerIdClaims(oldById, newById);

  const added: Event[] = [];
  const changed: ChangedEvent[] = [];
  let unchanged = 0;
  for (const e of newById.values()) {
    const from = renamedTo.get(e.id);
    const old = oldById.get(e.id) ?? (from === undefined ? undefined : oldById.get(from));
    if (!old) {
      added.push(e);
      continue;
    }
    const fields = fieldChanges(old as unknown as Record<string, unknown>, e as unknown as Record<string, unknown>, new Set(from === undefined ? ['id'] : ['id', 'formerIds']));
    if (fields.length) changed.push({ id: e.id, ...(from === undefined ? {} : { from }), title: e.title, fields });
    else if (from === undefined) unchanged++;
  }
  const removed = [...oldById.values()].filter((e) => !newById.has(e.id) && !claimed.has(e.id));
  const brief = (e: Event) => ({ id: e.id, title: e.title });

  const events: DatasetDiff['events'] = {
    added: byId(added.map(brief)),
    removed: byId(removed.map(brief)),
    changed: byId(changed),
    renamed: renamed.sort((a, b) => compareText(a.from, b.from)),
    merged: merged.sort((a, b) => compareText(a.into, b.into)),
    dropped: byId(droppedFormerIds(oldById, newById)),
    likelyRenames: likelyRenames(removed, added).sort((a, b) => compareText(a.from, b.from)),
    unchanged,
    ...(repeatedBefore.size || repeatedAfter.size ? { repeated: { before: [...repeatedBefore].sort(compareText), after: [...repeatedAfter].sort(compareText) } } : {}),
  };
  const actors = diffActors(before.actors ?? [], after.actors ?? []);
  return { events, actors, ...versionBump({ events, actors }) };
}
