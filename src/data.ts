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
import eventsJson from '../data/events.json';
import sourcesJson from '../data/sources.json';
import statsJson from '../data/stats.json';
import tagsJson from '../data/tags.json';
import type { Actor } from './model/actor.js';
import type { Event } from './model/event.js';
import type { DatasetStats, SourceSummary, TagSummary } from './format/deriveDataset.js';

/** Every event, sorted by date, then id (`data/events.json`). */
export const events: readonly Event[] = eventsJson as Event[];

/** The actor registry with each actor's event count and first and last dates (`data/actors.json`). */
export const actors: readonly Actor[] = actorsJson as Actor[];

/** Every tag with its count and first and last dates, most used first (`data/tags.json`). */
export const tags: readonly TagSummary[] = tagsJson as TagSummary[];

/** Every distinct source URL with the ids of the events citing it (`data/sources.json`). */
export const sources: readonly SourceSummary[] = sourcesJson as SourceSummary[];

/** Counts over the dataset (`data/stats.json`). */
export const stats: DatasetStats = statsJson as DatasetStats;

export type { Actor, Event, DatasetStats, SourceSummary, TagSummary };
