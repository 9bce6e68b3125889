import { finding } from '../finding.js';
import type { LintRule } from '../types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A first of the month, or 1 January, that the event's own text suggests
 * stands for the month or the year: a suggestion to write `YYYY-MM` or
 * `YYYY`, never a fix (only a person can tell).
 */
export const datePrecisionRule: LintRule = {
  code: 'lint/date-precision',
  severity: 'warning',
  description: "A date on the 1st whose title and summary name only the month (or, for 1 January, only the year) may stand for the month or year: write 2025-03 or 2025 (or 1142~ when about then). A suggestion: lint never changes a date's precision.",
  check(entry) {
    const { date, title, summary } = entry.event;
    const m = /^(\d{4})-(\d{2})-01$/.exec(date);
    if (!m) return [];
    const [, year, mm] = m;
    const month = MONTHS[Number(mm) - 1]!;
    const text = `${title}\n${summary}`;
    const dayNamed = new RegExp(`\\b(?:${month}\\s+1(?:st)?\\b|1(?:st)?\\s+(?:of\\s+)?${month}\\b)`, 'i').test(text);
    if (dayNamed) return [];
    if (mm === '01' && !new RegExp(`\\b${month}\\b`, 'i').test(text) && new RegExp(`\\b${year}\\b`).test(text)) {
      return [finding(this, entry, `${date}: the text names the year ${year} but no day or month; if only the year is known, write ${year}`, { path: 'date' })];
    }
    if (new RegExp(`\\b${month},?\\s+${year}\\b`, 'i').test(text)) {
      return [finding(this, entry, `${date}: the text says ${month} ${year} but no day; if only the month is known, write ${year}-${mm}`, { path: 'date' })];
    }
    return [];
  },
};
