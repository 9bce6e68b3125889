import type { Event } from '../model/event.js';
import type { DatasetDiff } from './types.js';

/**
 * Former ids that found an event before (in its `formerIds`) and find
 * nothing now, each with the event that held it and, when that event still
 * resolves, where it is now.
 */
export function droppedFormerIds(oldById: ReadonlyMap<string, Event>, newById: ReadonlyMap<string, Event>): DatasetDiff['events']['dropped'] {
  const nowHeld = new Map<string, string>();
  for (const e of newById.values()) for (const former of e.formerIds ?? []) if (!nowHeld.has(former)) nowHeld.set(former, e.id);
  const whereNow = (id: string) => (newById.has(id) ? id : nowHeld.get(id));
  const dropped: DatasetDiff['events']['dropped'] = [];
  const seen = new Set<string>();
  for (const e of oldById.values()) {
    for (const former of e.formerIds ?? []) {
      if (seen.has(former) || oldById.has(former)) continue;
      seen.add(former);
      if (newById.has(former) || nowHeld.has(former)) continue;
      const now = whereNow(e.id);
      dropped.push(now === undefined ? { id: former, heldBy: e.id } : { id: former, heldBy: e.id, replacedBy: now });
    }
  }
  return dropped;
}
