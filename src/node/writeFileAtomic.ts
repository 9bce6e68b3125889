import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes a file so that readers see the old content or the new, never half:
 * the text goes to a temporary file beside it, which then replaces it.
 *
 * @param file - the path
 * @param text - the new content
 *
 * @example
 * ```ts
 * writeFileAtomic('seeds/2025-11-06--x.md', text);
 * readFileSync('seeds/2025-11-06--x.md', 'utf8') === text;
 * // => true
 * ```
 */
export function writeFileAtomic(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
