import { UNSAFE_IN_TEXT, unsafeCharacter } from '../../model/fields.js';
import { finding } from '../finding.js';
import type { LintFinding, LintRule } from '../types.js';

/** Control characters and bidirectional overrides in the summary or the notes. */
export const controlCharacterRule: LintRule = {
  code: 'lint/control-character',
  severity: 'warning',
  description: 'A control character or a bidirectional override in the summary or the notes (one-line fields refuse them). Delete it: it can drive a terminal or reorder what a reader sees.',
  check(entry) {
    const out: LintFinding[] = [];
    for (const path of ['summary', 'notes'] as const) {
      const text = entry.event[path];
      const found = text === undefined ? undefined : unsafeCharacter(text, UNSAFE_IN_TEXT);
      if (found) out.push(finding(this, entry, `${path}: holds ${found}`, { path }));
    }
    return out;
  },
};
