import type { Match, MatchSpec } from './types.js';

/** A {@link Match} in its any/all/none form, with empty lists removed. */
export interface NormalMatch {
  /** At least one of these, when given. */
  any?: readonly string[];
  /** Every one of these. */
  all?: readonly string[];
  /** None of these. */
  none?: readonly string[];
}

/**
 * Brings any form of {@link Match} to its any/all/none form; undefined when
 * it asks for nothing.
 *
 * @param match - a value, a list or an any/all/none object
 * @param name - the query field, for error messages
 * @returns the normal form, or undefined
 *
 * @example
 * ```ts
 * toMatchSpec(['corruption', 'courts'], 'tags');
 * // => { any: ['corruption', 'courts'] }
 * ```
 */
export function toMatchSpec(match: Match | undefined, name: string): NormalMatch | undefined {
  if (match === undefined) return undefined;
  if (typeof match === 'string') return { any: [match] };
  if (Array.isArray(match)) return match.length ? { any: checkList(match, name) } : undefined;
  if (typeof match !== 'object' || match === null) throw new TypeError(`${name}: expected a string, a list or { any, all, none }`);
  const spec = match as MatchSpec;
  const out: NormalMatch = {};
  for (const key of ['any', 'all', 'none'] as const) {
    const list = spec[key];
    if (list !== undefined && list.length) out[key] = checkList(list, `${name}.${key}`);
  }
  return out.any || out.all || out.none ? out : undefined;
}

function checkList(list: readonly unknown[], name: string): readonly string[] {
  if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) throw new TypeError(`${name}: expected a list of strings`);
  return list as readonly string[];
}

/**
 * Tests a list of values (already mapped to identities) against a match.
 *
 * @param values - the event's values
 * @param spec - the normal match
 * @returns true when every list of the match holds
 */
export function matchesSpec(values: readonly string[], spec: NormalMatch): boolean {
  if (spec.any && !spec.any.some((v) => values.includes(v))) return false;
  if (spec.all && !spec.all.every((v) => values.includes(v))) return false;
  if (spec.none && spec.none.some((v) => values.includes(v))) return false;
  return true;
}
