import type { EventPredicate } from './predicate.js';

/**
 * Events at most this important. Events not rated (importance null) never match.
 *
 * @param level - the highest importance, 1-10, inclusive
 * @returns the predicate
 *
 * @example
 * ```ts
 * events.filter(maxImportance(5)).length;
 * // => 1
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function maxImportance(level: number): EventPredicate {
  if (typeof level !== 'number' || Number.isNaN(level)) throw new TypeError('maxImportance: expected a number');
  return (event) => event.importance !== null && event.importance <= level;
}
