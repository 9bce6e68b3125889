import type { Event } from '../model/event.js';
import { repairMojibake } from '../parse/mojibake.js';
import type { ActorRegistry } from '../query/createActorRegistry.js';

/** Options for {@link fixEvent}. */
export interface FixOptions {
  /** Rewrite actor names to the registry's canonical names. */
  registry?: ActorRegistry;
}

/** The outcome of {@link fixEvent}. */
export interface FixResult {
  /** The repaired event (the same object when nothing changed). */
  event: Event;
  /** What was changed, one line each. */
  changes: string[];
}

const fixText = (text: string, path: string, changes: string[]) => {
  const fixed = repairMojibake(text);
  if (fixed !== text) changes.push(`${path}: repaired mis-decoded UTF-8`);
  return fixed;
};

/**
 * Applies the safe fixes to an event: mis-decoded UTF-8 repaired in every
 * text field, and, with a registry, actor names rewritten to their canonical
 * spelling (duplicates that then appear are dropped). Meaning never changes;
 * writing the event with stringifyEvent also gives the canonical file format.
 *
 * @param event - the event
 * @param options - a registry to normalise actor names
 * @returns the fixed event and the list of changes
 *
 * @example
 * ```ts
 * fixEvent({ ...event, summary: 'since 1992â€”over' }).event.summary;
 * // => 'since 1992—over'
 * ```
 */
export function fixEvent(event: Event, options: FixOptions = {}): FixResult {
  const changes: string[] = [];
  const e: Event = {
    ...event,
    title: fixText(event.title, 'title', changes),
    summary: fixText(event.summary, 'summary', changes),
    tags: event.tags.map((t, i) => fixText(t, `tags[${i}]`, changes)),
    actors: event.actors.map((a, i) => fixText(a, `actors[${i}]`, changes)),
    sources: event.sources.map((s, i) => {
      const out = { ...s, title: fixText(s.title, `sources[${i}].title`, changes) };
      if (s.publisher !== undefined) out.publisher = fixText(s.publisher, `sources[${i}].publisher`, changes);
      return out;
    }),
  };
  if (event.location !== undefined) e.location = fixText(event.location, 'location', changes);
  if (event.notes !== undefined) e.notes = fixText(event.notes, 'notes', changes);
  if (options.registry) {
    const names: string[] = [];
    e.actors.forEach((name, i) => {
      const canonical = options.registry!.canonical(name);
      if (canonical !== name) changes.push(`actors[${i}]: "${name}" -> "${canonical}"`);
      if (!names.includes(canonical)) names.push(canonical);
    });
    e.actors = names;
  }
  return changes.length ? { event: e, changes } : { event, changes };
}
