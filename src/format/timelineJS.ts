import type { Event } from '../model/event.js';
import { escapeHtml } from './html.js';

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
  /** The group of an event. Default: its first tag. */
  group?: (event: Event) => string | undefined;
}

/**
 * Events as a TimelineJS3 document. Text is escaped: the headline is the
 * title, the body the summary's paragraphs followed by the sources as links.
 *
 * @param events - the events
 * @param options - how to group slides
 * @returns the TimelineJS3 JSON document
 *
 * @example
 * ```ts
 * toTimelineJS(events).events[0].start_date;
 * // => { year: 2025, month: 11, day: 6 }
 * ```
 */
export function toTimelineJS(events: readonly Event[], options: ToTimelineJSOptions = {}): TimelineJSDocument {
  const group = options.group ?? ((e: Event) => e.tags[0]);
  return {
    events: events.map((e) => {
      const paragraphs = e.summary.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p.trim())}</p>`);
      const links = e.sources
        .filter((s) => s.url)
        .map((s) => `<li><a href="${escapeHtml(s.url!)}">${escapeHtml(s.title ?? s.url!)}</a>${s.publisher ? ` (${escapeHtml(s.publisher)})` : ''}</li>`);
      const slide: TimelineJSEvent = {
        start_date: { year: Number(e.date.slice(0, 4)), month: Number(e.date.slice(5, 7)), day: Number(e.date.slice(8, 10)) },
        text: { headline: escapeHtml(e.title), text: paragraphs.join('') + (links.length ? `<ul>${links.join('')}</ul>` : '') },
        unique_id: e.id,
      };
      const g = group(e);
      if (g !== undefined) slide.group = g;
      return slide;
    }),
  };
}
