import type { LintEntry, LintFinding, LintRule } from './types.js';

/** A finding of `rule` about `entry`. */
export function finding(rule: Pick<LintRule, 'code' | 'severity'>, entry: LintEntry | undefined, message: string, extra: Partial<LintFinding> = {}): LintFinding {
  const out: LintFinding = { severity: rule.severity, code: rule.code, message };
  if (entry?.file !== undefined) out.file = entry.file;
  return Object.assign(out, extra);
}

/** The spellings of a map of counts, most used first, then by code point. */
export function ranked(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
