import type { Event } from '../../model/event.js';
import { isRecord } from '../../model/fieldPath.js';
import type { Source } from '../../model/source.js';
import { canonicalUrl } from '../../lint/url.js';
import type { ImportConflict } from './types.js';

const SCALARS = ['date', 'title', 'summary', 'importance', 'status', 'location', 'notes'] as const;
const LISTS = ['tags', 'actors', 'captureLanes', 'formerIds'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The key under which two citations are one: the resource's URL, else the title. */
const sourceKey = (s: Source) => (s.url !== undefined ? `u:${canonicalUrl(s.url)}` : `t:${(s.title ?? '').toLowerCase()}`);

/** A disagreement on a field: the value kept, and the other one set aside. */
type Conflict = (field: string, kept: unknown, other: unknown) => void;

/** A twin's sources added to the merged event's: one citation of a resource once, a field it lacks taken, a disagreement said. */
function mergeSources(merged: Event, event: Event, conflict: Conflict): void {
  const byKey = new Map(merged.sources.map((s, i) => [sourceKey(s), i]));
  event.sources.forEach((source, n) => {
    const at = byKey.get(sourceKey(source));
    if (at === undefined) {
      byKey.set(sourceKey(source), merged.sources.length);
      merged.sources.push(structuredClone(source));
      return;
    }
    const mine = merged.sources[at]! as Record<string, unknown>;
    for (const [key, value] of Object.entries(source)) {
      if (key === 'extra') continue;
      if (mine[key] === undefined) mine[key] = value;
      else if (!same(mine[key], value)) conflict(`sources[${n}].${key === 'archiveUrl' ? 'archive_url' : key}`, mine[key], value);
    }
    for (const [key, value] of Object.entries(source.extra ?? {})) {
      const extra = ((mine.extra as Record<string, unknown> | undefined) ??= {}) as Record<string, unknown>;
      if (!(key in extra)) extra[key] = value;
      else if (!same(extra[key], value)) conflict(`sources[${n}].extra.${key}`, extra[key], value);
    }
  });
}

/**
 * Merges twins (files with one id) into one event: lists are united, a
 * field one file lacks is taken from the other, and a field on which they
 * disagree keeps the lead's value (the Markdown file's), unless the other
 * text is fuller (it holds the lead's, or is longer); the value not kept
 * goes to `extra.twin_values`, under its file's path within the input, and
 * to the conflicts list. Nothing is dropped.
 */
export function mergeTwins(entries: { event: Event; file: string; key: string }[], conflicts: ImportConflict[]): Event {
  const [first, ...rest] = entries;
  const merged: Event = structuredClone(first!.event);
  // Where each field's kept value came from, and what is set aside, by the file it came from.
  const keptFrom = new Map<string, { file: string; key: string }>();
  const asides = new Map<string, Record<string, unknown>>();
  const lead = { file: first!.file, key: first!.key };
  const setAside = (from: { file: string; key: string }, field: string, value: unknown) => {
    const aside = asides.get(from.key) ?? {};
    aside[field] = value;
    asides.set(from.key, aside);
  };
  for (const { event, file, key: where } of rest) {
    const twin = { file, key: where };
    /** A field on which they disagree: one value kept, the other set aside under its file. */
    const conflict = (field: string, kept: unknown, other: unknown, keptBy = keptFrom.get(field) ?? lead, otherBy = twin) => {
      setAside(otherBy, field, other);
      conflicts.push({ id: merged.id, field, kept, other, file: keptBy.file, otherFile: otherBy.file });
    };
    for (const key of SCALARS) {
      const mine = merged[key];
      const theirs = event[key];
      if (theirs === undefined || theirs === null || same(mine, theirs)) continue;
      if (mine === undefined || mine === null) {
        (merged as Record<string, unknown>)[key] = theirs;
        keptFrom.set(key, twin);
      } else if (typeof mine === 'string' && typeof theirs === 'string' && fuller(theirs, mine)) {
        // The fuller text wins: the one that holds the other, else the longer.
        const before = keptFrom.get(key) ?? lead;
        (merged as Record<string, unknown>)[key] = theirs;
        keptFrom.set(key, twin);
        conflict(key, theirs, mine, twin, before);
      } else conflict(key, mine, theirs);
    }
    for (const key of LISTS) {
      const theirs = event[key];
      if (!theirs?.length) continue;
      const mine = [...(merged[key] ?? [])];
      for (const item of theirs) if (!mine.includes(item)) mine.push(item);
      (merged as Record<string, unknown>)[key] = mine;
    }
    mergeSources(merged, event, conflict);
    for (const [key, value] of Object.entries(event.extra ?? {})) {
      const extra = (merged.extra ??= {});
      if (!(key in extra)) extra[key] = value;
      else if (!same(extra[key], value)) conflict(`extra.${key}`, extra[key], value);
    }
  }
  if (asides.size) {
    const extra = (merged.extra ??= {});
    // A twin_values a file already gave that is not a mapping is kept in the new one.
    if (extra.twin_values !== undefined && !isRecord(extra.twin_values)) extra.twin_values = { '(given)': extra.twin_values };
    const twins = (extra.twin_values ??= {}) as Record<string, unknown>;
    // By the file's path within what was imported: two twins of one name in two folders are two keys.
    for (const [where, aside] of asides) {
      let k = where;
      for (let n = 2; twins[k] !== undefined; n++) k = `${where} (${n})`;
      twins[k] = aside;
    }
  }
  return merged;
}

/** Whether text `a` is fuller than `b`: it holds `b` (spaces aside), or is longer and does not appear in it. */
function fuller(a: string, b: string): boolean {
  const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
  const x = squeeze(a);
  const y = squeeze(b);
  if (x.includes(y)) return x.length > y.length;
  if (y.includes(x)) return false;
  return x.length > y.length;
}
