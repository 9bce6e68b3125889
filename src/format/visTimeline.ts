import { OPEN_END, parseDate } from '../model/edtf.js';
import type { Event } from '../model/event.js';
import { boundedGroups } from './groups.js';
import { escapeHtml } from './html.js';

/** A vis-timeline item. */
export interface VisTimelineItem {
  /** The event id. */
  id: string;
  /** The title, HTML-escaped (vis-timeline renders content as HTML). */
  content: string;
  /** The date's first day, `YYYY-MM-DD`. */
  start: string;
  /** A range's last day. */
  end?: string;
  /** `range` for a range with an end; points otherwise. */
  type?: 'range' | 'point';
  /** The group id. */
  group?: string;
  /** `importance-N` (or `importance-unrated`), and `date-month`, `date-year`, `approximate`, `uncertain` for dates not known to the day. */
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
 * const [item] = toVisTimeline([{ ...event, title: 'Kazakhstan joins the Abraham Accords' }]);
 * item;
 * // => { id: '2025-11-06--kazakhstan-abraham-accords-announcement', content: 'Kazakhstan joins the Abraham Accords', start: '2025-11-06', className: 'importance-5', title: 'Kazakhstan joins the Abraham Accords' }
 * ```
 */
export function toVisTimeline(events: readonly Event[], options: ToVisTimelineOptions = {}): VisTimelineItem[] {
  const groupOf = boundedGroups(events, options.group, options.maxGroups);
  return events.map((e) => {
    const span = parseDate(e.date)!;
    const classes = [`importance-${e.importance ?? 'unrated'}`];
    if (span.precision !== 'day') classes.push(`date-${span.precision}`);
    if (span.approximate) classes.push('approximate');
    if (span.uncertain) classes.push('uncertain');
    const item: VisTimelineItem = { id: e.id, content: escapeHtml(e.title), start: span.start, className: classes.join(' '), title: escapeHtml(e.title) };
    if (span.range && span.end !== OPEN_END) Object.assign(item, { end: span.end, type: 'range' });
    const g = groupOf(e);
    if (g !== undefined) item.group = g;
    return item;
  });
}
