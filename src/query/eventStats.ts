import type { ActorRegistry } from '../model/createActorRegistry.js';
import type { Event } from '../model/event.js';
import { deriveDataset } from './deriveDataset.js';
import { countEvents, type CountRow } from './groupEvents.js';
import type { SourceCoverage, StatusProvenance } from './provenance.js';

/** Options for {@link eventStats}. */
export interface EventStatsOptions {
  /** The actor registry, so each actor is counted once under its canonical name. */
  registry?: ActorRegistry;
  /** How many tags, actors and publishers to list. Default 10. */
  top?: number;
}

/** What {@link eventStats} reports. */
export interface EventStats {
  /** Number of events. */
  events: number;
  /** The first event's date. */
  firstDate?: string;
  /** The last event's date. */
  lastDate?: string;
  /** Number of distinct tags. */
  tags: number;
  /** Number of distinct actors (identities, with a registry). */
  actors: number;
  /** Number of distinct source URLs. */
  sources: number;
  /** Number of distinct publishers. */
  publishers: number;
  /** The most used tags. */
  topTags: CountRow[];
  /** The most named actors. */
  topActors: CountRow[];
  /** The most cited publishers. */
  topPublishers: CountRow[];
  /** Events per year, empty years included. */
  perYear: CountRow[];
  /** Events per status, most frequent first (`none` when not given). */
  perStatus: CountRow[];
  /** Per status, the events with a source of tier 1 or 2 and those with every source archived. */
  provenance: StatusProvenance[];
  /** How many citations give a tier, an archive link and a date. */
  sourceCoverage: SourceCoverage;
}

/**
 * Summarises events: counts, date range, the most used tags, actors and
 * publishers, and events per year.
 *
 * @param events - the events
 * @param options - the registry and how many of each to list
 * @returns the summary
 *
 * @example
 * ```ts
 * eventStats(events).topTags[0];
 * // => { key: 'diplomatic-theater', count: 1 }
 * ```
 */
export function eventStats(events: readonly Event[], options: EventStatsOptions = {}): EventStats {
  const top = options.top ?? 10;
  const { dataset } = deriveDataset(events, options.registry?.entries ?? []);
  const s = dataset.stats;
  const actorCounts = countEvents(events, 'actor', { registry: options.registry });
  return {
    events: s.events,
    firstDate: s.firstDate,
    lastDate: s.lastDate,
    tags: s.tags,
    actors: actorCounts.length,
    sources: s.sources,
    publishers: s.publishers,
    topTags: s.perTag.slice(0, top),
    topActors: actorCounts.slice(0, top),
    topPublishers: s.perPublisher.slice(0, top),
    perYear: s.perYear,
    perStatus: s.perStatus,
    provenance: s.provenance,
    sourceCoverage: s.sourceCoverage,
  };
}
