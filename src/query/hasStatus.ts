import type { Event } from '../model/event.js';
import { matchesSpec, toMatchSpec } from './matchSpec.js';
import type { EventPredicate } from './predicate.js';
import type { Match } from './types.js';

/**
 * Events whose status matches: a status, a list (any of them), or
 * `{ any, all, none }`. An event without a status matches only `none`.
 *
 * @param match - the statuses to match
 * @returns the predicate
 *
 * @example
 * ```ts
 * events.filter(hasStatus({ none: ['disputed'] })).length;
 * // => 1
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function hasStatus(match: Match<NonNullable<Event['status']>>): EventPredicate {
  const spec = toMatchSpec(match, 'status');
  return spec ? (event) => matchesSpec(event.status === undefined ? [] : [event.status], spec) : () => true;
}
