/**
 * Compares two strings by UTF-16 code units, the order every sorted output
 * of this package uses (not the locale's, which differs between machines).
 *
 * @param a - a string
 * @param b - another string
 * @returns negative, zero or positive, for `Array.prototype.sort`
 *
 * @example
 * ```ts
 * ['b', 'B', 'a'].sort(compareText);
 * // => ['B', 'a', 'b']
 * ```
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
