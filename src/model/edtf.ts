import { compareText } from './compareText.js';

/** How precisely a date is known. */
export type DatePrecision = 'year' | 'month' | 'day';

/** A date as written in the EDTF subset events use, with what it means. */
export interface DateSpan {
  /** The earliest day it can be, `YYYY-MM-DD`. */
  start: string;
  /** The latest day it can be, `YYYY-MM-DD`; `9999-12-31` for an open end (`2025-03/..`). */
  end: string;
  /** How precisely its start is known. */
  precision: DatePrecision;
  /** `~` (or `%`): about then. */
  approximate: boolean;
  /** `?` (or `%`): perhaps then. */
  uncertain: boolean;
  /** True for a range (`A/B`, `A/..`). */
  range: boolean;
  /** For a range: how each end is written (the second absent when open). */
  ends?: [DatePart, DatePart | undefined];
}

/** How one date of a range is written: its precision and qualifiers. */
export interface DatePart {
  precision: DatePrecision;
  approximate: boolean;
  uncertain: boolean;
}

/**
 * True for a valid date written as one day, `YYYY-MM-DD` (the common case,
 * told apart without parsing: `2025-03/..` is ten characters too).
 *
 * @param text - a valid date as written
 * @returns whether it is one day
 *
 * @example
 * ```ts
 * [isDay('2025-03-14'), isDay('2025-03/..')];
 * // => [true, false]
 * ```
 */
export function isDay(text: string): boolean {
  return text.length === 10 && text.charCodeAt(7) === 45;
}

/**
 * The last day of an open range (`2025-03/..`).
 *
 * @example
 * ```ts
 * parseDate('2025-03/..')!.end === OPEN_END;
 * // => true
 * ```
 */
export const OPEN_END = '9999-12-31';

const ONE = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?([?~%])?$/;

/** One date's first day, last day, precision (0 year, 1 month, 2 day) and qualifier; undefined when it is not one. */
function one(text: string): [string, string, number, string] | undefined {
  const m = ONE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, q = ''] = m;
  if (mo && (+mo < 1 || +mo > 12)) return undefined;
  // The month's last day, as dateEnd reads it.
  const last = dateEnd(`${y}-${mo ?? '12'}`);
  if (d && (+d < 1 || d > last.slice(8))) return undefined;
  return [`${y}-${mo ?? '01'}-${d ?? '01'}`, d ? `${y}-${mo}-${d}` : last, d ? 2 : mo ? 1 : 0, q];
}

const spans = new Map<string, [string, string, number] | null>();

/**
 * A date's first day, last day and precision (0 year, 1 month, 2 day, of
 * its start): what ordering and date ranges need, without the rest of
 * {@link parseDate}. Undefined for what is not a date of the subset.
 *
 * @param text - a date as written
 * @returns `[start, end, precision]`, or undefined
 */
function dateSpan(text: string): [string, string, number] | undefined {
  let span = spans.get(text);
  if (span === undefined) {
    const slash = text.indexOf('/');
    const from = one(slash < 0 ? text : text.slice(0, slash));
    const rest = text.slice(slash + 1);
    const to = slash < 0 ? from : rest === '..' ? [, OPEN_END] : one(rest);
    span = from && to && to[1]! >= from[0] ? [from[0], to[1]!, from[2]] : null;
    if (spans.size > 100_000) spans.clear();
    spans.set(text, span);
  }
  return span ?? undefined;
}

const PRECISIONS: DatePrecision[] = ['year', 'month', 'day'];

/**
 * Reads a date in the subset of the Extended Date/Time Format (EDTF,
 * ISO 8601-2, levels 0 and 1) that events use: a day `2025-03-14`, a month
 * `2025-03`, a year `2025`, each perhaps approximate (`1142~`), uncertain
 * (`2025-03?`) or both (`%`), and a range of two of them (`2025-03/2025-06`)
 * or with an open end (`2025-03/..`). Written by hand as easily as a day,
 * and understood by EDTF validators. Anything else gives `undefined`.
 *
 * Written here rather than taken from the `edtf` package: that one covers
 * every level (13.6 kB gz with its grammar engine, and millisecond
 * timestamps), where this subset needs a regular expression and gives days.
 *
 * @param text - the date as written
 * @returns its earliest and latest day, precision and qualifiers, or undefined
 *
 * @example
 * ```ts
 * parseDate('1142~');
 * // => { start: '1142-01-01', end: '1142-12-31', precision: 'year', approximate: true, uncertain: false, range: false }
 * ```
 */
