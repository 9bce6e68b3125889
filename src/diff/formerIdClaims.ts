import type { Event } from '../model/event.js';
import { compareText } from '../model/compareText.js';

/** Old ids gone and claimed by new events through `formerIds`. */
export interface FormerIdClaims {
  /** An old id held by exactly one new event that did not exist before. */
  renamed: { from: string; to: string }[];
  /** Old ids gone into an event that existed already, or several into one new event. */
  merged: { from: string[]; into: string }[];
  /** The new id of each renamed event, to the old id it had. */
  renamedTo: Map<string, string>;
  /** Every old id claimed. */
  claimed: Set<string>;
}

/**
 * Which old ids, gone from the newer dataset, a new event claims in its
 * `formerIds`: one id into a new event is a rename, anything else a merge.
 * Each old id is claimed once, by the first event that names it.
 */
export function formerIdClaims(oldById: ReadonlyMap<string, Event>, newById: ReadonlyMap<string, Event>): FormerIdClaims {
  const claims = new Map<string, string[]>();
  const claimed = new Set<string>();
  for (const e of newById.values()) {
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
  return { renamed, merged, renamedTo, claimed };
}
