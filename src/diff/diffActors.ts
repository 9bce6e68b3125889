import type { Actor } from '../model/actor.js';
import { compareText } from '../model/compareText.js';
import { fieldChanges } from './fieldChanges.js';
import type { DatasetDiff } from './types.js';

/** What the build derives from the events, not what the registry says: left out of the comparison. */
const DERIVED_ACTOR_FIELDS = new Set(['eventCount', 'firstDate', 'lastDate']);

/** The actor registry compared by id: added, removed, and entries whose name, aliases or kind differ; each list sorted. */
export function diffActors(before: readonly Actor[], after: readonly Actor[]): DatasetDiff['actors'] {
  const oldActors = new Map(before.map((a) => [a.id, a]));
  const newActors = new Map(after.map((a) => [a.id, a]));
  const changed: DatasetDiff['actors']['changed'] = [];
  let unchanged = 0;
  for (const [id, a] of newActors) {
    const old = oldActors.get(id);
    if (!old) continue;
    const fields = fieldChanges(old as unknown as Record<string, unknown>, a as unknown as Record<string, unknown>, DERIVED_ACTOR_FIELDS);
    if (fields.length) changed.push({ id, fields });
    else unchanged++;
  }
  return {
    added: [...newActors.keys()].filter((id) => !oldActors.has(id)).sort(compareText),
    removed: [...oldActors.keys()].filter((id) => !newActors.has(id)).sort(compareText),
    changed: changed.sort((a, b) => compareText(a.id, b.id)),
    unchanged,
  };
}
