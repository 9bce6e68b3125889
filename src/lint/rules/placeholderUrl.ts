import { finding } from '../finding.js';
import { isPlaceholderHost } from '../url.js';
import type { LintFinding, LintRule } from '../types.js';

/** Placeholder links: example.com and friends. */
export const placeholderUrlRule: LintRule = {
  code: 'lint/placeholder-url',
  severity: 'error',
  description: 'A placeholder link (example.com, localhost) where a real source should be.',
  check(entry) {
    const out: LintFinding[] = [];
    entry.event.sources.forEach((s, i) => {
      for (const [key, url] of [['url', s.url], ['archive_url', s.archiveUrl]] as const) {
        if (url && isPlaceholderHost(new URL(url).hostname)) out.push(finding(this, entry, `sources[${i}].${key}: ${url} is a placeholder, not a source`, { path: `sources[${i}].${key}` }));
      }
    });
    return out;
  },
};
