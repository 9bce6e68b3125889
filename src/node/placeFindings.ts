import { parsePath } from '../model/fieldPath.js';
import type { Issue } from '../model/issue.js';
import { DEFAULT_MAX_LENGTH, formatOf, READERS } from '../parse/parseEvent.js';
import { readTextFile } from './readTextFile.js';

/**
 * Gives each finding that names a file and a field but no line the line and
 * column where that field is written, and each spelling of a variant group
 * the line where it is written in each of its files (`group.lines`),
 * reading each file once. Findings that already have a line, or whose file
 * cannot be read, stay as they are.
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
  const texts = new Map<string, string[] | undefined>();
  const locatorOf = (file: string) => {
    if (locators.has(file)) return locators.get(file);
    let found: ((path: string) => { line: number; column: number } | undefined) | undefined;
    const format = formatOf(file);
    const text = format && readTextFile(file, (buffer ??= Buffer.allocUnsafe(DEFAULT_MAX_LENGTH + 1)), [], { followLinks: true });
    texts.set(file, text === undefined ? undefined : text.split('\n'));
    if (format && text !== undefined) {
      const read = READERS[format](text, { file, mode: 'lenient' });
      found = (path) => read.locate(parsePath(path));
    }
    locators.set(file, found);
    return found;
  };
  // The line where a spelling is first written in a file.
  const lineOf = (file: string, name: string) => {
    locatorOf(file);
    const at = texts.get(file)?.findIndex((line) => line.includes(name)) ?? -1;
    return at + 1;
  };
  for (const f of findings) {
    const places = f.group?.places;
    if (places && !f.group!.lines) f.group!.lines = Object.fromEntries(Object.entries(places).map(([name, files]) => [name, files.map((file) => lineOf(file, name))]));
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
