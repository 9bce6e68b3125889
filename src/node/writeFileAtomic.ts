import { chmodSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

/**
 * Writes a file so that readers see the old content or the new, never half:
 * the text goes to a temporary file beside it, which then replaces it. An
 * existing file keeps its permissions, and a symbolic link is written
 * through (the file it points to is replaced, the link stays a link).
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
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  let target = file;
  let mode: number | undefined;
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat) {
    target = realpathSync(file);
    mode = stat.mode & 0o7777;
  }
  const temp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    if (mode !== undefined) chmodSync(temp, mode);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The pattern of the temporary files {@link writeFileAtomic} leaves when a process is killed mid-write. */
export const TEMP_FILE = /\.(\d+)\.tmp$/;
