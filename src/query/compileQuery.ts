import type { Event } from '../model/event.js';
import { lowerBound, upperBound } from './dateBounds.js';
import { queryWords } from './foldText.js';
import { matchesSpec, toMatchSpec, type NormalMatch } from './matchSpec.js';
import { searchText } from './matchesText.js';
import type { EventQuery, QueryOptions, SortOrder } from './types.js';
import { compareText as cmp } from '../model/compareText.js';

/** A query checked and brought to the form both query paths use. */
export interface CompiledQuery {
  /** Lower date bound, for string comparison ('' when open). */
  lo: string;
  /** Upper date bound, for string comparison. */
  hi: string;
  /** Tags condition. */
  tags?: NormalMatch;
  /** Actors condition, as identities. */
  actors?: NormalMatch;
  /** Status condition. */
  status?: NormalMatch;
  /** Capture-lane condition. */
  captureLanes?: NormalMatch;
  /** Lowest importance. */
  minImportance: number;
  /** Highest importance. */
  maxImportance: number;
  /** Folded words of the text condition. */
  words: string[];
  /** Order. */
  sort: SortOrder;
  /** Results to skip. */
  offset: number;
  /** Most results. */
  limit: number;
  /** Maps an actor name to its identity. */
  identify?: (name: string) => string;
  /** Tests one event; `haystack` gives its folded search text when known. */
  test(event: Event, haystack?: string): boolean;
  /** Tests every condition but the dates and the text. */
  testRest(event: Event): boolean;
}

const SORTS: readonly SortOrder[] = ['date', '-date', '-importance'];

function count(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`${name}: expected a number`);
  return value;
}

/**
 * Checks a query and compiles it; throws a TypeError for a malformed one.
 *
 * @param query - the query
 * @param options - an optional actor registry
 * @returns the compiled query
 */
export function compileQuery(query: EventQuery, options: QueryOptions = {}): CompiledQuery {
  if (typeof query !== 'object' || query === null) throw new TypeError('query: expected an object');
  const sort = query.sort ?? 'date';
  if (!SORTS.includes(sort)) throw new TypeError(`sort: expected one of ${SORTS.join(', ')}`);
  if (query.text !== undefined && typeof query.text !== 'string') throw new TypeError('text: expected a string');
  const identify = options.registry ? (name: string) => options.registry!.identify(name) : undefined;
  let actors = toMatchSpec(query.actors, 'actors');
  if (actors && identify) {
    const ids = (list?: readonly string[]) => list?.map(identify);
    actors = { any: ids(actors.any), all: ids(actors.all), none: ids(actors.none) };
  }
  const compiled: Omit<CompiledQuery, 'test' | 'testRest'> = {
    lo: query.from === undefined ? '' : lowerBound(query.from),
    hi: query.to === undefined ? '\uffff' : upperBound(query.to),
    tags: toMatchSpec(query.tags, 'tags'),
    actors,
    status: toMatchSpec(query.status, 'status'),
    captureLanes: toMatchSpec(query.captureLanes, 'captureLanes'),
    minImportance: count(query.minImportance, 'minImportance', -Infinity),
    maxImportance: count(query.maxImportance, 'maxImportance', Infinity),
    words: query.text === undefined ? [] : queryWords(query.text),
    sort,
    offset: Math.max(0, Math.floor(count(query.offset, 'offset', 0))),
    limit: Math.max(0, Math.floor(count(query.limit, 'limit', Infinity))),
    identify,
  };
  const { lo, hi, tags, status, captureLanes, minImportance, maxImportance, words } = compiled;
  const testRest = (event: Event): boolean => {
    if (event.importance < minImportance || event.importance > maxImportance) return false;
    if (tags && !matchesSpec(event.tags, tags)) return false;
    if (actors && !matchesSpec(identify ? event.actors.map(identify) : event.actors, actors)) return false;
    if (status && !matchesSpec(event.status === undefined ? [] : [event.status], status)) return false;
    if (captureLanes && !matchesSpec(event.captureLanes ?? [], captureLanes)) return false;
    return true;
  };
  const test = (event: Event, haystack?: string): boolean => {
    if (event.date < lo || event.date > hi || !testRest(event)) return false;
    if (words.length) {
      const text = haystack ?? searchText(event);
      for (const word of words) if (!text.includes(word)) return false;
    }
    return true;
  };
  return { ...compiled, test, testRest };
}


/**
 * Compares two events in the order a query asks for: by date then id
 * (code-point order), the reverse, or by importance (highest first) then
 * date and id.
 *
 * @param sort - the order
 * @returns a comparator for `Array.prototype.sort`
 *
 * @example
 * ```ts
 * [...events].sort(compareEvents('-importance'))[0].importance;
 * // => 5
 * ```
 */
export function compareEvents(sort: SortOrder = 'date'): (a: Event, b: Event) => number {
  const byDate = (a: Event, b: Event) => cmp(a.date, b.date) || cmp(a.id, b.id);
  if (sort === '-date') return (a, b) => byDate(b, a);
  if (sort === '-importance') return (a, b) => b.importance - a.importance || byDate(a, b);
  return byDate;
}
