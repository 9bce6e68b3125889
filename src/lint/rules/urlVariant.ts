import { countSpelling, groupFinding, placesOf } from '../finding.js';
import { canonicalUrl } from '../url.js';
import type { LintFinding, LintRule } from '../types.js';

/** One resource spelled as different URLs across the folder. */
export const urlVariantRule: LintRule = {
  code: 'lint/url-variant',
  severity: 'warning',
  description: 'One resource cited under different URLs (trailing slash, www., http and https, tracking parameters). Use one spelling, without tracking parameters.',
  checkAll(entries) {
    const groups = new Map<string, Map<string, number>>();
    for (const { event } of entries) {
      for (const s of event.sources) if (s.url) countSpelling(groups, canonicalUrl(s.url), s.url);
    }
    const places = placesOf(entries, (entry) => entry.event.sources.flatMap((s) => (s.url ? [s.url] : [])));
    const out: LintFinding[] = [];
    for (const [key, counts] of groups) {
      if (counts.size < 2) continue;
      const names = [...counts.keys()].sort();
      out.push(groupFinding(this, `${names.length} spellings of ${key}: ${names.join(', ')}`, { names, counts: names.map((n) => counts.get(n)!), canonical: key, field: 'sources.url' }, places));
    }
    return out;
  },
};
