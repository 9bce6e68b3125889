import { finding } from '../finding.js';
import type { LintRule } from '../types.js';

/** An id ending in a unix timestamp, left by a generator. */
export const idTimestampRule: LintRule = {
  code: 'lint/id-timestamp',
  severity: 'warning',
  description: 'An id ending in a unix timestamp (-1757454606). Drop the suffix from the id and the file name.',
  check(entry) {
    const { id } = entry.event;
    return /-\d{10}$/.test(id) ? [finding(this, entry, `id ends with a unix timestamp (${id.slice(-10)}); drop it`, { path: 'id' })] : [];
  },
};
