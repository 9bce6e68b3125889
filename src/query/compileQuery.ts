import type { Event } from '../model/event.js';
import { compareText as cmp } from '../model/compareText.js';
import { checkNumber } from './checkNumber.js';
import { compareDates } from '../model/edtf.js';
import { queryWords } from '../model/foldText.js';
import { lowerBound, upperBound } from './dateBounds.js';
import { hasStatus } from './hasStatus.js';
import { hasTags } from './hasTags.js';
import { inCaptureLanes } from './inCaptureLanes.js';
import { inDateRange } from './inDateRange.js';
import { involves } from './involves.js';
import { matchesText } from './matchesText.js';
import { toMatchSpec, type NormalMatch } from './matchSpec.js';
import { maxImportance as maxImportancePredicate } from './maxImportance.js';
import { minImportance as minImportancePredicate } from './minImportance.js';
import type { EventPredicate } from './predicate.js';
import type { EventQuery, Match, MatchSpec, QueryOptions, SortOrder } from './types.js';

/** What a condition of a query tests; the timeline answers some of them from its indexes. */
export type ConditionKind = 'date' | 'tags' | 'actors' | 'status' | 'captureLanes' | 'importance' | 'text';

/** One condition of a query: its kind and its predicate. */
export interface Condition {
  /** What it tests. */
  kind: ConditionKind;
  /** The predicate: one of the exported ones (`inDateRange`, `hasTags`...). */
  test: EventPredicate;
}

/** A query checked and brought to the form both query paths use. */
export interface CompiledQuery {
  /** Lower date bound, for string comparison ('' when open). */
  lo: string;
  /** Upper date bound, for string comparison. */
  hi: string;
  /** Dates match only inside the range, not by overlap. */
  within: boolean;
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
  /** Every condition, each built from its predicate. */
  conditions: Condition[];
  /** Tests one event against every condition. */
  test(event: Event): boolean;
}

/** A value that must be one of a few words, or undefined for the first. */
function oneOf<T extends string>(value: T | undefined, name: string, words: readonly T[]): T {
  if (value === undefined) return words[0]!;
  if (!words.includes(value)) throw new TypeError(`${name}: expected one of ${words.join(', ')}, got ${JSON.stringify(value)}`);
  return value;
}

function count(value: number | undefined, name: string, fallback: number): number {
  return value === undefined ? fallback : checkNumber(value, name);
}

/**
 * `{ wikidata: 'Q...' }` as the name of the registry entry that carries the
 * id; a name no event can hold when none does. Other matches pass through.
 */
function byReference(actors: EventQuery['actors'], registry: QueryOptions['registry']): Match | undefined {
  const wikidata = (actors as { wikidata?: unknown } | undefined)?.wikidata;
  if (wikidata === undefined) return actors as Match | undefined;
  if (!registry) throw new TypeError('actors.wikidata: needs the actor registry (the registry option)');
  // U+0001 never appears in a name, so nothing matches an id no entry has.
  return { any: [registry.find({ wikidata: wikidata as string })?.name ?? '\u0001'] };
}

/**
 * Checks a query and compiles it into its conditions, each one of the
 * exported predicates, so a condition is written once; throws a TypeError
 * for a malformed query.
 *
 * @param query - the query
 * @param options - an optional actor registry
 * @returns the compiled query
 */
export function compileQuery(query: EventQuery, options: QueryOptions = {}): CompiledQuery {
  if (typeof query !== 'object' || query === null) throw new TypeError('query: expected an object');
  const sort = oneOf<SortOrder>(query.sort, 'sort', ['date', '-date', '-importance']);
  if (query.text !== undefined && typeof query.text !== 'string') throw new TypeError('text: expected a string');
  const registry = options.registry;
  const tags = toMatchSpec(query.tags, 'tags');
  const named = toMatchSpec(byReference(query.actors, registry), 'actors');
  const status = toMatchSpec(query.status, 'status');
  const captureLanes = toMatchSpec(query.captureLanes, 'captureLanes');
  const minImportance = count(query.minImportance, 'minImportance', -Infinity);
  const maxImportance = count(query.maxImportance, 'maxImportance', Infinity);
  const words = query.text === undefined ? [] : queryWords(query.text);
  const ids = (list?: readonly string[]) => list?.map((name) => registry!.identify(name));
  const actors = named && registry ? { any: ids(named.any), all: ids(named.all), none: ids(named.none) } : named;

  const conditions: Condition[] = [];
  const within = oneOf(query.dateMatch, 'dateMatch', ['overlap', 'within']) === 'within';
  if (query.from !== undefined || query.to !== undefined) conditions.push({ kind: 'date', test: inDateRange(query.from, query.to, within) });
  if (tags) conditions.push({ kind: 'tags', test: hasTags(tags) });
  if (named) conditions.push({ kind: 'actors', test: involves(named, { registry }) });
  if (status) conditions.push({ kind: 'status', test: hasStatus(status as MatchSpec<NonNullable<Event['status']>>) });
  if (captureLanes) conditions.push({ kind: 'captureLanes', test: inCaptureLanes(captureLanes) });
  if (query.minImportance !== undefined) conditions.push({ kind: 'importance', test: minImportancePredicate(minImportance) });
  if (query.maxImportance !== undefined) conditions.push({ kind: 'importance', test: maxImportancePredicate(maxImportance) });
  if (words.length) conditions.push({ kind: 'text', test: matchesText(query.text!) });

  return {
    within,
    lo: query.from === undefined ? '' : lowerBound(query.from),
    hi: query.to === undefined ? '\uffff' : upperBound(query.to),
    tags,
    actors,
    status,
    captureLanes,
    minImportance,
    maxImportance,
    words,
    sort,
    offset: Math.max(0, Math.floor(count(query.offset, 'offset', 0))),
    limit: Math.max(0, Math.floor(count(query.limit, 'limit', Infinity))),
    conditions,
    test: (event) => conditions.every((c) => c.test(event)),
  };
}

/** Highest importance first; an event not rated after every rated one, whatever its value. */
export function byImportance(a: Event, b: Event): number {
  const x = a.importance ?? -Infinity;
  const y = b.importance ?? -Infinity;
  return x > y ? -1 : x < y ? 1 : 0;
}

/**
 * Compares two events in the order a query asks for: by date then id
 * (code-point order), the reverse, or by importance (highest first, events
 * not rated last) then date and id.
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
  const byDate = (a: Event, b: Event) => compareDates(a.date, b.date) || cmp(a.id, b.id);
  if (sort === '-date') return (a, b) => byDate(b, a);
  // Events not rated (importance null) come after every rated one.
  if (sort === '-importance') return (a, b) => byImportance(a, b) || byDate(a, b);
  return byDate;
}
