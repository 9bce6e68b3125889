import { slugify } from '../../model/ids.js';
import { countSpelling, finding, ranked } from '../finding.js';
import { actorKey } from '../text.js';
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
    const byKey = new Map<string, Map<string, number>>();
    for (const { event } of entries) {
      for (const name of new Set(event.actors)) {
        const known = registry?.resolve(name);
        countSpelling(byKey, known ? `\u0000${known.id}` : actorKey(name), name);
      }
    }
    // A lone surname joins the full name ending with it when that name is
    // the only one, or clearly the usual one (three quarters of the uses).
    const bySurname = new Map<string, string[]>();
    for (const key of byKey.keys()) {
      const words = key.split(' ');
      if (words.length < 2 || key.startsWith('\u0000')) continue;
      const list = bySurname.get(words[words.length - 1]!) ?? [];
      list.push(key);
      bySurname.set(words[words.length - 1]!, list);
    }
    for (const key of [...byKey.keys()]) {
      if (key.includes(' ') || key.startsWith('\u0000')) continue;
      const full = bySurname.get(key);
      if (!full) continue;
      const uses = full.map((k) => [...byKey.get(k)!.values()].reduce((a, b) => a + b, 0));
      const total = uses.reduce((a, b) => a + b, 0);
      const top = uses.indexOf(Math.max(...uses));
      if (full.length === 1 || uses[top]! >= 0.75 * total) {
        const target = byKey.get(full[top]!)!;
        for (const [name, count] of byKey.get(key)!) target.set(name, (target.get(name) ?? 0) + count);
        byKey.delete(key);
      }
    }
    const out: LintFinding[] = [];
    for (const [key, counts] of byKey) {
      if (counts.size < 2) continue;
      const list = ranked(counts);
      const names = list.map(([n]) => n);
      const resolved = key.startsWith('\u0000') ? registry!.resolve(names[0]!) : undefined;
      const canonical = resolved?.name ?? names[0]!;
      const group = { names, counts: list.map(([, c]) => c), canonical };
      if (resolved) {
        // The registry knows them all: not a variant to add, a spelling to normalise.
        out.push(finding(this, undefined, `actors ${names.map((n, i) => `"${n}" (${group.counts[i]})`).join(', ')} are all ${canonical} in the registry; fix --actors writes "${canonical}"`, { group, fixable: true }));
        continue;
      }
      const entry = { id: slugify(canonical), name: canonical, aliases: names.filter((n) => n !== canonical), kind: 'other' as const };
      out.push(
        finding(this, undefined, `actors ${names.map((n, i) => `"${n}" (${group.counts[i]})`).join(', ')} look like one actor; add { id: ${entry.id}, name: ${canonical}, aliases: [${entry.aliases.join(', ')}] } to the registry and set its kind`, {
          group: { ...group, entry },
        }),
      );
    }
    return out;
  },
};
