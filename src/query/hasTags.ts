import { matchesSpec, toMatchSpec } from './matchSpec.js';
import type { EventPredicate } from './predicate.js';
import type { Match } from './types.js';

/**
 * Events whose tags match: a tag, a list (any of them), or `{ any, all, none }`.
 *
 * @param match - the tags to match
 * @returns the predicate
 *
 * @example
 * ```ts
 * events.filter(hasTags({ all: ['foreign-policy', 'propaganda'] })).length;
 * // => 1
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function hasTags(match: Match): EventPredicate {
  const spec = toMatchSpec(match, 'tags');
  return spec ? (event) => matchesSpec(event.tags, spec) : () => true;
}
