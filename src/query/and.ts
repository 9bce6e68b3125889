import type { Event } from '../model/event.js';
import type { EventPredicate } from './predicate.js';

/**
 * Events that pass every predicate.
 *
 * @param predicates - the tests, all of which must hold
 * @returns the combined predicate
 *
 * @example
 * ```ts
 * events.filter(and(hasTags('propaganda'), minImportance(5))).length;
 * // => 1
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function and<T extends Event>(...predicates: EventPredicate<T>[]): EventPredicate<T> {
  return (event) => predicates.every((p) => p(event));
}
