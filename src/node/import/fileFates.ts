import { createIssue, type Issue } from '../../model/issue.js';
import type { LoadEventsResult } from '../load/loadEvents.js';
import type { ImportFate } from './types.js';

/** The files of one id, the first the one imported, the others merged into it. */
export type TwinGroups = Map<string, { file: string; line: number }[]>;

/** A file's items by file. */
function byFile<T>(items: readonly T[], fileOf: (item: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const file = fileOf(item);
    if (file === undefined) continue;
    const list = out.get(file);
    if (list) list.push(item);
    else out.set(file, [item]);
  }
  return out;
}

/**
 * What became of every file found, and of every record of a dataset file,
 * in path order: imported, merged into a twin, refused (with its errors),
 * not read, or skipped (with why). Every file is accounted for.
 *
 * @param finalId - the id each group's event ends with, by the id it came with
 */
export function fileFates(loaded: LoadEventsResult, groups: TwinGroups, finalId: ReadonlyMap<string, string>): ImportFate[] {
  const datasets = new Set(loaded.datasets);
  const key = (file: string, line: number) => `${file}\u0000${datasets.has(file) ? line : 1}`;
  const at = (file: string, line: number) => (datasets.has(file) ? { line } : {});
  const fates = new Map<string, ImportFate>();
  for (const [id, list] of groups) {
    const to = finalId.get(id)!;
    list.forEach((e, i) => fates.set(key(e.file, e.line), i === 0 ? { file: e.file, ...at(e.file, e.line), fate: 'imported', id: to } : { file: e.file, ...at(e.file, e.line), fate: 'merged', id: to, into: list[0]!.file }));
  }
  const issuesOf = byFile(loaded.issues, (issue) => issue.file);
  const refusedAt = byFile(loaded.refusedRecords, (record) => record.file);
  const files: ImportFate[] = [];
  const notEvents = new Map(loaded.skipped.map((s) => [s.path, s.why]));
  for (const file of loaded.found) {
    const why = notEvents.get(file);
    if (why !== undefined) {
      files.push({ file, fate: 'skipped', why });
      continue;
    }
    if (datasets.has(file)) {
      // Each record: its fate, or its errors (those from its line to the next record's).
      const lines = [...new Set([...[...fates.values()].filter((f) => f.file === file).map((f) => f.line!), ...(refusedAt.get(file) ?? []).map((r) => r.line)])].sort((x, y) => x - y);
      lines.forEach((line, n) => {
        const fate = fates.get(key(file, line));
        if (fate) return files.push(fate);
        const next = lines[n + 1] ?? Infinity;
        const issues = (issuesOf.get(file) ?? []).filter((i) => i.severity === 'error' && (i.line ?? 0) >= line && (i.line ?? 0) < next);
        files.push({ file, line, fate: 'refused', issues });
      });
      continue;
    }
    const fate = fates.get(key(file, 1));
    if (fate) {
      files.push(fate);
      continue;
    }
    const issues: Issue[] = issuesOf.get(file) ?? [createIssue('error', 'file/read', 'could not be read', { file })];
    files.push(issues.some((i) => i.code.startsWith('file/')) ? { file, fate: 'not-read', issues } : { file, fate: 'refused', issues });
  }
  return files;
}
