import type { Event } from '../model/event.js';
import type { EventPredicate } from './predicate.js';

/**
 * Events that fail the predicate.
 *
 * @param predicate - the test to invert
 * @returns the inverted predicate
 *
 * @example
 * ```ts
 * events.filter(not(hasTags('propaganda'))).length;
 * // => 0
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function not<T extends Event>(predicate: EventPredicate<T>): EventPredicate<T> {
  return (event) => !predicate(event);
}
