import { parseDate } from '../model/edtf.js';
import type { Event } from '../model/event.js';
import { rankByImportance } from './mostImportant.js';

/**
 * The page {@link fitTimelineJS} fits a TimelineJS navigator to. The
 * defaults are TimelineJS's own on a page 1,000 px wide.
 */
export interface TimelineJSFit {
  /**
   * At most this many events. Default 300: TimelineJS answers within 2 s up
   * to about 300 (headless Chromium on 2 cores).
   */
  max?: number;
  /** The width of the timeline on the page, in pixels. Default 1,000. */
  width?: number;
  /**
   * The rows of markers the navigator has. Default 4: what TimelineJS
   * gives its navigator at its smallest (`timenav_height_min`, 175 px).
   */
  rows?: number;
  /** TimelineJS's `scale_factor`: how many widths the whole span takes. Default 2, TimelineJS's. */
  scale?: number;
}

/** TimelineJS's `marker_width_min`: the width a marker's label takes, in pixels. */
const LABEL_WIDTH = 100;

/** One event as the navigator places it: its band, and its start and end in milliseconds. */
interface Mark {
  index: number;
  band: string;
  start: number;
  end: number;
}

const time = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`fitTimelineJS: ${name} must be a number above 0`);
  return value;
}

/**
 * True when TimelineJS lays the marks out with no label over another: it
 * gives each label `width` milliseconds (or its range, when longer) and
 * puts it in the first row of its band that is free, so the marks fit when
 * no moment is covered by more labels of one band than the band has rows.
 */
function fits(marks: readonly Mark[], width: number, rows: number): boolean {
  const ends = new Map<string, number[]>();
  for (const m of marks) {
    const band = ends.get(m.band) ?? [];
    const open = band.filter((end) => end > m.start);
    if (open.length >= rows) return false;
    open.push(Math.max(m.start + width, m.end));
    ends.set(m.band, open);
  }
  return true;
}

/**
 * The events TimelineJS's time navigator shows with no label over another:
 * of the `max` most important (the newest first among equals), those that
 * fit, the more important first, in the order given.
 *
 * TimelineJS spreads the whole span of the events over `scale` widths of
 * the page and gives each marker's label 100 px, in a few rows; where
 * events crowd (a corpus's last year often holds most of them), labels
 * pile up into one grey band. The span is that of the `max` most
 * important, so every period they cover keeps its most important events;
 * an event is kept when the navigator still lays out every kept event,
 * itself included, without overlap. A band (`band`) has rows of its own:
 * with more than one, one row each unless `rows` allows more.
 *
 * @param events - the events
 * @param band - the band of an event (TimelineJS's `group`), if any
 * @param fit - the page: its width, the navigator's rows and scale, the most events
 * @returns the events kept, in their order
 *
 * @example
 * ```ts
 * // Ten events on one day: four rows, four labels.
 * const sameDay = Array.from({ length: 10 }, (_, i) => ({ ...events[0], id: `${events[0].id}-${i}` }));
 * fitTimelineJS(sameDay).length;
 * // => 4
 * ```
 */
export function fitTimelineJS(events: readonly Event[], band: (event: Event) => string | undefined = () => undefined, fit: TimelineJSFit = {}): Event[] {
  const max = positive('max', fit.max ?? 300);
  const pageWidth = positive('width', fit.width ?? 1_000);
  const scale = positive('scale', fit.scale ?? 2);
  const candidates: Mark[] = rankByImportance(events)
    .slice(0, max)
    .map((index) => {
      const e = events[index]!;
      const span = parseDate(e.date);
      const start = time(span?.start ?? e.date);
      // TimelineJS draws a closed range to its end; an open range is a point.
      const end = span?.range && span.ends?.[1] ? time(span.end) : start;
      return { index, band: band(e) ?? '', start, end };
    });
  const bands = new Set(candidates.map((m) => m.band)).size;
  const rows = Math.max(1, Math.floor(positive('rows', fit.rows ?? 4) / bands));
  // The time a 100 px label covers; at least a millisecond, so that one day's events share rows.
  const first = Math.min(...candidates.map((m) => m.start));
  const last = Math.max(...candidates.map((m) => m.end));
  const width = Math.max(1, ((last - first) * LABEL_WIDTH) / (scale * pageWidth));
  // The kept marks by start.
  const kept: Mark[] = [];
  for (const m of candidates) {
    let at = kept.length;
    while (at > 0 && (kept[at - 1]!.start > m.start || (kept[at - 1]!.start === m.start && kept[at - 1]!.index > m.index))) at--;
    kept.splice(at, 0, m);
    if (!fits(kept, width, rows)) kept.splice(at, 1);
  }
  const chosen = new Set(kept.map((m) => m.index));
  return events.filter((_, i) => chosen.has(i));
}
