import { finding } from '../finding.js';
import { canonicalUrl } from '../url.js';
import type { LintFinding, LintRule } from '../types.js';

/** The same resource cited twice in one event, spelled alike or not. */
export const duplicateSourceRule: LintRule = {
  code: 'lint/duplicate-source',
  severity: 'warning',
  description: 'An event cites the same resource twice (the same URL, or one differing only by www., a trailing slash, http/https or tracking parameters). Keep one citation.',
  check(entry) {
    const seen = new Map<string, number>();
    const out: LintFinding[] = [];
    entry.event.sources.forEach((s, i) => {
      // Text that is not a link (an outlet name) is kept in extra.url; twice is twice too.
      const url = s.url ?? (typeof s.extra?.url === 'string' ? s.extra.url : undefined);
      if (!url) return;
      const key = s.url ? canonicalUrl(s.url) : url;
      const first = seen.get(key);
      if (first !== undefined) out.push(finding(this, entry, `sources[${i}].url: cites ${url} again (first as sources[${first}])`, { path: `sources[${i}].url` }));
      else seen.set(key, i);
    });
    return out;
  },
};
