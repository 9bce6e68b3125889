import { dateEnd, dateStart } from '../model/edtf.js';
import type { Event } from '../model/event.js';
import type { GroupEventsOptions } from './types.js';
import { countThenKey } from '../model/compareText.js';

/** What to group events by. */
export type GroupBy = 'year' | 'month' | 'tag' | 'actor' | 'captureLane' | 'importance';

/** One group: its key (a year, month, tag, actor, capture lane or importance) and its events. */
export interface EventGroup<T extends Event = Event> {
  /** `YYYY`, `YYYY-MM`, a tag, an actor's canonical name, a capture lane, or an importance (a number; null for the events not rated). */
  key: string | number | null;
  /** The events in the group, in the order given. */
  events: T[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function periods(first: string, last: string, by: 'year' | 'month'): string[] {
  const out: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = by === 'month' ? Number(first.slice(5, 7)) : 1;
  const endYear = Number(last.slice(0, 4));
  const endMonth = by === 'month' ? Number(last.slice(5, 7)) : 1;
  while (year < endYear || (year === endYear && month <= endMonth)) {
    const y = String(year).padStart(4, '0');
    out.push(by === 'year' ? y : `${y}-${pad(month)}`);
    if (by === 'year' || month === 12) {
      year++;
      month = 1;
    } else month++;
  }
  return out;
}

function keysOf(event: Event, by: GroupBy, canonical?: (name: string) => string): readonly (string | number | null)[] {
  switch (by) {
    case 'year':
      return [dateStart(event.date).slice(0, 4)];
    case 'month':
      return [dateStart(event.date).slice(0, 7)];
    case 'tag':
      return event.tags;
    case 'actor':
      return canonical ? [...new Set(event.actors.map(canonical))] : event.actors;
    case 'captureLane':
      return event.captureLanes ?? [];
    case 'importance':
      return [event.importance];
    default:
      throw new TypeError(`groupEvents: cannot group by ${JSON.stringify(by)}`);
  }
}

/**
 * Groups events for a chart. Years and months come in order with every
 * period between the first and last date present, empty ones included, so a
 * line chart has no holes; importance comes in ascending order, events not
 * rated (key null) last; tags, actors
 * and capture lanes come most frequent first (then by name), and an event
 * with several of them is in each of their groups.
 *
 * @param events - the events
 * @param by - `year`, `month`, `tag`, `actor`, `captureLane` or `importance`
 * @param options - an optional actor registry, so every spelling of an actor lands in one group
 * @returns the groups
 *
 * @example
 * ```ts
 * groupEvents(events, 'year').map((g) => [g.key, g.events.length]);
 * // => [['2025', 1]]
 * ```
 */
export function groupEvents<T extends Event>(events: readonly T[], by: GroupBy, options: GroupEventsOptions = {}): EventGroup<T>[] {
  const canonical = options.registry ? (name: string) => options.registry!.canonical(name) : undefined;
  const groups = new Map<string | number | null, T[]>();
  let first: string | undefined;
  let last: string | undefined;
  const spread = options.ranges === 'spread' && (by === 'year' || by === 'month');
  if (options.ranges !== undefined && options.ranges !== 'start' && options.ranges !== 'spread') throw new TypeError(`groupEvents: ranges is start or spread, got ${JSON.stringify(options.ranges)}`);
  // Spread ranges stop at the last event's start, so an open range does not run to 9999.
  let lastStart = '';
  if (spread) for (const event of events) if (dateStart(event.date) > lastStart) lastStart = dateStart(event.date);
  for (const event of events) {
    const start = dateStart(event.date);
    if (first === undefined || start < first) first = start;
    if (last === undefined || start > last) last = start;
    const keys = spread ? periods(dateStart(event.date), dateEnd(event.date) < lastStart ? dateEnd(event.date) : lastStart, by as 'year' | 'month') : keysOf(event, by, canonical);
    for (const key of keys) {
      const list = groups.get(key);
      if (list) list.push(event);
      else groups.set(key, [event]);
    }
  }
  if (by === 'year' || by === 'month') {
    if (first === undefined || last === undefined) return [];
    return periods(first, last, by).map((key) => ({ key, events: groups.get(key) ?? [] }));
  }
  const out = [...groups].map(([key, list]) => ({ key, events: list }));
  // Importance ascending; events not rated (key null) last.
  if (by === 'importance') return out.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : (a.key as number) - (b.key as number)));
  return out.sort(countThenKey((g) => g.events.length, (g) => g.key as string));
}

/** One row of {@link countEvents}: a key and how many events have it. */
export interface CountRow {
  /** The group's key, as in {@link EventGroup}. */
  key: string | number | null;
  /** How many events are in the group. */
  count: number;
}

/**
 * Counts events per group as tidy `{ key, count }` rows, in the order of
 * {@link groupEvents} (periods zero-filled): ready for D3 or Vega-Lite.
 *
 * @param events - the events
 * @param by - `year`, `month`, `tag`, `actor`, `captureLane` or `importance`
 * @param options - an optional actor registry
 * @returns the rows
 *
 * @example
 * ```ts
 * countEvents(events, 'tag').slice(0, 2);
 * // => [{ key: 'diplomatic-theater', count: 1 }, { key: 'foreign-policy', count: 1 }]
 * ```
 */
export function countEvents(events: readonly Event[], by: GroupBy, options: GroupEventsOptions = {}): CountRow[] {
  return groupEvents(events, by, options).map((g) => ({ key: g.key, count: g.events.length }));
}
