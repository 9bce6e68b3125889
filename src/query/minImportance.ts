import { checkNumber } from './checkNumber.js';
import type { EventPredicate } from './predicate.js';

/**
 * Events at least this important. Events not rated (importance null) never match.
 *
 * @param level - the lowest importance, 1-10, inclusive
 * @returns the predicate
 *
 * @example
 * ```ts
 * events.filter(minImportance(8)).length;
 * // => 0
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function minImportance(level: number): EventPredicate {
  checkNumber(level, 'minImportance');
  return (event) => event.importance !== null && event.importance >= level;
}
