import { checkNumber } from './checkNumber.js';
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
  checkNumber(level, 'maxImportance');
  return (event) => event.importance !== null && event.importance <= level;
}
