import { finding } from '../finding.js';
import type { LintRule } from '../types.js';

/** A confirmed event dated in the future. */
export const futureConfirmedRule: LintRule = {
  code: 'lint/future-confirmed',
  severity: 'warning',
  description: 'An event dated after today cannot be confirmed. Fix the date or the status (predicted, developing).',
  check(entry, context) {
    const { date, status } = entry.event;
    return date > context.today && status === 'confirmed' ? [finding(this, entry, `dated ${date}, after today (${context.today}), yet confirmed`, { path: 'status' })] : [];
  },
};
