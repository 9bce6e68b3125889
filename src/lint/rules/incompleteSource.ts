import { finding } from '../finding.js';
import type { LintFinding, LintRule } from '../types.js';

/** Sources with no link, no tier or no publisher. */
export const incompleteSourceRule: LintRule = {
  code: 'lint/incomplete-source',
  severity: 'warning',
  description: 'A source without a link, a tier or a publisher. Add what is known; a book or filing may have no link.',
  check(entry) {
    const out: LintFinding[] = [];
    entry.event.sources.forEach((s, i) => {
      const missing = [!s.url && 'url', s.tier === undefined && 'tier', !s.publisher && 'publisher'].filter(Boolean);
      if (missing.length) out.push(finding(this, entry, `sources[${i}]: no ${missing.join(', no ')}`, { path: `sources[${i}]` }));
    });
    return out;
  },
};
