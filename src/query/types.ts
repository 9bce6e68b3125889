import type { ActorRegistry } from '../model/createActorRegistry.js';
import type { Event } from '../model/event.js';

/**
 * A condition on a list field (tags, actors, statuses, capture lanes): one
 * value, a list (any of them), or any/all/none lists combined. Empty lists
 * add no condition.
 */
export type Match<T extends string = string> = T | readonly T[] | MatchSpec<T>;

/** Any, all and none lists for a {@link Match}; every given list must hold. */
export interface MatchSpec<T extends string = string> {
  /** At least one of these. */
  any?: readonly T[];
  /** Every one of these. */
  all?: readonly T[];
  /** None of these. */
  none?: readonly T[];
}

/** How results are ordered: by date (then id), newest first, or most important first (then date, id). */
export type SortOrder = 'date' | '-date' | '-importance';

/** An actor named by a cross-reference id its registry entry carries (see `Actor['ids']`). */
export interface ActorReference {
  /** A Wikidata item id, `Q` and digits. */
  wikidata: string;
}

/** A query over events; every given condition must hold. */
export interface EventQuery {
  /** Inclusive start: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`'2024-06'` starts on 1 June). */
  from?: string;
  /** Inclusive end: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`'2025'` includes all of 2025). */
  to?: string;
  /**
   * How an event known less precisely than a day, or spanning days, meets
   * the range: `overlap` (the default: any of its days in the range) or
   * `within` (all of them).
   */
  dateMatch?: 'overlap' | 'within';
  /** Tags to match. */
  tags?: Match;
  /**
   * Actors to match, by identity when an actor registry is given, else by
   * exact name; or `{ wikidata: 'Q22686' }`: the registry entry with that
   * cross-reference id (a registry is then needed).
   */
  actors?: Match | ActorReference;
  /** Statuses to match. */
  status?: Match<NonNullable<Event['status']>>;
  /** Capture lanes to match. */
  captureLanes?: Match;
  /** Lowest importance, inclusive. */
  minImportance?: number;
  /** Highest importance, inclusive. */
  maxImportance?: number;
  /** Words that must each occur, ignoring case and accents, in the title, summary, a tag or an actor. */
  text?: string;
  /** Result order. Default `date`. */
  sort?: SortOrder;
  /** Results to skip. Default 0. */
  offset?: number;
  /** Most results to return. Default all. */
  limit?: number;
}

/** Options shared by the query functions. */
export interface QueryOptions {
  /** An actor registry (see createActorRegistry) so actor queries match by identity. */
  registry?: ActorRegistry;
}

/** Options for `filterEvents`. */
export type FilterEventsOptions = QueryOptions;

/** Options for `createTimeline`. */
export interface CreateTimelineOptions extends QueryOptions {
  /** Ids no longer in the dataset (`tombstones.json`), so `timeline.tombstone(id)` can say where one went. */
  tombstones?: readonly Tombstone[];
}

/** Options for `groupEvents` and `countEvents`. */
export interface GroupEventsOptions extends QueryOptions {
  /**
   * By year or month, where an event spanning several periods (a range, or
   * a year counted by month) goes: `start` (the default: its first period)
   * or `spread` (every period it covers, up to the last event's).
   */
  ranges?: 'start' | 'spread';
}

/** Options for `involves`. */
export type InvolvesOptions = QueryOptions;

/** An event id no longer in the dataset, and where it went (`tombstones.json`). */
export interface Tombstone {
  /** The id. */
  id: string;
  /** The version of the dataset it left. */
  removedIn: string;
  /** The event that holds it now (in its former ids), when it was renamed or merged. */
  replacedBy?: string;
}
