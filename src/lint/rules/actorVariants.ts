import { slugify } from '../../model/ids.js';
import { groupFinding, placesOf } from '../finding.js';
import { displayName, groupActorSpellings } from '../groupActorSpellings.js';
import type { LintFinding, LintRule } from '../types.js';

/**
 * One actor spelled several ways: case, punctuation, titles (`President
 * Donald Trump`), parentheticals (`Elon Musk (DOGE)`), slugs (`peter-thiel`)
 * and a lone surname (`Trump`) when one full name in the folder ending with
 * it is the only one or has three quarters of the uses. Two full names are
 * never merged because they share a surname. Linear in the
 * number of names: spellings are grouped by key, surnames by a map.
 */
export const actorVariantsRule: LintRule = {
  code: 'lint/actor-variant',
  severity: 'warning',
  description: 'One actor named several ways. Add the suggested entry to the actor registry (seeds/actors.yaml), or run fix --actors with a registry.',
  checkAll(entries, context) {
    const registry = context.registry;
    const places = placesOf(entries, (entry) => entry.event.actors);
    const out: LintFinding[] = [];
    for (const { names, counts, registered } of groupActorSpellings(entries.map((e) => e.event), registry)) {
      const resolved = registered !== undefined ? registry!.entries.find((e) => e.id === registered) : undefined;
      const unlisted = resolved ? names.filter((n) => !registry!.resolve(n)) : [];
      if (names.length < 2 && !unlisted.length) continue;
      const canonical = resolved?.name ?? displayName(names);
      const group = { names, counts, canonical, field: 'actors' as const };
      if (resolved && unlisted.length) {
        out.push(groupFinding(this, `actors ${unlisted.map((n) => `"${n}"`).join(', ')} look like ${canonical} (${resolved.id}); add ${unlisted.length === 1 ? 'it' : 'them'} to its aliases in the registry`, group, places));
        continue;
      }
      if (resolved) {
        // The registry knows them all: not a variant to add, a spelling to normalise.
        out.push(groupFinding(this, `actors ${names.map((n, i) => `"${n}" (${counts[i]})`).join(', ')} are all ${canonical} in the registry; fix --actors writes "${canonical}"`, group, places, { fixable: true }));
        continue;
      }
      const entry = { id: slugify(canonical), name: canonical, aliases: names.filter((n) => n !== canonical), kind: 'other' as const };
      out.push(
        groupFinding(this, `actors ${names.map((n, i) => `"${n}" (${counts[i]})`).join(', ')} look like one actor; add { id: ${entry.id}, name: ${canonical}, aliases: [${entry.aliases.join(', ')}] } to the registry and set its kind`, group, places, {
          group: { ...group, entry },
        }),
      );
    }
    return out;
  },
};
