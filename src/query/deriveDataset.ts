import type { Actor } from '../model/actor.js';
import type { Event } from '../model/event.js';
import { createActorRegistry } from '../model/createActorRegistry.js';
import { dateStart } from '../model/edtf.js';
import { countEvents, type CountRow } from './groupEvents.js';
import { provenance, type SourceCoverage, type StatusProvenance } from './provenance.js';
import { compareText as cmp } from '../model/compareText.js';

/** A tag with how often and when it is used. */
export interface TagSummary {
  /** The tag. */
  tag: string;
  /** How many events carry it. */
  count: number;
  /** The date of the first event with it. */
  firstDate: string;
  /** The date of the last event with it. */
  lastDate: string;
}

/** A cited URL with the events citing it. */
export interface SourceSummary {
  /** The URL, once. */
  url: string;
  /** The title, as the first citing event gives it (absent for a bare link). */
  title?: string;
  /** The publisher, as the first citing event gives it. */
  publisher?: string;
  /** The ids of the events citing it, in date order. */
  eventIds: string[];
}

/** Counts over the whole dataset. */
export interface DatasetStats {
  /** Number of events. */
  events: number;
  /** Number of actors in the registry. */
  actors: number;
  /** Number of distinct tags. */
  tags: number;
  /** Number of distinct source URLs. */
  sources: number;
  /** Number of distinct publishers. */
  publishers: number;
  /** The first event's date. */
  firstDate?: string;
  /** The last event's date. */
  lastDate?: string;
  /** Events per year, empty years included. */
  perYear: CountRow[];
  /** Events per importance level. */
  perImportance: CountRow[];
  /** Events per tag, most frequent first. */
  perTag: CountRow[];
  /** Sources per publisher, most frequent first. */
  perPublisher: CountRow[];
  /** Events per status, most frequent first (`none` when not given). */
  perStatus: CountRow[];
  /** Per status, the events with a source of tier 1 or 2 and those with every source archived. */
  provenance: StatusProvenance[];
  /** How many citations give a tier, an archive link and a date, and their shares. */
  sourceCoverage: SourceCoverage;
}

/** Everything the dataset files hold, as data. */
export interface Dataset {
  /** The events, sorted by date, then id. */
  events: Event[];
  /** The actor registry with derived counts and dates, sorted by id. */
  actors: Actor[];
  /** Every tag. */
  tags: TagSummary[];
  /** Every distinct source URL. */
  sources: SourceSummary[];
  /** Counts. */
  stats: DatasetStats;
}

/** The outcome of {@link deriveDataset}. */
export interface DeriveResult {
  /** The dataset. */
  dataset: Dataset;
  /** Actor names that no registry entry resolves, in order of first use. */
  unknownActors: string[];
}

const byCount = (a: CountRow, b: CountRow) => b.count - a.count || cmp(String(a.key), String(b.key));

/**
 * Derives the dataset's tables from events and the actor registry: actors
 * with event counts and first and last dates, tags, distinct source URLs with
 * their citing events, and stats. Deterministic: the same input gives the
 * same output, in the same order.
 *
 * @param events - the events, sorted by date, then id
 * @param actors - the registry entries
 * @returns the dataset and the actor names the registry does not know
 *
 * @example
 * ```ts
 * deriveDataset(events, actors).dataset.stats.events;
 * // => 1
 * ```
 */
export function deriveDataset(events: readonly Event[], actors: readonly Actor[]): DeriveResult {
  const registry = createActorRegistry(actors);
  const unknown = new Set<string>();
  const figures = new Map<string, { count: number; first: string; last: string }>();
  const tagFigures = new Map<string, TagSummary>();
  const sources = new Map<string, SourceSummary>();
  const publishers = new Map<string, number>();
  for (const e of events) {
    const seen = new Set<string>();
    for (const name of e.actors) {
      const actor = registry.resolve(name);
      if (!actor) {
        unknown.add(name);
        continue;
      }
      if (seen.has(actor.id)) continue;
      seen.add(actor.id);
      const f = figures.get(actor.id);
      if (f) {
        f.count++;
        f.last = dateStart(e.date);
      } else figures.set(actor.id, { count: 1, first: dateStart(e.date), last: dateStart(e.date) });
    }
    for (const tag of e.tags) {
      const t = tagFigures.get(tag);
      if (t) {
        t.count++;
        t.lastDate = dateStart(e.date);
      } else tagFigures.set(tag, { tag, count: 1, firstDate: dateStart(e.date), lastDate: dateStart(e.date) });
    }
    for (const s of e.sources) {
      if (s.publisher) publishers.set(s.publisher, (publishers.get(s.publisher) ?? 0) + 1);
      if (!s.url) continue;
      const known = sources.get(s.url);
      if (known) {
        if (known.eventIds[known.eventIds.length - 1] !== e.id) known.eventIds.push(e.id);
      } else {
        const summary: SourceSummary = { url: s.url, ...(s.title !== undefined ? { title: s.title } : {}), eventIds: [e.id] };
        if (s.publisher) summary.publisher = s.publisher;
        sources.set(s.url, summary);
      }
    }
  }
  const derivedActors = [...actors]
    .sort((a, b) => cmp(a.id, b.id))
    .map((a) => {
      const f = figures.get(a.id);
      const out: Actor = { id: a.id, name: a.name, aliases: [...a.aliases], kind: a.kind, ...(a.ids ? { ids: { ...a.ids } } : {}), eventCount: f?.count ?? 0 };
      if (f) {
        out.firstDate = f.first;
        out.lastDate = f.last;
      }
      return out;
    });
  const tags = [...tagFigures.values()].sort((a, b) => b.count - a.count || cmp(a.tag, b.tag));
  const sourceList = [...sources.values()].sort((a, b) => cmp(a.url, b.url));
  const weighed = provenance(events);
  const stats: DatasetStats = {
    events: events.length,
    actors: actors.length,
    tags: tags.length,
    sources: sourceList.length,
    publishers: publishers.size,
    ...(events.length ? { firstDate: dateStart(events[0]!.date), lastDate: dateStart(events[events.length - 1]!.date) } : {}),
    perYear: countEvents(events, 'year'),
    perImportance: countEvents(events, 'importance'),
    perTag: tags.map((t) => ({ key: t.tag, count: t.count })),
    perPublisher: [...publishers].map(([key, count]) => ({ key, count })).sort(byCount),
    perStatus: weighed.perStatus,
    provenance: weighed.byStatus,
    sourceCoverage: weighed.sourceCoverage,
  };
  return { dataset: { events: [...events], actors: derivedActors, tags, sources: sourceList, stats }, unknownActors: [...unknown] };
}
