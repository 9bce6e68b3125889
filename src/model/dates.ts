// One function a file: the date-fns barrel opens hundreds of files at start-up.
import { isExists } from 'date-fns/isExists';

/** `YYYY-MM-DD`, shape only. */
const ISO_DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, shape only. */
const ISO_PARTIAL_DATE_PATTERN = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/**
 * Tells whether a string is a real calendar day written as `YYYY-MM-DD`.
 *
 * @param value - the text to check
 * @returns true for a day that exists in the proleptic Gregorian calendar
 *
 * @example
 * ```ts
 * isIsoDay('2024-02-29'); // a leap day
 * isIsoDay('0044-03-15'); // the Ides of March, 44
 * isIsoDay('2025-02-30');
 * // => false
 * ```
 */
export function isIsoDay(value: string): boolean {
  if (!ISO_DAY_PATTERN.test(value)) return false;
  // isExists reads years 0-99 as 1900-1999; the Gregorian calendar repeats
  // every 400 years, so year + 400 has the same months and leap days.
  const year = Number(value.slice(0, 4));
  return isExists(year < 100 ? year + 400 : year, Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
}

/**
 * Tells whether a string is an ISO date at its real precision: `YYYY`,
 * `YYYY-MM` (a real month) or `YYYY-MM-DD` (a real day).
 *
 * @param value - the text to check
 * @returns true when the text is a valid date at one of the three precisions
 *
 * @example
 * ```ts
 * isIsoPartialDate('2024-05');
 * // => true
 * ```
 */
export function isIsoPartialDate(value: string): boolean {
  if (!ISO_PARTIAL_DATE_PATTERN.test(value)) return false;
  if (value.length === 4) return true;
  if (value.length === 7) {
    const month = Number(value.slice(5, 7));
    return month >= 1 && month <= 12;
  }
  return isIsoDay(value);
}
