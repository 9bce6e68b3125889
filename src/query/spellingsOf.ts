import type { Event } from '../model/event.js';
import { nameKey } from '../model/createActorRegistry.js';
import { editDistance } from '../model/editDistance.js';
import { countThenKey } from '../model/compareText.js';

/** What {@link spellingsOf} finds for a name. */
export interface Spellings {
  /** The names events use that are this name, ignoring case, accents and punctuation. */
  found: string[];
  /** When none is: the names nearest to it, with how many events use each, most used first. */
  nearest: { name: string; count: number }[];
}

/**
 * The actor names events use for a name typed by a person: every spelling
 * that differs from it only in case, accents or punctuation, or, when there
 * is none, the nearest names, for a "did you mean".
 *
 * @param events - the events
 * @param name - the name as typed
 * @returns the spellings found, or the nearest names
 *
 * @example
 * ```ts
 * spellingsOf(events, 'marco rubio').found;
 * // => ['Marco Rubio']
 * ```
 */
export function spellingsOf(events: readonly Event[], name: string): Spellings {
  const key = nameKey(name);
  const counts = new Map<string, number>();
  for (const event of events) for (const actor of event.actors) counts.set(actor, (counts.get(actor) ?? 0) + 1);
  const found = [...counts.keys()].filter((actor) => nameKey(actor) === key).sort();
  if (found.length) return { found, nearest: [] };
  // Nearest: a name that contains the typed one, or that it contains, word
  // for word; or one a typo or two away.
  const words = key.split(' ').filter(Boolean);
  const nearest = [...counts]
    .filter(([actor]) => {
      const otherKey = nameKey(actor);
      const other = otherKey.split(' ');
      if (words.length > 0 && (words.every((w) => other.includes(w)) || other.every((w) => words.includes(w)))) return true;
      return Math.abs(otherKey.length - key.length) <= 2 && editDistance(key, otherKey) <= 2;
    })
    .map(([actor, count]) => ({ name: actor, count }))
    .sort(countThenKey((s) => s.count, (s) => s.name))
    .slice(0, 3);
  return { found, nearest };
}
