import { dateStart } from '../../model/edtf.js';
import { finding } from '../finding.js';
import type { LintFinding, LintRule } from '../types.js';

/** Source dates long after the event, or written in prose. */
export const sourceDateRule: LintRule = {
  code: 'lint/source-date',
  severity: 'warning',
  description: 'A source dated years after the event (check it reports this event), or a date kept as prose in extra.',
  check(entry) {
    const out: LintFinding[] = [];
    const year = Number(dateStart(entry.event.date).slice(0, 4));
    entry.event.sources.forEach((s, i) => {
      if (s.date && Number(s.date.slice(0, 4)) - year >= 3) {
        out.push(finding(this, entry, `sources[${i}].date ${s.date} is ${Number(s.date.slice(0, 4)) - year} years after the event`, { path: `sources[${i}].date` }));
      }
      const prose = s.extra?.date;
      if (typeof prose === 'string') out.push(finding(this, entry, `sources[${i}].date "${prose}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`, { path: `sources[${i}].date` }));
    });
    return out;
  },
};
