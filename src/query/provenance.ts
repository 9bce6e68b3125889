import type { Event } from '../model/event.js';
import type { CountRow } from './groupEvents.js';
import { countThenKey } from '../model/compareText.js';

/** How many citations carry a tier, an archive link and a date, over every source of every event. */
export interface SourceCoverage {
  /** Citations: each source of each event. */
  sources: number;
  /** With a reliability tier. */
  withTier: number;
  /** With an archive link. */
  withArchive: number;
  /** With a publication date. */
  withDate: number;
  /** Shares of `sources`, rounded to three places: tier, archive, date. */
  share: { tier: number; archive: number; date: number };
}

/** Per status, how many events a reader can weigh: a strong source, every source archived. */
export interface StatusProvenance {
  /** The status (`none` when not given). */
  status: string;
  /** Events with it. */
  events: number;
  /** Events with at least one source of tier 1 or 2. */
  withStrongSource: number;
  /** Events whose every source has an archive link. */
  fullyArchived: number;
}

/** What {@link provenance} reports. */
export interface Provenance {
  /** Events per status, most frequent first (`none` when not given). */
  perStatus: CountRow[];
  /** Per status, the events with a strong source and with every source archived, in the order of `perStatus`. */
  byStatus: StatusProvenance[];
  /** Tier, archive and date coverage of the citations. */
  sourceCoverage: SourceCoverage;
}

const share = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 1000 : 0);

/**
 * How well the events' provenance can be weighed: events per status, and
 * for each status those with a source of tier 1 or 2 and those with every
 * source archived; and how many citations give a tier, an archive link
 * and a date.
 *
 * @param events - the events
 * @returns the counts
 *
 * @example
 * ```ts
 * provenance(events).sourceCoverage.share;
 * // => { tier: 1, archive: 0, date: 0 }
 * ```
 */
export function provenance(events: readonly Event[]): Provenance {
  const statuses = new Map<string, StatusProvenance>();
  const coverage = { sources: 0, withTier: 0, withArchive: 0, withDate: 0 };
  for (const e of events) {
    const status = e.status ?? 'none';
    let row = statuses.get(status);
    if (!row) statuses.set(status, (row = { status, events: 0, withStrongSource: 0, fullyArchived: 0 }));
    row.events++;
    if (e.sources.some((s) => s.tier !== undefined && s.tier <= 2)) row.withStrongSource++;
    if (e.sources.every((s) => s.archiveUrl !== undefined)) row.fullyArchived++;
    for (const s of e.sources) {
      coverage.sources++;
      if (s.tier !== undefined) coverage.withTier++;
      if (s.archiveUrl !== undefined) coverage.withArchive++;
      if (s.date !== undefined) coverage.withDate++;
    }
  }
  const byStatus = [...statuses.values()].sort(countThenKey((s) => s.events, (s) => s.status));
  return {
    perStatus: byStatus.map((r) => ({ key: r.status, count: r.events })),
    byStatus,
    sourceCoverage: { ...coverage, share: { tier: share(coverage.withTier, coverage.sources), archive: share(coverage.withArchive, coverage.sources), date: share(coverage.withDate, coverage.sources) } },
  };
}
