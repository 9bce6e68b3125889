import { finding, groupBy } from '../finding.js';
import type { LintFinding, LintRule } from '../types.js';

/** The same id in two files (a `.md` and a `.json` twin). */
export const duplicateIdRule: LintRule = {
  code: 'lint/duplicate-id',
  severity: 'warning',
  description: 'Two files with the same id (often a .md and a .json twin). Keep one file.',
  checkAll(entries) {
    const byId = groupBy(entries, (entry) => entry.event.id);
    const out: LintFinding[] = [];
    for (const [id, list] of byId) {
      if (list.length < 2) continue;
      for (const other of list.slice(1)) {
        out.push(finding(this, other, `id "${id}" is also in ${list[0]!.file ?? 'another event'}`, { path: 'id', related: list.filter((e) => e !== other).map((e) => e.file ?? e.event.id) }));
      }
    }
    return out;
  },
};
