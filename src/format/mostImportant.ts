import { dateStart } from '../model/edtf.js';
import type { Event } from '../model/event.js';

/**
 * The positions of the events, the most important first (an event not
 * rated counts as 0), the newest first among equals (by the first day its
 * date can be), then the later given.
 *
 * @param events - the events
 * @returns their indexes, in that order
 */
export function rankByImportance(events: readonly Pick<Event, 'date' | 'importance'>[]): number[] {
  return events
    .map((e, index) => ({ index, importance: e.importance ?? 0, start: dateStart(e.date) }))
    .sort((a, b) => b.importance - a.importance || (a.start < b.start ? 1 : a.start > b.start ? -1 : 0) || b.index - a.index)
    .map((e) => e.index);
}

/**
 * The `max` most important events (see {@link rankByImportance}), in the
 * order given.
 *
 * @param events - the events
 * @param max - how many to keep
 * @returns the events kept
 */
export function mostImportant<T extends Pick<Event, 'date' | 'importance'>>(events: readonly T[], max: number): T[] {
  const kept = new Set(rankByImportance(events).slice(0, max));
  return events.filter((_, i) => kept.has(i));
}
