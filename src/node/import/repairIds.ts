import { statSync } from 'node:fs';
import { compareText } from '../../model/compareText.js';
import { compareDates, dateStart } from '../../model/edtf.js';
import type { Event } from '../../model/event.js';
import { EVENT_ID_PATTERN, idDate, slugify } from '../../model/ids.js';
import { loadEvents } from '../load/loadEvents.js';

/** A valid id for an event whose id breaks the rule: its date, then a clean slug of the old id (or of the title). */
function repairedId(event: Event): string {
  const rest = event.id.replace(/^\d{4}-\d{2}-\d{2}[-_]*/, '');
  const slug = (slugify(rest) || slugify(event.title) || 'event').slice(0, 80).replace(/-+$/, '');
  return `${dateStart(event.date)}--${slug}`;
}

const isValidId = (event: Event) => EVENT_ID_PATTERN.test(event.id) && idDate(event.id) === dateStart(event.date);

/**
 * Repairs ids that break the id rule, deterministically: in date and id
 * order, a repaired id that is taken gets a numbered suffix, and the old id
 * goes to `formerIds`. Taken: every id this import writes, every former id
 * an event holds (a link to it must keep finding that event), and the id of
 * every event file already in `out` but one that holds this very old id
 * (an earlier import of the same event). Sorts `merged` and replaces the
 * events it repairs.
 *
 * @returns each repair, and the id every event ends with, by the id it came with
 */
export async function repairIds(merged: { event: Event }[], out: string): Promise<{ repairedIds: { from: string; to: string }[]; finalId: Map<string, string> }> {
  merged.sort((a, b) => compareDates(a.event.date, b.event.date) || compareText(a.event.id, b.event.id));
  const taken = new Set(merged.filter((m) => isValidId(m.event)).map((m) => m.event.id));
  for (const m of merged) for (const former of m.event.formerIds ?? []) taken.add(former);
  let inOut: Map<string, Set<string>> | undefined;
  const theirs = async (id: string, from: string) => {
    if (!inOut) {
      inOut = new Map();
      if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) {
        const there = await loadEvents(out, { mode: 'lenient', keepDuplicates: true });
        there.events.forEach((e) => inOut!.set(e.id, new Set(e.formerIds ?? [])));
      }
    }
    return inOut.has(id) && !inOut.get(id)!.has(from);
  };
  const repairedIds: { from: string; to: string }[] = [];
  const finalId = new Map<string, string>();
  for (const m of merged) {
    const from = m.event.id;
    if (!isValidId(m.event)) {
      const base = repairedId(m.event);
      let to = base;
      for (let n = 2; taken.has(to) || (await theirs(to, from)); n++) to = `${base}-${n}`;
      taken.add(to);
      m.event = { ...m.event, id: to, formerIds: [...(m.event.formerIds ?? []).filter((f) => f !== from), from] };
      repairedIds.push({ from, to });
    }
    finalId.set(from, m.event.id);
  }
  return { repairedIds, finalId };
}
