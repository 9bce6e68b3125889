import type { Event } from '../model/event.js';

/**
 * The fields text search looks in, the one list every text path reads
 * (`matchesText`, the token index, the timeline's scan): the title, the
 * summary, each tag and each actor, each on its own, so no word can match
 * across two of them. Stops at the first field `test` accepts.
 *
 * @param event - an event
 * @param test - called with each field's text, in that order
 * @returns true when `test` accepted a field
 *
 * @example
 * ```ts
 * someSearchField({ ...event, tags: ['media'] }, (text) => text === 'media');
 * // => true
 * ```
 */
export function someSearchField(event: Event, test: (text: string) => boolean): boolean {
  if (test(event.title) || test(event.summary)) return true;
  for (const tag of event.tags) if (test(tag)) return true;
  for (const actor of event.actors) if (test(actor)) return true;
  return false;
}
