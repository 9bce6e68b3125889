import { finding, groupBy } from '../finding.js';
import type { LintEntry, LintFinding, LintRule } from '../types.js';
import { baseName } from './idFileName.js';

/** An entry that shares its id with others, and the one of them to keep. */
export interface Twin {
  /** The entry to set aside. */
  entry: LintEntry;
  /** The entry kept: the one in a file named after the id, else the first. */
  keep: LintEntry;
  /** Every entry with the id, the kept one included. */
  all: LintEntry[];
}

/**
 * The entries that share an id with an earlier one, each with the entry to
 * keep. Entries are told apart by identity, not by file, so two records of
 * one dataset file are twins too.
 *
 * @param entries - the events with their files
 * @returns one item per entry to set aside, in the order given
 */
export function findTwins(entries: readonly LintEntry[]): Twin[] {
  const out: Twin[] = [];
  for (const [id, all] of groupBy(entries, (entry) => entry.event.id)) {
    if (all.length < 2) continue;
    const keep = all.find((e) => e.file !== undefined && baseName(e.file) === id) ?? all[0]!;
    for (const entry of all) if (entry !== keep) out.push({ entry, keep, all });
  }
  return out;
}

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
    const name = (e: LintEntry) => e.file ?? e.event.id;
    return findTwins(entries).map(({ entry, keep, all }): LintFinding =>
      finding(this, entry, `id "${entry.event.id}" is also in ${keep.file ?? 'another event'}`, { path: 'id', related: all.filter((e) => e !== entry).map(name) }),
    );
  },
};
