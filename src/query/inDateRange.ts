import { lowerBound, upperBound } from './dateBounds.js';
import type { EventPredicate } from './predicate.js';

/**
 * Events on or after `from` and on or before `to`, both inclusive, at any
 * precision: `inDateRange('2024-06', '2025')` runs from 1 June 2024 to 31
 * December 2025. Either end may be undefined.
 *
 * @param from - `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or undefined
 * @param to - `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or undefined
 * @returns the predicate
 *
 * @example
 * ```ts
 * events.filter(inDateRange('2025-11', '2025-11')).map((e) => e.date);
 * // => ['2025-11-06']
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function inDateRange(from?: string, to?: string): EventPredicate {
  const lo = from === undefined ? '' : lowerBound(from);
  const hi = to === undefined ? '\uffff' : upperBound(to);
  return (event) => event.date >= lo && event.date <= hi;
}
