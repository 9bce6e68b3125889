import { finding } from '../finding.js';
import type { LintRule } from '../types.js';

/** A file's name without its folder and extension. */
export const baseName = (file: string): string => file.split(/[/\\]/).pop()!.replace(/\.[^.]+$/, '');

/** A file not named after the id of its event. The loader asks this rule when reading strictly. */
export const idFileNameRule: LintRule = {
  code: 'identity/file-name',
  severity: 'warning',
  description: 'A file should be named after its event id. Rename the file (strict reading refuses it).',
  check(entry) {
    const { id } = entry.event;
    if (entry.file === undefined || baseName(entry.file) === id) return [];
    return [finding(this, entry, `id "${id}" differs from the file name "${baseName(entry.file)}"`, { path: 'id' })];
  },
};
