import { parsePath } from '../model/fieldPath.js';
import type { Issue } from '../model/issue.js';
import { DEFAULT_MAX_LENGTH, formatOf, READERS } from '../parse/parseEvent.js';
import { readTextFile } from './readTextFile.js';

/**
 * Gives each finding that names a file and a field but no line the line and
 * column where that field is written, reading each file once. Findings that
 * already have a line, or whose file cannot be read, stay as they are.
 *
 * @param findings - lint findings (changed in place) and any other issues
 * @returns the same findings
 *
 * @example
 * ```ts
 * placeFindings(lintEvents(entries)).find((f) => f.path)?.line;
 * // => 14
 * ```
 */
export function placeFindings<T extends Issue>(findings: T[]): T[] {
  // The loader's bounded reader: a file swapped for a FIFO since cannot make this wait.
  let buffer: Buffer | undefined;
  const locators = new Map<string, ((path: string) => { line: number; column: number } | undefined) | undefined>();
  const locatorOf = (file: string) => {
    if (locators.has(file)) return locators.get(file);
    let found: ((path: string) => { line: number; column: number } | undefined) | undefined;
    const format = formatOf(file);
    const text = format && readTextFile(file, (buffer ??= Buffer.allocUnsafe(DEFAULT_MAX_LENGTH + 1)), [], { followLinks: true });
    if (format && text !== undefined) {
      const read = READERS[format](text, { file, mode: 'lenient' });
      found = (path) => read.locate(parsePath(path));
    }
    locators.set(file, found);
    return found;
  };
  for (const f of findings) {
    if (f.line !== undefined || f.file === undefined || !f.path) continue;
    const at = locatorOf(f.file)?.(f.path);
    if (!at) continue;
    // In the order issues have: file, line, column, then the field.
    const path = f.path;
    delete f.path;
    Object.assign(f, { line: at.line, column: at.column, path });
  }
  return findings;
}
