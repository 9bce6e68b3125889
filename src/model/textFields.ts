import type { Event } from './event.js';
import type { FieldPath } from './fieldPath.js';

/** One text field of an event: where it is, as the file spells it, and its text. */
export interface TextField {
  /** The field, e.g. `['sources', 0, 'title']` or `['capture_lanes', 1]`. */
  path: FieldPath;
  /** Its text. */
  text: string;
}

/**
 * Every text field of an event that a person wrote: title, summary, tags,
 * actors, location, notes, capture lanes, and each source's title and
 * publisher. The one list that checks of text (mojibake) and repairs of it
 * share.
 *
 * @param event - an event
 * @returns the fields with their paths, in file order
 *
 * @example
 * ```ts
 * textFields({ ...event, captureLanes: ['Courts'] }).map((f) => f.path.join('.')).includes('capture_lanes.0');
 * // => true
 * ```
 */
export function textFields(event: Event): TextField[] {
  const out: TextField[] = [
    { path: ['title'], text: event.title },
    { path: ['summary'], text: event.summary },
  ];
  event.tags.forEach((text, i) => out.push({ path: ['tags', i], text }));
  event.actors.forEach((text, i) => out.push({ path: ['actors', i], text }));
  event.sources.forEach((s, i) => {
    if (s.title !== undefined) out.push({ path: ['sources', i, 'title'], text: s.title });
    if (s.publisher !== undefined) out.push({ path: ['sources', i, 'publisher'], text: s.publisher });
  });
  if (event.location !== undefined) out.push({ path: ['location'], text: event.location });
  event.captureLanes?.forEach((text, i) => out.push({ path: ['capture_lanes', i], text }));
  if (event.notes !== undefined) out.push({ path: ['notes'], text: event.notes });
  return out;
}
