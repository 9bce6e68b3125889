import { foldText } from '../../model/foldText.js';
import { finding } from '../finding.js';
import type { LintRule } from '../types.js';

/** Leftover test data. */
export const testFixtureRule: LintRule = {
  code: 'lint/test-fixture',
  severity: 'warning',
  description: 'An event that looks like test data (test, lorem ipsum, placeholder, fixture in its id or title). Remove it.',
  check(entry) {
    const text = `${entry.event.id} ${foldText(entry.event.title)}`;
    return /(?:^|[-\s])(?:test|testing|lorem|ipsum|placeholder|fixture|dummy|sample)(?:$|[-\s])/.test(text)
      ? [finding(this, entry, `"${entry.event.title}" looks like test data`, { path: 'id' })]
      : [];
  },
};
