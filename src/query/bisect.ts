/**
 * The first index in `[0, length)` at which `before` turns false, for a
 * `before` that is true on a prefix and false after it: the one binary
 * search of the query engine (date ranges, posting lists).
 *
 * @param length - how many positions there are
 * @param before - true while the position lies before the one sought
 * @returns the first position where `before` is false, or `length`
 *
 * @example
 * ```ts
 * const dates = ['2024-01-02', '2025-03-04', '2025-05-06'];
 * bisect(dates.length, (i) => dates[i] < '2025');
 * // => 1
 * ```
 */
export function bisect(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
