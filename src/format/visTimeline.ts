import type { Event } from '../model/event.js';
import { boundedGroups } from './groups.js';
import { escapeHtml } from './html.js';

/** A vis-timeline item. */
export interface VisTimelineItem {
  /** The event id. */
  id: string;
  /** The title, HTML-escaped (vis-timeline renders content as HTML). */
  content: string;
  /** The date, `YYYY-MM-DD`. */
  start: string;
  /** The group id. */
  group?: string;
  /** `importance-N`, or `importance-unrated`, for styling by importance. */
  className?: string;
  /** The title, HTML-escaped (vis-timeline renders it as HTML on hover). */
  title?: string;
}

/** Options for {@link toVisTimeline}. */
export interface ToVisTimelineOptions {
  /** The group of an event. Default: none. */
  group?: (event: Event) => string | undefined;
  /** At most this many groups: the most frequent keep their names, the rest share `other`. Default 8. */
  maxGroups?: number;
}

/**
 * Events as vis-timeline items (`new Timeline(el, new DataSet(items))`).
 *
 * @param events - the events
 * @param options - how to group items
 * @returns the items
 *
 * @example
 * ```ts
 * toVisTimeline(events)[0];
 * // => { id: '2025-11-06--kazakhstan-abraham-accords-announcement', content: 'Trump Announces ...', start: '2025-11-06', className: 'importance-5', title: 'Trump Announces ...' }
 * ```
 */
export function toVisTimeline(events: readonly Event[], options: ToVisTimelineOptions = {}): VisTimelineItem[] {
  const groupOf = boundedGroups(events, options.group, options.maxGroups);
  return events.map((e) => {
    const item: VisTimelineItem = { id: e.id, content: escapeHtml(e.title), start: e.date, className: `importance-${e.importance ?? 'unrated'}`, title: escapeHtml(e.title) };
    const g = groupOf(e);
    if (g !== undefined) item.group = g;
    return item;
  });
}
