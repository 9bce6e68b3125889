import { matchesSpec, toMatchSpec } from './matchSpec.js';
import type { EventPredicate } from './predicate.js';
import type { Match } from './types.js';

/**
 * Events in the given capture lanes: a lane, a list (any of them), or
 * `{ any, all, none }`.
 *
 * @param match - the capture lanes to match
 * @returns the predicate
 *
 * @example
 * ```ts
 * events.filter(inCaptureLanes('Regulatory Capture')).length;
 * // => 0
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function inCaptureLanes(match: Match): EventPredicate {
  const spec = toMatchSpec(match, 'captureLanes');
  return spec ? (event) => matchesSpec(event.captureLanes ?? [], spec) : () => true;
}
