import type { ActorRegistry } from '../model/createActorRegistry.js';
import type { Event } from '../model/event.js';
import { toCSV, type CsvTable } from './csv.js';
import { withDerivedDates } from './derivedDates.js';
import { toNDJSON } from './ndjson.js';
import type { TimelineJSFit } from './fitTimelineJS.js';
import { toTimelineJS } from './timelineJS.js';
import { toVisTimelineView } from './visTimeline.js';

/**
 * The formats {@link exportEvents} writes.
 *
 * @example
 * ```ts
 * EXPORT_FORMATS.includes('csv');
 * // => true
 * ```
 */
export const EXPORT_FORMATS = ['json', 'ndjson', 'csv', 'timelinejs', 'vis'] as const;

/** A format {@link exportEvents} writes. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Options for {@link exportEvents}. */
export interface ExportEventsOptions {
  /** With `csv`: the table. Default `events`. */
  table?: CsvTable;
  /** The actor registry, for actor ids in `event_actors`. */
  registry?: ActorRegistry;
  /** With `csv`: start with a UTF-8 byte-order mark, so Excel on Windows reads accents right. Default false. */
  bom?: boolean;
  /** With `timelinejs` and `vis`: group by the first tag, the status or the importance. Default: no groups. */
  group?: Grouping;
  /** With a group: at most this many groups, the rest in `other`. Default 8. */
  maxGroups?: number;
  /** With `timelinejs`: only the events its navigator shows with no label over another (see `fitTimelineJS`). Default: every event. */
  fit?: boolean | TimelineJSFit;
}

/**
 * The ways {@link exportEvents} can group a timeline.
 *
 * @example
 * ```ts
 * GROUPINGS.importance(events[0]);
 * // => 'importance 5'
 * ```
 */
export const GROUPINGS: Readonly<Record<Grouping, (e: Event) => string | undefined>> = {
  /** By the event's first tag. */
  tag: (e: Event): string | undefined => e.tags[0],
  /** By status; `no status` when none is given. */
  status: (e: Event): string | undefined => e.status ?? 'no status',
  /** By importance, `importance N`; `not rated` when it has none. */
  importance: (e: Event): string | undefined => (e.importance === null ? 'not rated' : `importance ${e.importance}`),
};

/**
 * How {@link exportEvents} can group a timeline: `tag` (the first tag),
 * `status` (`no status` when none is given) or `importance`
 * (`importance N`, `not rated`).
 */
export type Grouping = 'tag' | 'status' | 'importance';

/**
 * Events as the text of one export format: JSON, NDJSON, one of the CSV
 * tables, a TimelineJS document or vis-timeline items (in one band, or
 * grouped by tag, status or importance into at most `maxGroups` bands).
 *
 * @param events - the events
 * @param format - `json`, `ndjson`, `csv`, `timelinejs` or `vis`
 * @param options - the CSV table and the registry
 * @returns the text, ending in a newline
 *
 * @example
 * ```ts
 * exportEvents(events, 'csv', { table: 'event_tags' }).split('\n')[0];
 * // => 'event_id,tag'
 * ```
 */
export function exportEvents(events: readonly Event[], format: ExportFormat, options: ExportEventsOptions = {}): string {
  if (options.group !== undefined && !Object.hasOwn(GROUPINGS, options.group)) throw new TypeError(`exportEvents: group must be one of ${Object.keys(GROUPINGS).join(', ')}`);
  const grouping = { group: options.group && GROUPINGS[options.group], maxGroups: options.maxGroups };
  switch (format) {
    case 'json':
      return `${JSON.stringify(events.map(withDerivedDates), null, 2)}\n`;
    case 'ndjson':
      return toNDJSON(events.map(withDerivedDates));
    case 'csv':
      return `${options.bom ? '\ufeff' : ''}${toCSV(events, { table: options.table ?? 'events', registry: options.registry })}`;
    case 'timelinejs':
      return `${JSON.stringify(toTimelineJS(events, { ...grouping, fit: options.fit }), null, 2)}\n`;
    case 'vis':
      return `${JSON.stringify(toVisTimelineView(events, grouping), null, 2)}\n`;
    default:
      throw new TypeError(`exportEvents: format must be one of ${EXPORT_FORMATS.join(', ')}`);
  }
}
