import { isRecord } from './fieldPath.js';

/**
 * Equal as data: lists item by item in order, objects key by key in any
 * order, a key holding `undefined` the same as a key not there (as in
 * JSON).
 *
 * @param a - plain data
 * @param b - other plain data
 * @returns whether they hold the same data
 *
 * @example
 * ```ts
 * sameData({ a: [1, { b: 2 }], c: undefined }, { a: [1, { b: 2 }] });
 * // => true
 * ```
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameData(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameData(a[k], b[k]));
  }
  return false;
}
