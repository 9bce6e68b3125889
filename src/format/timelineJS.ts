import type { Event } from '../model/event.js';
import { boundedGroups } from './groups.js';
import { escapeHtml } from './html.js';
import { markdownToHtml } from './markdown.js';

/** A TimelineJS3 date. */
export interface TimelineJSDate {
  /** The year. */
  year: number;
  /** The month, 1-12. */
  month?: number;
  /** The day of the month. */
  day?: number;
}

/** A TimelineJS3 slide. */
export interface TimelineJSEvent {
  /** When it happened. */
  start_date: TimelineJSDate;
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

/**
 * Events as a TimelineJS3 document. The headline is the title, escaped; the
 * body is the summary's Markdown as safe HTML (see {@link markdownToHtml})
 * followed by every source: a link where it has a URL, the citation as text
 * where it has none (a book, a filing).
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
  return {
    events: events.map((e) => {
      const slide: TimelineJSEvent = {
        start_date: { year: Number(e.date.slice(0, 4)), month: Number(e.date.slice(5, 7)), day: Number(e.date.slice(8, 10)) },
        text: { headline: escapeHtml(e.title), text: markdownToHtml(e.summary) + sourceList(e) },
        unique_id: e.id,
      };
      const g = groupOf(e);
      if (g !== undefined) slide.group = g;
      return slide;
    }),
  };
}
