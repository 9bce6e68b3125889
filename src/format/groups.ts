import type { Event } from '../model/event.js';
import { countThenKey } from '../model/compareText.js';

/**
 * The number of groups a timeline export keeps by default; see `maxGroups`.
 */
const DEFAULT_MAX_GROUPS = 8;

/**
 * A grouping with at most `max` groups: the most frequent groups keep their
 * names (ties by name), every other event goes to `other`. Without a
 * grouping, no event has a group.
 *
 * @param events - the events to be grouped
 * @param group - the group of an event, or undefined for no groups
 * @param max - the most groups; default {@link DEFAULT_MAX_GROUPS}
 * @returns the bounded grouping
 *
 * @example
 * ```ts
 * const four = [event, { ...event, tags: ['courts'] }, { ...event, tags: ['courts'] }, { ...event, tags: ['media'] }];
 * four.map(boundedGroups(four, (e) => e.tags[0], 2));
 * // => ['other', 'courts', 'courts', 'other']
 * ```
 */
export function boundedGroups(events: readonly Event[], group: ((event: Event) => string | undefined) | undefined, max = DEFAULT_MAX_GROUPS): (event: Event) => string | undefined {
  if (!group) return () => undefined;
  if (!Number.isInteger(max) || max < 1) throw new TypeError('maxGroups: expected a whole number of at least 1');
  const counts = new Map<string, number>();
  for (const e of events) {
    const g = group(e);
    if (g !== undefined) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  if (counts.size <= max) return group;
  // One slot goes to 'other'.
  const kept = new Set(
    [...counts]
      .sort(countThenKey((e) => e[1], (e) => e[0]))
      .slice(0, max - 1)
      .map(([name]) => name),
  );
  return (event) => {
    const g = group(event);
    return g === undefined ? undefined : kept.has(g) ? g : 'other';
  };
}
