import type { Event } from '../model/event.js';
import type { EventPredicate } from './predicate.js';

/**
 * Events that pass at least one predicate.
 *
 * @param predicates - the tests, one of which must hold
 * @returns the combined predicate
 *
 * @example
 * ```ts
 * events.filter(or(hasTags('courts'), involves('Marco Rubio'))).length;
 * // => 1
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function or<T extends Event>(...predicates: EventPredicate<T>[]): EventPredicate<T> {
  return (event) => predicates.some((p) => p(event));
}
