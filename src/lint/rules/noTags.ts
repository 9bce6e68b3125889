import { finding } from '../finding.js';
import type { LintRule } from '../types.js';

/** An event with no tag: it loads, but no query by tag finds it. */
export const noTagsRule: LintRule = {
  code: 'lint/no-tags',
  severity: 'warning',
  description: 'An event with no tag (import reads a missing tags list as none): it loads, but no query by tag finds it. Add at least one.',
  check(entry) {
    return entry.event.tags.length ? [] : [finding(this, entry, 'tags: none; no query by tag finds this event: add at least one', { path: 'tags' })];
  },
};
