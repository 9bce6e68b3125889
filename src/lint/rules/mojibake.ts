import { formatPath } from '../../model/fieldPath.js';
import { textFields } from '../../model/textFields.js';
import { findMojibake } from '../../parse/mojibake.js';
import { finding } from '../finding.js';
import type { LintRule } from '../types.js';

/** UTF-8 text decoded as Windows-1252 (`â€”` for `—`): repaired exactly by fix. */
export const mojibakeRule: LintRule = {
  code: 'lint/mojibake',
  severity: 'warning',
  description: 'Text that is UTF-8 read as Windows-1252 or Latin-1 (â€” for —, Ã© for é). Run fix to repair it exactly.',
  check(entry) {
    const out = [];
    for (const { path: at, text } of textFields(entry.event)) {
      const runs = findMojibake(text);
      if (runs.length) {
        const path = formatPath(at);
        out.push(
          finding(this, entry, `${path}: "${runs[0]!.found}" should read "${runs[0]!.repaired}"${runs.length > 1 ? ` (${runs.length} places)` : ''}; run fix`, {
            path,
            fixable: true,
          }),
        );
      }
    }
    return out;
  },
};
