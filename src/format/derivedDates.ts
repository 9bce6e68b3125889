import { DERIVED_DATE_KEYS, deriveDates, type DerivedDates, type Event } from '../model/event.js';

const isDerived = (key: string) => (DERIVED_DATE_KEYS as readonly string[]).includes(key);

/**
 * An event as `events.json` holds it: the model's fields, with its date
 * spelled out (`dateStart`, `dateEnd`, `datePrecision`, `dateApproximate`),
 * so a chart or a notebook needs no EDTF reader: the same values as the
 * CSV's `date_start`, `date_end`, `date_precision` and `date_approximate`.
 */
export type DatasetEvent = Event & DerivedDates;

/**
 * An event with its date spelled out, the derived keys right after `date`
 * (as `events.json`, `events.ndjson` and the JSON exports write it); the
 * event itself is not changed. `EventSchema` takes the result, and checks
 * the derived keys agree with `date`.
 *
 * @param event - a valid event
 * @returns a copy with `dateStart`, `dateEnd`, `datePrecision` and `dateApproximate`
 * @throws TypeError for an event whose date is not one the model takes
 *
 * @example
 * ```ts
 * const { dateStart, dateEnd, datePrecision } = withDerivedDates({ ...events[0], date: '2025-11' });
 * [dateStart, dateEnd, datePrecision];
 * // => ['2025-11-01', '2025-11-30', 'month']
 * ```
 */
export function withDerivedDates<T extends Event>(event: T): T & DerivedDates {
  const derived = deriveDates(event.date);
  if (!derived) throw new TypeError(`withDerivedDates: ${JSON.stringify(event.id)} has no valid date (${JSON.stringify(event.date)})`);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (isDerived(key)) continue;
    out[key] = value;
    if (key === 'date') Object.assign(out, derived);
  }
  return out as T & DerivedDates;
}

/**
 * An event without the keys the build derives from its date: the event as
 * its file says it, to compare with events read from files.
 *
 * @param event - an event, perhaps from events.json
 * @returns a copy without `dateStart`, `dateEnd`, `datePrecision`, `dateApproximate`
 *
 * @example
 * ```ts
 * Object.keys(withoutDerivedDates(withDerivedDates(events[0]))).includes('dateStart');
 * // => false
 * ```
 */
export function withoutDerivedDates<T extends Event>(event: T): Omit<T, (typeof DERIVED_DATE_KEYS)[number]> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) if (!isDerived(key)) out[key] = value;
  return out as Omit<T, (typeof DERIVED_DATE_KEYS)[number]>;
}
