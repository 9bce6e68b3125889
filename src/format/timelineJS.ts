import { parseDate, type DatePart } from '../model/edtf.js';
import type { Event } from '../model/event.js';
import { fitTimelineJS, type TimelineJSFit } from './fitTimelineJS.js';
import { boundedGroups } from './groups.js';
import { escapeHtml } from './html.js';
import { markdownToHtml } from './markdown.js';
import { partText } from './readableDate.js';

/** A TimelineJS3 date. */
export interface TimelineJSDate {
  /** The year. */
  year: number;
  /** The month, 1-12. */
  month?: number;
  /** The day of the month. */
  day?: number;
  /** How the date is shown when it is not a day: `c. 1142`, `March 2025`. */
  display_date?: string;
}

/** A TimelineJS3 slide. */
export interface TimelineJSEvent {
  /** When it happened: only the parts that are known. */
  start_date: TimelineJSDate;
  /** The end of a range. */
  end_date?: TimelineJSDate;
  /** Headline and body (HTML). */
  text: { headline: string; text: string };
  /** The group the slide is shown in. */
  group?: string;
  /** The event id. */
  unique_id: string;
}

/** A TimelineJS3 document: `new TL.Timeline('el', doc)`. */
export interface TimelineJSDocument {
  /** The slides. */
  events: TimelineJSEvent[];
}

/** Options for {@link toTimelineJS}. */
export interface ToTimelineJSOptions {
  /**
   * The group of an event, each group a band of the timeline. Default: no
   * groups (one band), which stays readable at any size.
   */
  group?: (event: Event) => string | undefined;
  /**
   * At most this many groups: the most frequent keep their names, the rest
   * share one called `other`. Default 8: TimelineJS gives every group a band
   * of its own, and hundreds of bands make the time navigator thousands of
   * pixels tall.
   */
  maxGroups?: number;
  /**
   * Keep only the events the time navigator shows with no label over
   * another, the most important first (see {@link fitTimelineJS}): `true`
   * for a page 1,000 px wide and at most 300 events, or the page's
   * measures. Default: every event given.
   */
  fit?: boolean | TimelineJSFit;
}

/** Sources as an HTML list: a link where the source has a URL, else its citation as text. */
function sourceList(event: Event): string {
  const items = event.sources.map((s) => {
    const label = escapeHtml(s.title ?? s.url!);
    const cite = s.url ? `<a href="${escapeHtml(s.url)}">${label}</a>` : label;
    const more = [s.publisher, s.date].filter(Boolean).map((v) => escapeHtml(v!)).join(', ');
    return `<li>${cite}${more ? ` (${more})` : ''}</li>`;
  });
  return items.length ? `<ul class="sources">${items.join('')}</ul>` : '';
}

/** A date's known parts, and how it reads: `1142`, `March 2025`, `14 March 2025`, with `c. ` or `?`. */
function part(day: string, p: DatePart): [TimelineJSDate, string] {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const date: TimelineJSDate = p.precision === 'year' ? { year } : p.precision === 'month' ? { year, month } : { year, month, day: Number(day.slice(8, 10)) };
  return [date, partText(day, p)];
}

/** start_date (and end_date for a range) with only the known parts, each with a display_date unless the date is a plain day. */
function timelineDates(written: string): Pick<TimelineJSEvent, 'start_date' | 'end_date'> {
  const span = parseDate(written)!;
  const [from, to] = span.ends ?? [span, undefined];
  const [start, startText] = part(span.start, from);
  if (!span.range) return { start_date: span.precision === 'day' && !span.approximate && !span.uncertain ? start : { ...start, display_date: startText } };
  if (!to) return { start_date: { ...start, display_date: `${startText} onwards` } };
  // TimelineJS writes the end's display after the start's ("March 2025 — June 2025").
  const [end, endText] = part(span.end, to);
  return { start_date: { ...start, display_date: startText }, end_date: { ...end, display_date: endText } };
}

/**
 * Events as a TimelineJS3 document. The headline is the title, escaped; the
 * body is the summary's Markdown as safe HTML (see {@link markdownToHtml})
 * followed by every source: a link where it has a URL, the citation as text
 * where it has none (a book, a filing). With `fit`, only the events the
 * navigator shows legibly.
 *
 * @param events - the events
 * @param options - how to group slides, and how many groups at most
 * @returns the TimelineJS3 JSON document
 *
 * @example
 * ```ts
 * toTimelineJS(events).events[0].start_date;
 * // => { year: 2025, month: 11, day: 6 }
 * ```
 */
export function toTimelineJS(events: readonly Event[], options: ToTimelineJSOptions = {}): TimelineJSDocument {
  const groupOf = boundedGroups(events, options.group, options.maxGroups);
  // The bands are those of every event given, so a fitted band is the band drawn.
  const shown = options.fit ? fitTimelineJS(events, groupOf, options.fit === true ? {} : options.fit) : events;
  return {
    events: shown.map((e) => {
      const slide: TimelineJSEvent = {
        ...timelineDates(e.date),
        text: { headline: escapeHtml(e.title), text: markdownToHtml(e.summary) + sourceList(e) },
        unique_id: e.id,
      };
      const g = groupOf(e);
      if (g !== undefined) slide.group = g;
      return slide;
    }),
  };
}
