import { countSpelling, groupFinding, placesOf, ranked } from '../finding.js';
import { tagKey } from '../text.js';
import type { LintFinding, LintRule } from '../types.js';

/** The same tag spelled more than one way: by case, separator or plural. */
export const tagVariantsRule: LintRule = {
  code: 'lint/tag-variant',
  severity: 'warning',
  description: 'One tag spelled several ways (case, separator, singular and plural). Pick one spelling; the most used is suggested.',
  checkAll(entries) {
    const groups = new Map<string, Map<string, number>>();
    for (const { event } of entries) {
      for (const tag of new Set(event.tags)) countSpelling(groups, tagKey(tag), tag);
    }
    const places = placesOf(entries, (entry) => entry.event.tags);
    const out: LintFinding[] = [];
    for (const counts of groups.values()) {
      if (counts.size < 2) continue;
      const list = ranked(counts);
      const names = list.map(([n]) => n);
      out.push(groupFinding(this, `tags ${names.map((n, i) => `"${n}" (${list[i]![1]})`).join(', ')} look like one tag; use "${names[0]}"`, { names, counts: list.map(([, c]) => c), canonical: names[0]!, field: 'tags' }, places));
    }
    return out;
  },
};
