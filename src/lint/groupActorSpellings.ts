import type { ActorRegistry } from '../model/createActorRegistry.js';
import type { Event } from '../model/event.js';
import { isSlug } from '../model/ids.js';
import { countSpelling, ranked } from './finding.js';
import { actorKey, HONORIFICS } from './text.js';

/** Words that join the parts of a body's name (`Friends of the FBI`); a person's name has none. */
const JOINING = new Set(['of', 'the', 'for', 'and', 'to', 'on', 'at', 'in', 'by', 'with', 'from', 'a', 'an', 'against']);

/** Words that name a kind of body (`Heritage Foundation`, `Bank Indonesia`), not a family: a name holding one is not a person's. */
const BODIES = new Set([
  'administration', 'agency', 'airline', 'airlines', 'airways', 'alliance', 'association', 'bank', 'board', 'bureau', 'campaign', 'capital',
  'caucus', 'center', 'centre', 'church', 'coalition', 'college', 'commission', 'committee', 'company', 'congress', 'corp', 'corporation',
  'council', 'court', 'democrats', 'department', 'foundation', 'fund', 'government', 'group', 'herald', 'holdings', 'house', 'inc',
  'industries', 'institute', 'journal', 'labs', 'llc', 'ltd', 'magazine', 'media', 'ministry', 'motors', 'network', 'news', 'office',
  'organization', 'partners', 'party', 'post', 'press', 'project', 'republicans', 'senate', 'service', 'society', 'systems', 'times',
  'tribune', 'trust', 'union', 'university',
]);

/** A key that reads as a person's full name: two to four words, none of them a joining word or a kind of body. */
const personLike = (key: string) => {
  const words = key.split(' ');
  return words.length >= 2 && words.length <= 4 && !words.some((w) => JOINING.has(w) || BODIES.has(w));
};

/** A plural that names a group of people (`Journalists`, `Immigrants`), never a surname. */
const GROUP_PLURAL = /(?:ists|ians|ants|ents|ees|ites)$/;

/** A lone name some event writes in capitals (`FBI`, `DOJ`): an acronym names a body, never a surname. */
const isAcronym = (spellings: Iterable<string>) => {
  for (const s of spellings) if (/^[A-Z][A-Z0-9&.]+$/.test(s.replace(/\([^)]*\)/g, '').trim())) return true;
  return false;
};

/** One actor as the events spell it: each spelling with how many events use it. */
export interface ActorSpellings {
  /** The spellings, most used first, then by code point. */
  names: string[];
  /** How many events use each spelling, in the order of `names`. */
  counts: number[];
  /** The registry entry every spelling resolves to, when the registry knows them. */
  registered?: string;
}

/**
 * Groups the actor names of events into identities: case, punctuation,
 * titles (`President Donald Trump`), parentheticals (`Elon Musk (DOGE)`),
 * slugs (`peter-thiel`) and a lone surname (`Trump`) when one full name
 * ending with it is the only one or has three quarters of the uses. Two full
 * names are never merged because they share a surname, and a lone name joins
 * only a person's name (two to four words, no `of` or `the`): an acronym
 * (`FBI`) never joins a longer name (`Friends of the FBI`). Names the
 * registry knows group under their entry. Every name is in exactly one group; linear
 * in the number of names.
 *
 * @param events - the events
 * @param registry - the actor registry, when there is one
 * @returns every group, singletons included
 *
 * @example
 * ```ts
 * groupActorSpellings([{ ...event, actors: ['Donald Trump', 'President Donald Trump'] }]).map((g) => g.names);
 * // => [['Donald Trump', 'President Donald Trump']]
 * ```
 */
export function groupActorSpellings(events: Iterable<Event>, registry?: ActorRegistry): ActorSpellings[] {
  // A spelling the registry does not list still joins an entry whose name or
  // an alias has its key: 'President Donald Trump' joins Donald Trump's.
  const entryOfKey = new Map<string, string>();
  for (const entry of registry?.entries ?? []) {
    for (const spelling of [entry.name, ...entry.aliases]) if (!entryOfKey.has(actorKey(spelling))) entryOfKey.set(actorKey(spelling), `\u0000${entry.id}`);
  }
  const entrySurnames = new Map<string, Set<string>>();
  for (const [key, id] of entryOfKey) {
    const words = key.split(' ');
    if (!personLike(key)) continue;
    const ids = entrySurnames.get(words[words.length - 1]!) ?? new Set<string>();
    ids.add(id);
    entrySurnames.set(words[words.length - 1]!, ids);
  }
  const byKey = new Map<string, Map<string, number>>();
  for (const event of events) {
    for (const name of new Set(event.actors)) {
      const known = registry?.resolve(name);
      const key = actorKey(name);
      countSpelling(byKey, known ? `\u0000${known.id}` : (entryOfKey.get(key) ?? key), name);
    }
  }
  // A lone surname joins the full name ending with it when that name is
  // the only one, or clearly the usual one (three quarters of the uses).
  const bySurname = new Map<string, string[]>();
  for (const key of byKey.keys()) {
    const words = key.split(' ');
    if (!personLike(key) || key.startsWith('\u0000')) continue;
    const list = bySurname.get(words[words.length - 1]!) ?? [];
    list.push(key);
    bySurname.set(words[words.length - 1]!, list);
  }
  for (const key of [...byKey.keys()]) {
    // A title left alone (`Chief Justice` is `justice`), a group of people or an acronym is not a surname.
    if (key.includes(' ') || key.startsWith('\u0000') || HONORIFICS.has(key) || GROUP_PLURAL.test(key) || isAcronym(byKey.get(key)!.keys())) continue;
    const full = bySurname.get(key) ?? [];
    // A surname that only one registry entry ends with, and no other full name, joins that entry.
    const registered = entrySurnames.get(key);
    if (full.length === 0 && registered?.size === 1) {
      const id = [...registered][0]!;
      if (!byKey.has(id)) byKey.set(id, new Map());
      const target = byKey.get(id)!;
      for (const [name, count] of byKey.get(key)!) target.set(name, (target.get(name) ?? 0) + count);
      byKey.delete(key);
      continue;
    }
    if (!full.length) continue;
    const uses = full.map((k) => [...byKey.get(k)!.values()].reduce((a, b) => a + b, 0));
    const total = uses.reduce((a, b) => a + b, 0);
    let top = 0;
    for (let i = 1; i < uses.length; i++) if (uses[i]! > uses[top]!) top = i;
    if (full.length === 1 || uses[top]! >= 0.75 * total) {
      const target = byKey.get(full[top]!)!;
      for (const [name, count] of byKey.get(key)!) target.set(name, (target.get(name) ?? 0) + count);
      byKey.delete(key);
    }
  }
  const out: ActorSpellings[] = [];
  for (const [key, counts] of byKey) {
    const list = ranked(counts);
    const group: ActorSpellings = { names: list.map(([n]) => n), counts: list.map(([, c]) => c) };
    if (key.startsWith('\u0000')) group.registered = key.slice(1);
    out.push(group);
  }
  return out;
}

/**
 * The name to give an identity: its most used spelling, unless that is a
 * slug (`russian-intelligence`) and a spelling for people exists.
 *
 * @param names - the spellings, most used first
 * @returns the display name
 *
 * @example
 * ```ts
 * displayName(['russian-intelligence', 'Russian intelligence']);
 * // => 'Russian intelligence'
 * ```
 */
export function displayName(names: readonly string[]): string {
  return names.find((name) => !isSlug(name)) ?? names[0]!;
}
