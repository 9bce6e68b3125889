import type { Actor } from './actor.js';
import { foldText } from './foldText.js';

/**
 * An actor registry: every spelling of an actor resolves to its entry. It is
 * the one way actor identity is given to queries, lint, formats and the build.
 */
export interface ActorRegistry {
  /** The entries, as given. */
  readonly entries: readonly Actor[];
  /** The entry a name or alias stands for, ignoring case, accents and punctuation. */
  resolve(name: string): Actor | undefined;
  /**
   * The identity of a name: the same string for every spelling of one
   * registered actor, and the name itself otherwise.
   */
  identify(name: string): string;
  /** The canonical name of a name's actor, or the name itself. */
  canonical(name: string): string;
  /**
   * The entry an id of another register stands for (`{ wikidata: 'Q22686' }`),
   * or undefined; a Wikidata id that is not Q and digits is a TypeError.
   */
  find(reference: { wikidata: string }): Actor | undefined;
}

/**
 * The key under which names are compared: folded, punctuation and runs of
 * spaces made one space. `'Donald J. Trump'` and `'donald j trump'` agree.
 *
 * @param name - a name
 * @returns the comparison key
 *
 * @example
 * ```ts
 * nameKey('  Kassym-Jomart  Tokayev ');
 * // => 'kassym jomart tokayev'
 * ```
 */
export function nameKey(name: string): string {
  return foldText(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Builds an actor registry from entries (`seeds/actors.yaml`, say): each
 * entry's name and aliases resolve to it. Throws when two entries claim the
 * same spelling, since queries could not tell them apart.
 *
 * @param entries - actors with id, name, aliases and kind
 * @returns the registry
 *
 * @example
 * ```ts
 * const registry = createActorRegistry([{ id: 'donald-trump', name: 'Donald Trump', aliases: ['Trump', 'President Donald Trump'], kind: 'person' }]);
 * registry.resolve('president donald trump')?.id;
 * // => 'donald-trump'
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function createActorRegistry(entries: readonly Actor[]): ActorRegistry {
  const byKey = new Map<string, Actor>();
  for (const entry of entries) {
    for (const spelling of [entry.name, ...(entry.aliases ?? [])]) {
      const key = nameKey(spelling);
      const other = byKey.get(key);
      if (other && other.id !== entry.id) {
        throw new TypeError(`createActorRegistry: "${spelling}" names both ${other.id} and ${entry.id}`);
      }
      byKey.set(key, entry);
    }
  }
  const resolve = (name: string) => byKey.get(nameKey(name));
  return {
    entries,
    resolve,
    identify: (name) => {
      const actor = resolve(name);
      return actor ? `\u0000${actor.id}` : name;
    },
    canonical: (name) => resolve(name)?.name ?? name,
    find: ({ wikidata }) => {
      if (typeof wikidata !== 'string' || !/^Q[1-9]\d*$/.test(wikidata)) throw new TypeError(`wikidata: expected Q and digits, got ${JSON.stringify(wikidata)}`);
      return entries.find((e) => e.ids?.wikidata === wikidata);
    },
  };
}
