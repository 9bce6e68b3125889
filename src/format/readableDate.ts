import { parseDate, type DatePart } from '../model/edtf.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** How one end of a date reads: `1142`, `March 2025`, `14 March 2025`, with `c. ` when approximate and `?` when uncertain. */
export function partText(day: string, p: DatePart): string {
  const year = Number(day.slice(0, 4));
  const month = MONTHS[Number(day.slice(5, 7)) - 1];
  const text = p.precision === 'year' ? String(year) : p.precision === 'month' ? `${month} ${year}` : `${Number(day.slice(8, 10))} ${month} ${year}`;
  return `${p.approximate ? 'c. ' : ''}${text}${p.uncertain ? '?' : ''}`;
}

/**
 * A date as written (EDTF, levels 0-1), as a reader reads it: a day, a
 * month, a year, `c. ` for an approximate date, `?` for an uncertain one, a
 * range with a dash, an open range as "onwards". A date that does not parse
 * comes back as written.
 *
 * @param written - the date as written
 * @returns how it reads, in English
 *
 * @example
 * ```ts
 * ['2025-03-14', '2025-03', '1142~', '2025-03/2025-06', '2025-03/..'].map(readableDate);
 * // => ['14 March 2025', 'March 2025', 'c. 1142', 'March 2025 – June 2025', 'March 2025 onwards']
 * ```
 */
export function readableDate(written: string): string {
  const span = parseDate(written);
  if (!span) return written;
  const [from, to] = span.ends ?? [span, undefined];
  const start = partText(span.start, from);
  if (!span.range) return start;
  return to ? `${start} – ${partText(span.end, to)}` : `${start} onwards`;
}
