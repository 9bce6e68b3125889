import type { DatasetDiff } from './types.js';

const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
const some = (ids: readonly string[], most = 5) => `${ids.slice(0, most).join(', ')}${ids.length > most ? ', ...' : ''}`;

/**
 * The version bump the data's policy asks for, and why, one line a reason:
 * `major` when an id stops resolving (an event removed, a former id
 * dropped, an actor removed), `minor` when anything is added, changed,
 * renamed or merged, `none` otherwise.
 */
export function versionBump({ events, actors }: Pick<DatasetDiff, 'events' | 'actors'>): Pick<DatasetDiff, 'bump' | 'reasons'> {
  const reasons: string[] = [];
  const { repeated, removed, likelyRenames, dropped, added, changed, renamed, merged } = events;
  if (repeated) {
    const say = (side: string, ids: string[]) => (ids.length ? `${count(ids.length, 'id')} repeated in the ${side} (${some(ids, 3)})` : '');
    reasons.push(`${[say('older dataset', repeated.before), say('newer one', repeated.after)].filter(Boolean).join(' and ')}: each compared by its first event`);
  }
  if (removed.length) reasons.push(`${count(removed.length, 'event')} removed with no event holding the id in former_ids: ${some(removed.map((r) => r.id))}`);
  if (likelyRenames.length) reasons.push(`${count(likelyRenames.length, 'removed event')} ${likelyRenames.length === 1 ? 'looks' : 'look'} renamed (an added event has the same date and a near-identical title): write the old id in the new event's former_ids to keep it resolving, as ${likelyRenames[0]!.from} in ${likelyRenames[0]!.to}`);
  if (dropped.length) reasons.push(`${count(dropped.length, 'former id')} no longer held by any event, so ${dropped.length === 1 ? 'it finds' : 'they find'} nothing: ${some(dropped.map((d) => d.id))}`);
  if (actors.removed.length) reasons.push(`${count(actors.removed.length, 'actor')} removed from the registry: ${some(actors.removed)}`);
  const major = removed.length > 0 || dropped.length > 0 || actors.removed.length > 0;
  const minor = added.length + changed.length + renamed.length + merged.length + actors.added.length + actors.changed.length > 0;
  if (added.length) reasons.push(`${count(added.length, 'event')} added`);
  if (changed.length) reasons.push(`${count(changed.length, 'event')} changed`);
  if (renamed.length) reasons.push(`${count(renamed.length, 'event')} renamed (the old ids still find them)`);
  if (merged.length) reasons.push(`${count(merged.length, 'merge')} of events`);
  if (actors.added.length || actors.changed.length) reasons.push(`${count(actors.added.length + actors.changed.length, 'actor')} added or changed`);
  return { bump: major ? 'major' : minor ? 'minor' : 'none', reasons };
}
