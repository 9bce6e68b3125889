/**
 * The prebuilt dataset, built from the package's `seeds/` folder.
 *
 * @example
 * ```ts
 * import { events } from 'democracy-timeline/data';
 * events.length > 0;
 * // => true
 * ```
 *
 * @packageDocumentation
 */
import eventsJson from '../data/events.json';
import type { Event } from './model/event.js';

/** Every event of the dataset, sorted by date, then id. */
export const events: readonly Event[] = eventsJson as Event[];
