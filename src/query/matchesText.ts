import type { Event } from '../model/event.js';
import { foldText, queryWords } from '../model/foldText.js';
import type { EventPredicate } from './predicate.js';
import { someSearchField } from './searchFields.js';

/**
 * The text that text search looks in: title, summary, tags and actors,
 * folded, one per line (so no word can match across two of them).
 *
 * @param event - an event
 * @returns the folded text
 *
 * @example
 * ```ts
 * searchText({ ...event, title: 'Élysée', summary: 'S', tags: ['t'], actors: ['A'] });
 * // => 'elysee\ns\nt\na'
 * ```
 */
export function searchText(event: Event): string {
  return foldText(rawSearchText(event));
}

/** The fields text search looks in, one per line, before folding. */
function rawSearchText(event: Event): string {
  const fields: string[] = [];
  someSearchField(event, (text) => {
    fields.push(text);
    return false;
  });
  return fields.join('\n');
}

/**
 * Events that contain every word of the text, ignoring case and accents, as
 * a substring of the title, summary, a tag or an actor.
 *
 * @param text - one or more words
 * @returns the predicate
 *
 * @example
 * ```ts
 * events.filter(matchesText('kazakh ACCORDS')).length;
 * // => 1
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function matchesText(text: string): EventPredicate {
  if (typeof text !== 'string') throw new TypeError('matchesText: expected a string');
  const words = queryWords(text);
  if (words.length === 0) return () => true;
  return (event) => {
    const haystack = searchText(event);
    return words.every((word) => haystack.includes(word));
  };
}
