import type { Report } from './keys.js';

const CIRCA = /^(?:c\.|ca\.?|circa|about|approx\.?|approximately)\s*(\d{4}(?:-\d{2})?)$/i;

/**
 * The ways other corpora write a date known less precisely than a day,
 * read into the EDTF subset the model takes, each with its own code:
 * `circa 1976` as `1976~`; `start_date` and `end_date` as a range; and a
 * day with `date_precision: month` (or `year`) as the month (or year).
 * The record is copied, never changed.
 */
export function readOtherDates(raw: Record<string, unknown>, report: Report): Record<string, unknown> {
  const { start_date: start, end_date: end, date_precision: precision } = raw;
  if (start === undefined && end === undefined && precision === undefined && !(typeof raw.date === 'string' && CIRCA.test(raw.date.trim()))) return raw;
  const out = { ...raw };
  const text = (v: unknown) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : undefined);
  if (typeof out.date === 'string') {
    const circa = CIRCA.exec(out.date.trim());
    if (circa) {
      report('legacy/date-circa', `date: "${out.date}" read as "${circa[1]}~" (about then)`, ['date']);
      out.date = `${circa[1]}~`;
    }
  }
  if ((start !== undefined || end !== undefined) && (out.date === undefined || text(out.date) === text(start))) {
    const from = text(start) ?? text(out.date);
    const to = text(end);
    if (from !== undefined) {
      out.date = to === undefined || to === from ? from : `${from}/${to}`;
      report('legacy/date-range', `start_date and end_date read as date "${out.date}"`, [start !== undefined ? 'start_date' : 'end_date']);
      delete out.start_date;
      delete out.end_date;
    }
  }
  const level = typeof precision === 'string' ? precision.trim().toLowerCase() : undefined;
  const day = text(out.date);
  if ((level === 'year' || level === 'month') && day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day)) {
    out.date = level === 'year' ? day.slice(0, 4) : day.slice(0, 7);
    report('legacy/date-precision', `date: "${day}" with date_precision ${level} read as "${out.date}"`, ['date_precision']);
    delete out.date_precision;
  } else if (level === 'day' && day !== undefined) delete out.date_precision;
  return out;
}
