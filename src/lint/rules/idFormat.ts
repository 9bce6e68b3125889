import { EVENT_ID_PATTERN } from '../../model/ids.js';
import { finding } from '../finding.js';
import type { LintRule } from '../types.js';

/** An id with characters outside the slug alphabet. */
export const idFormatRule: LintRule = {
  code: 'lint/id-format',
  severity: 'warning',
  description: 'An id should be YYYY-MM-DD--kebab-slug: a-z, 0-9 and single hyphens. Rename the id and the file.',
  check(entry) {
    const { id } = entry.event;
    return EVENT_ID_PATTERN.test(id) ? [] : [finding(this, entry, `id "${id}" has characters outside a-z, 0-9 and single hyphens`, { path: 'id' })];
  },
};
