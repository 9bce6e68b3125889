import { finding } from '../finding.js';
import type { LintFinding, LintRule } from '../types.js';

// Line breaks and tabs belong in Markdown; other C0 and C1 controls and the
// bidirectional overrides and isolates do not.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Control characters and bidirectional overrides in the summary or the notes. */
export const controlCharacterRule: LintRule = {
  code: 'lint/control-character',
  severity: 'warning',
  description: 'A control character or a bidirectional override in the summary or the notes (one-line fields refuse them). Delete it: it can drive a terminal or reorder what a reader sees.',
  check(entry) {
    const out: LintFinding[] = [];
    for (const path of ['summary', 'notes'] as const) {
      const text = entry.event[path];
      const match = text === undefined ? null : UNSAFE_IN_TEXT.exec(text);
      if (match) out.push(finding(this, entry, `${path}: holds U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, { path }));
    }
    return out;
  },
};
