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

/**
 * The order of every count this package lists: the largest count first,
 * then by key (see {@link compareText}), so equal counts come out the same
 * way on every machine.
 *
 * @param count - a thing's count
 * @param key - its name
 * @returns a comparator for `Array.prototype.sort`
 *
 * @example
 * ```ts
 * [['b', 1], ['c', 2], ['a', 1]].sort(countThenKey((e) => e[1], (e) => e[0]));
 * // => [['c', 2], ['a', 1], ['b', 1]]
 * ```
 */
export function countThenKey<T>(count: (item: T) => number, key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => count(b) - count(a) || compareText(key(a), key(b));
}
