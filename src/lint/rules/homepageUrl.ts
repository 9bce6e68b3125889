import { finding } from '../finding.js';
import type { LintFinding, LintRule } from '../types.js';

/** A link to a site's home page, not to the article. */
export const homepageUrlRule: LintRule = {
  code: 'lint/homepage-url',
  severity: 'warning',
  description: 'A link to a home page rather than to the cited work. Link the article itself.',
  check(entry) {
    const out: LintFinding[] = [];
    entry.event.sources.forEach((s, i) => {
      if (!s.url) return;
      const u = new URL(s.url);
      if ((u.pathname === '/' || u.pathname === '') && !u.search) out.push(finding(this, entry, `sources[${i}].url: ${s.url} is a home page`, { path: `sources[${i}].url` }));
    });
    return out;
  },
};
