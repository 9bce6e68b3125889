import type { Event } from '../model/event.js';

/** A test on one event, for `Array.prototype.filter` and the combinators. */
export type EventPredicate<T extends Event = Event> = (event: T) => boolean;
