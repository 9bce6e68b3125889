/**
 * The prebuilt dataset, built from the package's `seeds/` folder: the same
 * data as the files in `data/`, typed.
 *
 * @example
 * ```ts
 * import { events, actors, stats } from 'democracy-timeline/data';
 * stats.events === events.length;
 * // => true
 * ```
 *
 * @packageDocumentation
 */
import actorsJson from '../data/actors.json';
import datapackageJson from '../data/datapackage.json';
import eventsJson from '../data/events.json';
import sourcesJson from '../data/sources.json';
import statsJson from '../data/stats.json';
import tagsJson from '../data/tags.json';
import tombstonesJson from '../data/tombstones.json';
import type { Actor } from './model/actor.js';
import type { DatasetMeta } from './model/dataset.js';
import type { DatasetEvent } from './format/derivedDates.js';
import type { Event } from './model/event.js';
import type { DatasetStats, SourceSummary, TagSummary } from './query/deriveDataset.js';
import type { Tombstone } from './query/types.js';

/**
 * Every event, sorted by date, then id (`data/events.json`), each with its
 * date spelled out (`dateStart`, `dateEnd`, `datePrecision`, `dateApproximate`).
 *
 * @example
 * ```ts
 * events[0].id;
 * // => '2025-11-06--kazakhstan-abraham-accords-announcement'
 * ```
 */
export const events: readonly DatasetEvent[] = eventsJson as DatasetEvent[];

/**
 * The actor registry with each actor's event count and first and last dates (`data/actors.json`).
 *
 * @example
 * ```ts
 * actors.find((a) => a.id === 'marco-rubio')?.eventCount;
 * // => 1
 * ```
 */
export const actors: readonly Actor[] = actorsJson as Actor[];

/**
 * Every tag with its count and first and last dates, most used first (`data/tags.json`).
 *
 * @example
 * ```ts
 * tags.map((t) => t.tag).includes('propaganda');
 * // => true
 * ```
 */
export const tags: readonly TagSummary[] = tagsJson as TagSummary[];

/**
 * Every distinct source URL with the ids of the events citing it (`data/sources.json`).
 *
 * @example
 * ```ts
 * sources[0].eventIds;
 * // => ['2025-11-06--kazakhstan-abraham-accords-announcement']
 * ```
 */
export const sources: readonly SourceSummary[] = sourcesJson as SourceSummary[];

/**
 * Counts over the dataset (`data/stats.json`).
 *
 * @example
 * ```ts
 * [stats.firstDate, stats.lastDate];
 * // => ['2025-11-06', '2025-11-06']
 * ```
 */
export const stats: DatasetStats = statsJson as DatasetStats;

/**
 * Every event id no longer in the dataset, and where it went: pass them to
 * `createTimeline(events, { tombstones })` so `timeline.tombstone(id)`
 * answers for an old link.
 *
 * @example
 * ```ts
 * tombstones.length;
 * // => 0
 * ```
 */
export const tombstones: readonly Tombstone[] = tombstonesJson as Tombstone[];

/**
 * What the dataset says of itself (`seeds/dataset.yaml`, as
 * `data/datapackage.json` gives it): its name, title, version, licences,
 * sources and how to cite it.
 *
 * @example
 * ```ts
 * [dataset.name, dataset.licenses?.[0]?.name];
 * // => ['democracy-timeline', 'CC-BY-SA-4.0']
 * ```
 */
export const dataset: DatasetMeta = (({ name, title, description, version, homepage, licenses, sources, contributors, citation }) => ({ name, title, description, version, homepage, licenses, sources, contributors, citation }))(datapackageJson as DatasetMeta);

export type { Actor, DatasetMeta, Event, DatasetEvent, DatasetStats, SourceSummary, TagSummary, Tombstone };
