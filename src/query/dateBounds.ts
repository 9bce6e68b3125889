import { dateEnd, dateStart } from '../model/edtf.js';

// A real month (01-12) and a day 01-31; the day's month length is checked apart.
const BOUND = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

function check(value: string, name: string): string {
  // A month 13 or a 30 February would silently match nothing: refused, as event dates are.
  if (typeof value !== 'string' || !BOUND.test(value) || (value.length === 10 && value > dateEnd(value.slice(0, 7)))) {
    throw new TypeError(`${name}: expected a real date written YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * The first day a query's `from` covers: `'2024-06'` -> `'2024-06-01'`.
 *
 * @param from - `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real date
 * @returns `YYYY-MM-DD`
 * @throws TypeError for anything else (`'2025-13'`, `'2025-02-30'`)
 *
 * @example
 * ```ts
 * lowerBound('2024');
 * // => '2024-01-01'
 * ```
 */
export function lowerBound(from: string): string {
  return dateStart(check(from, 'from'));
}

/**
 * The last day a query's `to` covers: `'2024-02'` -> `'2024-02-29'`, so
 * all of the month is included.
 *
 * @param to - `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real date
 * @returns `YYYY-MM-DD`
 * @throws TypeError for anything else
 *
 * @example
 * ```ts
 * upperBound('2024-02');
 * // => '2024-02-29'
 * ```
 */
export function upperBound(to: string): string {
  return dateEnd(check(to, 'to'));
}
