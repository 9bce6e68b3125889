import { dateEnd, dateStart, isDay } from '../model/edtf.js';
import { lowerBound, upperBound } from './dateBounds.js';
import type { EventPredicate } from './predicate.js';

/**
 * Events on or after `from` and on or before `to`, both inclusive, at any
 * precision: `inDateRange('2024-06', '2025')` runs from 1 June 2024 to 31
 * December 2025. Either end may be undefined. An event known less
 * precisely than a day, or spanning days (`2025-03`, `1142~`,
 * `2025-03/2025-06`), matches when the days it may be overlap the range;
 * with `within`, only when they all lie inside it.
 *
 * @param from - `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or undefined
 * @param to - `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or undefined
 * @param within - match only events wholly inside the range (default: any overlap)
 * @returns the predicate
 *
 * @example
 * ```ts
 * events.filter(inDateRange('2025-11', '2025-11')).map((e) => e.date);
 * // => ['2025-11-06']
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function inDateRange(from?: string, to?: string, within = false): EventPredicate {
  const lo = from === undefined ? '' : lowerBound(from);
  const hi = to === undefined ? '\uffff' : upperBound(to);
  return (event) => {
    const d = event.date;
    if (isDay(d)) return d >= lo && d <= hi;
    const start = dateStart(d);
    const end = dateEnd(d);
    return within ? start >= lo && end <= hi : start <= hi && end >= lo;
  };
}
