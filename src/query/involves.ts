import { matchesSpec, toMatchSpec } from './matchSpec.js';
import type { EventPredicate } from './predicate.js';
import type { Match, InvolvesOptions } from './types.js';

/**
 * Events that involve the given actors: a name, a list (any of them), or
 * `{ any, all, none }`. With a registry, every spelling of an actor counts
 * (`'Trump'` finds `'Donald Trump'` when the registry lists it as an alias);
 * without one, names match exactly.
 *
 * @param match - the actors to match
 * @param options - an optional actor registry
 * @returns the predicate
 *
 * @example
 * ```ts
 * events.filter(involves('Marco Rubio')).length;
 * // => 1
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function involves(match: Match, options: InvolvesOptions = {}): EventPredicate {
  const spec = toMatchSpec(match, 'actors');
  if (!spec) return () => true;
  const registry = options.registry;
  if (!registry) return (event) => matchesSpec(event.actors, spec);
  const ids = (list?: readonly string[]) => list?.map((name) => registry.identify(name));
  const idSpec = { any: ids(spec.any), all: ids(spec.all), none: ids(spec.none) };
  return (event) => matchesSpec(event.actors.map((name) => registry.identify(name)), idSpec);
}
