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

/** A vis-timeline group: its id and its label (HTML-escaped). */
export interface VisTimelineGroup {
  id: string;
  content: string;
}

/** What a vis-timeline page needs: the items, their groups, and the window to open on. */
export interface VisTimelineView {
  items: VisTimelineItem[];
  /** The groups, the largest first, `other` last; absent without a grouping. */
  groups?: VisTimelineGroup[];
  /** The first and last day the timeline shows when it opens: the densest span of recent events. */
  window?: { start: string; end: string };
}

/**
 * How many events the opening window of {@link toVisTimelineView} holds:
 * about as many as stay legible stacked in one view.
 *
 * @example
 * ```ts
 * VIS_WINDOW_ITEMS;
 * // => 40
 * ```
 */
export const VIS_WINDOW_ITEMS = 40;

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The opening window: of the runs of {@link VIS_WINDOW_ITEMS} consecutive
 * items (by start) that reach into the newest quarter, the one that spans
 * the fewest days (the newest among equals), padded by a tenth on each
 * side (at least a week).
 */
function denseRecentWindow(items: readonly VisTimelineItem[]): { start: string; end: string } | undefined {
  const starts = items.map((i) => Date.parse(`${i.start}T00:00:00Z`)).sort((a, b) => a - b);
  if (!starts.length) return undefined;
  const k = Math.min(VIS_WINDOW_ITEMS, starts.length);
  // Runs that reach into the newest quarter.
  const from = Math.max(0, Math.floor(starts.length * 0.75) - k + 1);
  let best = starts.length - k;
  for (let i = from; i + k <= starts.length; i++) if (starts[i + k - 1]! - starts[i]! <= starts[best + k - 1]! - starts[best]!) best = i;
  const first = starts[best]!;
  const last = starts[best + k - 1]!;
  const pad = Math.max(7 * DAY_MS, (last - first) / 10);
  return { start: isoDay(first - pad), end: isoDay(last + pad) };
}

/**
 * Events as what a vis-timeline page needs: the items
 * ({@link toVisTimeline}), the groups list in band order (the largest
 * first, `other` last), and an opening window over the densest recent span
 * (about {@link VIS_WINDOW_ITEMS} events), so the first view is legible at
 * any size. Style the item classes with the package's
 * `democracy-timeline/vis-timeline.css`.
 *
 * @param events - the events
 * @param options - how to group items
 * @returns the items, groups and window
 *
 * @example
 * ```ts
 * const view = toVisTimelineView(events, { group: (e) => e.tags[0] });
 * [view.items.length, view.groups, view.window];
 * // => [1, [{ id: 'foreign-policy', content: 'foreign-policy' }], { start: '2025-10-30', end: '2025-11-13' }]
 * ```
 */
export function toVisTimelineView(events: readonly Event[], options: ToVisTimelineOptions = {}): VisTimelineView {
  const items = toVisTimeline(events, options);
  const view: VisTimelineView = { items };
  if (options.group) {
    const counts = new Map<string, number>();
    for (const item of items) if (item.group !== undefined) counts.set(item.group, (counts.get(item.group) ?? 0) + 1);
    const order = [...counts].sort((a, b) => (a[0] === 'other') !== (b[0] === 'other') ? (a[0] === 'other' ? 1 : -1) : b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    view.groups = order.map(([id]) => ({ id, content: escapeHtml(id) }));
  }
  const window = denseRecentWindow(items);
  if (window) view.window = window;
  return view;
}
