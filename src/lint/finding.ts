import { parsePath } from '../model/fieldPath.js';
import { createIssue } from '../model/issue.js';
import type { LintEntry, LintFinding, LintRule } from './types.js';

/** A finding of `rule` about `entry`. */
export function finding(rule: Pick<LintRule, 'code' | 'severity'>, entry: LintEntry | undefined, message: string, extra: Partial<LintFinding> = {}): LintFinding {
  const at = entry?.locate && extra.path !== undefined ? entry.locate(parsePath(extra.path)) : undefined;
  return Object.assign(createIssue(rule.severity, rule.code, message, { file: entry?.file, ...at }), extra);
}

/** The spellings of a map of counts, most used first, then by code point. */
export function ranked(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Groups items under a key, each group in the order given. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Counts one use of a spelling under the key of what it means. */
export function countSpelling(groups: Map<string, Map<string, number>>, key: string, spelling: string): void {
  let counts = groups.get(key);
  if (!counts) groups.set(key, (counts = new Map()));
  counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
}
