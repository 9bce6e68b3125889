import type { ActorRegistry } from '../model/createActorRegistry.js';
import type { Event } from '../model/event.js';
import { formatPath } from '../model/fieldPath.js';
import { textFields } from '../model/textFields.js';
import { repairMojibake } from '../parse/mojibake.js';

/** Options for {@link fixEvent}. */
export interface FixEventOptions {
  /** Rewrite actor names to the registry's canonical names. */
  registry?: ActorRegistry;
}

/** The outcome of {@link fixEvent}. */
export interface FixEventResult {
  /** The repaired event (the same object when nothing changed). */
  event: Event;
  /** What was changed, one line each. */
  changes: string[];
}

/** Sets the text at a path of a copy-on-write event. */
function setText(event: Event, path: readonly (string | number)[], text: string): void {
  const [head, index, key] = path;
  const model = head === 'capture_lanes' ? 'captureLanes' : (head as keyof Event);
  if (path.length === 1) (event as Record<string, unknown>)[model] = text;
  else if (path.length === 2) {
    const list = [...((event as Record<string, unknown>)[model] as string[])];
    list[index as number] = text;
    (event as Record<string, unknown>)[model] = list;
  } else {
    const sources = [...event.sources];
    sources[index as number] = { ...sources[index as number]!, [key as string]: text };
    event.sources = sources;
  }
}

/**
 * Applies the safe fixes to an event: mis-decoded UTF-8 repaired in every
 * text field (the fields lint's mojibake rule checks, capture lanes
 * included), and, with a registry, actor names rewritten to their canonical
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
export function fixEvent(event: Event, options: FixEventOptions = {}): FixEventResult {
  const changes: string[] = [];
  const e: Event = { ...event };
  for (const { path, text } of textFields(event)) {
    const fixed = repairMojibake(text);
    if (fixed === text) continue;
    setText(e, path, fixed);
    changes.push(`${formatPath(path)}: repaired mis-decoded UTF-8`);
  }
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
