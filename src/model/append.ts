/**
 * Appends every item of a list to another, one by one. `target.push(...items)`
 * passes each item as an argument, and a list longer than the engine takes
 * (about 100,000 items) throws `RangeError: Maximum call stack size exceeded`.
 *
 * @param target - the list to grow
 * @param items - what to add, in order
 * @returns the target
 * @internal
 *
 * @example
 * ```ts
 * append([1], Array.from({ length: 200_000 }, () => 2)).length;
 * // => 200001
 * ```
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
