import { finding, groupBy } from '../finding.js';
import type { LintEntry, LintFinding, LintRule } from '../types.js';
import { baseName } from './idFileName.js';

/**
 * The same id in two files (a `.md` and a `.json` twin). The file named after
 * the id is the one to keep, else the first in path order; each other file is
 * a finding. The loader asks this rule which twin to keep.
 */
export const duplicateIdRule: LintRule = {
  code: 'identity/duplicate-id',
  severity: 'warning',
  description: 'Two files with the same id (often a .md and a .json twin). Keep one file: the one named after the id is kept when loading.',
  checkAll(entries) {
    const byId = groupBy(entries, (entry) => entry.event.id);
    const out: LintFinding[] = [];
    for (const [id, list] of byId) {
      if (list.length < 2) continue;
      const keep = list.find((e) => e.file !== undefined && baseName(e.file) === id) ?? list[0]!;
      const name = (e: LintEntry) => e.file ?? e.event.id;
      for (const other of list) {
        if (other === keep) continue;
        out.push(finding(this, other, `id "${id}" is also in ${keep.file ?? 'another event'}`, { path: 'id', related: list.filter((e) => e !== other).map(name) }));
      }
    }
    return out;
  },
};
