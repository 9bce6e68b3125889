import { finding } from '../finding.js';
import type { LintRule } from '../types.js';

const baseName = (file: string) => file.split(/[/\\]/).pop()!.replace(/\.[^.]+$/, '');

/** A file not named after the id of its event. */
export const idFileNameRule: LintRule = {
  code: 'lint/id-file-name',
  severity: 'warning',
  description: 'A file should be named after its event id. Rename the file.',
  check(entry) {
    const { id } = entry.event;
    if (entry.file === undefined || baseName(entry.file) === id) return [];
    return [finding(this, entry, `id "${id}" differs from the file name "${baseName(entry.file)}"`, { path: 'id' })];
  },
};
