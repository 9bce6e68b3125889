import { isIsoPartialDate } from '../model/dates.js';

function check(value: string, name: string): void {
  // A month 13 or a 30 February would silently match nothing: refused, as event dates are.
  if (typeof value !== 'string' || !isIsoPartialDate(value)) {
    throw new TypeError(`${name}: expected a real date written YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
}

/**
 * The first day a partial ISO date covers, as a string that compares with
 * `YYYY-MM-DD` dates: `'2024-06'` -> `'2024-06-00'`.
 *
 * @param from - `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @returns a lower bound for string comparison
 *
 * @example
 * ```ts
 * lowerBound('2024');
 * // => '2024-00-00'
 * ```
 */
export function lowerBound(from: string): string {
  check(from, 'from');
  return from.length === 4 ? `${from}-00-00` : from.length === 7 ? `${from}-00` : from;
}

/**
 * The last day a partial ISO date covers, as a string that compares with
 * `YYYY-MM-DD` dates: `'2025'` -> `'2025-99-99'`, so all of 2025 is included.
 *
 * @param to - `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @returns an upper bound for string comparison
 *
 * @example
 * ```ts
 * upperBound('2025-02');
 * // => '2025-02-99'
 * ```
 */
export function upperBound(to: string): string {
  check(to, 'to');
  return to.length === 4 ? `${to}-99-99` : to.length === 7 ? `${to}-99` : to;
}