export function parseDate(text: string): DateSpan | undefined {
  if (typeof text !== 'string' || !dateSpan(text)) return undefined;
  const part = (t: string): DatePart => {
    const [, , p, q] = one(t)!;
    return { precision: PRECISIONS[p]!, approximate: q === '~' || q === '%', uncertain: q === '?' || q === '%' };
  };
  const [start, end] = dateSpan(text)!;
  const slash = text.indexOf('/');
  const from = part(slash < 0 ? text : text.slice(0, slash));
  if (slash < 0) return { start, end, ...from, range: false };
  const rest = text.slice(slash + 1);
  const to = rest === '..' ? undefined : part(rest);
  return {
    start,
    end,
    precision: from.precision,
    approximate: from.approximate || Boolean(to?.approximate),
    uncertain: from.uncertain || Boolean(to?.uncertain),
    range: true,
    ends: [from, to],
  };
}

/**
 * The written form of a span: the inverse of {@link parseDate} for what it
 * gives (a day, month or year with its qualifier, or a range).
 *
 * @param span - a start and its precision, qualifiers, and for a range its end
 * @returns the date as written
 *
 * @example
 * ```ts
 * formatDate(parseDate('2025-03~/2025-06')!);
 * // => '2025-03~/2025-06'
 * ```
 */
export function formatDate(span: DateSpan): string {
  const one = (day: string, p: DatePart) => {
    const q = p.approximate && p.uncertain ? '%' : p.approximate ? '~' : p.uncertain ? '?' : '';
    return `${p.precision === 'year' ? day.slice(0, 4) : p.precision === 'month' ? day.slice(0, 7) : day}${q}`;
  };
  if (!span.range) return one(span.start, span);
  const [from, to] = span.ends ?? [span, span];
  return `${one(span.start, from)}/${to ? one(span.end, to) : '..'}`;
}

/**
 * The key events sort by: the earliest day, then the precision (a year
 * before its months, a month before its days), so ordering is total and a
 * less precise date comes first among those that start the same day.
 *
 * @param text - a date as written
 * @returns a string that sorts as the dates do
 *
 * @example
 * ```ts
 * ['2025-03-01', '2025-03', '2025'].map(dateSortKey).sort();
 * // => ['2025-01-010', '2025-03-011', '2025-03-012']
 * ```
 */
export function dateSortKey(text: string): string {
  // The first date's precision is told by its length, qualifier aside.
  const first = text.split('/')[0]!.replace(/[?~%]$/, '');
  return `${dateStart(text)}${first.length === 4 ? 0 : first.length === 7 ? 1 : 2}`;
}

/**
 * The earliest day a date can be (the date itself for a day).
 *
 * @param text - a valid date as written
 * @returns `YYYY-MM-DD`
 *
 * @example
 * ```ts
 * dateStart('2025-03~');
 * // => '2025-03-01'
 * ```
 */
export function dateStart(text: string): string {
  if (isDay(text)) return text;
  // Read by its shape: the date is valid (the model checked it).
  const first = text.split('/')[0]!.replace(/[?~%]$/, '');
  return first.length === 4 ? `${first}-01-01` : first.length === 7 ? `${first}-01` : first;
}

/**
 * The latest day a date can be (the date itself for a day; `9999-12-31`
 * for an open range).
 *
 * @param text - a valid date as written
 * @returns `YYYY-MM-DD`
 *
 * @example
 * ```ts
 * dateEnd('2024-02');
 * // => '2024-02-29'
 * ```
 */
export function dateEnd(text: string): string {
  if (isDay(text)) return text;
  const parts = text.split('/');
  const last = parts[parts.length - 1]!.replace(/[?~%]$/, '');
  if (last === '..') return OPEN_END;
  if (last.length !== 7) return last.length === 4 ? `${last}-12-31` : last;
  // Day 0 of the next month is the last of this one (setUTCFullYear keeps years 0-99 as written).
  const day = new Date(0);
  day.setUTCFullYear(+last.slice(0, 4), +last.slice(5), 0);
  return `${last}-${day.getUTCDate()}`;
}

/**
 * Orders two dates as events are ordered: by the earliest day, then a less
 * precise date first (a year before its January, a month before its first
 * day).
 *
 * @param a - a date as written
 * @param b - another
 * @returns negative, zero or positive
 *
 * @example
 * ```ts
 * compareDates('2025-03', '2025-03-01');
 * // => -1
 * ```
 */
export function compareDates(a: string, b: string): number {
  if (isDay(a) && isDay(b)) return compareText(a, b);
  const x = dateSortKey(a);
  const y = dateSortKey(b);
  return compareText(x, y);
}
