import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { append } from '../../model/append.js';

/**
 * The pattern of the temporary files this package's writers make beside a
 * file they replace: `NAME.PID.democracy-timeline.tmp`. The name says whose
 * they are, so a file that merely ends in `.tmp` is never taken for one.
 *
 * @example
 * ```ts
 * TEMP_FILE.exec('2025-11-06--x.md.4242.democracy-timeline.tmp')?.[1];
 * // => '4242'
 * ```
 */
export const TEMP_FILE = /\.(\d+)\.democracy-timeline\.tmp$/;

/** The temporary file this process writes beside `file` before it replaces it. */
export function tempFileOf(file: string): string {
  return join(dirname(file), `${basename(file)}.${process.pid}.democracy-timeline.tmp`);
}

/** True while a process with this id runs. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed writer of this package left in a
 * folder and its subfolders: only files named by {@link TEMP_FILE}, and
 * only when no process with their PID runs. Returns the files removed.
 *
 * @param dir - the folder
 * @returns the paths removed
 */
export function removeStaleTempFiles(dir: string): string[] {
  const removed: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') append(removed, removeStaleTempFiles(path));
      continue;
    }
    const temp = TEMP_FILE.exec(entry.name);
    if (!temp || !entry.isFile() || alive(Number(temp[1]))) continue;
    rmSync(path, { force: true });
    removed.push(path);
  }
  return removed;
}
