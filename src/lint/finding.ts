import { parsePath } from '../model/fieldPath.js';
import { createIssue } from '../model/issue.js';
import type { LintEntry, LintFinding, LintRule } from './types.js';
import { countThenKey } from '../model/compareText.js';

/** A finding of `rule` about `entry`. */
export function finding(rule: Pick<LintRule, 'code' | 'severity'>, entry: LintEntry | undefined, message: string, extra: Partial<LintFinding> = {}): LintFinding {
  const at = entry?.locate && extra.path !== undefined ? entry.locate(parsePath(extra.path)) : undefined;
  return Object.assign(createIssue(rule.severity, rule.code, message, { file: entry?.file, ...at }), extra);
}

/** The spellings of a map of counts, most used first, then by code point. */
export function ranked(counts: Map<string, number>): [string, number][] {
  return [...counts].sort(countThenKey((e) => e[1], (e) => e[0]));
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

/** For each spelling, the files (or, without a file, the event ids) that use it, in the order given. */
export function placesOf(entries: readonly LintEntry[], valuesOf: (entry: LintEntry) => Iterable<string>): Map<string, string[]> {
  const places = new Map<string, string[]>();
  for (const entry of entries) {
    const where = entry.file ?? entry.event.id;
    for (const value of new Set(valuesOf(entry))) {
      const list = places.get(value);
      if (!list) places.set(value, [where]);
      else if (list[list.length - 1] !== where) list.push(where);
    }
  }
  return places;
}

/**
 * A finding about spellings of one thing, with a place: it names the first
 * file that uses a spelling other than the one to keep, lists every such
 * file in `related`, and every spelling's files in `group.places`.
 */
export function groupFinding(
  rule: Pick<LintRule, 'code' | 'severity'>,
  message: string,
  group: { names: string[]; counts: number[]; canonical: string; field: 'tags' | 'actors' | 'sources.url' },
  places: Map<string, string[]>,
  extra: Partial<LintFinding> = {},
): LintFinding {
  const where: Record<string, string[]> = {};
  for (const name of group.names) where[name] = places.get(name) ?? [];
  const related = [...new Set(group.names.filter((name) => name !== group.canonical).flatMap((name) => where[name]!))];
  const out = createIssue(rule.severity, rule.code, message, { file: related[0] });
  return Object.assign(out, { related, ...extra, group: { ...group, ...(extra.group ?? {}), places: where } });
}
