import type { Event } from '../model/event.js';
import { NEAR_TITLE, titleSimilarity } from '../model/titleSimilarity.js';
import type { DatasetDiff } from './types.js';

/**
 * Removals that look like renames: an addition on the same date with a
 * near-identical title, each addition used once, the most alike first.
 */
export function likelyRenames(removed: readonly Event[], added: readonly Event[]): DatasetDiff['events']['likelyRenames'] {
  const out: DatasetDiff['events']['likelyRenames'] = [];
  if (!removed.length || !added.length) return out;
  const addedOn = new Map<string, Event[]>();
  for (const e of added) {
    const list = addedOn.get(e.date);
    if (list) list.push(e);
    else addedOn.set(e.date, [e]);
  }
  const taken = new Set<string>();
  for (const old of removed) {
    let best: { to: string; similarity: number } | undefined;
    for (const e of addedOn.get(old.date) ?? []) {
      if (taken.has(e.id)) continue;
      const similarity = titleSimilarity(old.title, e.title);
      if (similarity >= NEAR_TITLE && (!best || similarity > best.similarity)) best = { to: e.id, similarity };
    }
    if (best) {
      taken.add(best.to);
      out.push({ from: old.id, to: best.to, date: old.date, similarity: Math.round(best.similarity * 100) / 100 });
    }
  }
  return out;
}
