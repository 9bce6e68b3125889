import { chmodSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * Writes a file atomically unless it already holds exactly this text, so a
 * file that is already right keeps its bytes and its modification time.
 *
 * @param file - the path (its folder must exist)
 * @param text - the content
 * @param dryRun - only say whether it would be written
 * @returns true when the file was (or, with `dryRun`, would be) written
 */
export function writeFileIfChanged(file: string, text: string | Uint8Array, dryRun = false): boolean {
  const stat = statSync(file, { throwIfNoEntry: false });
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  if (stat?.isFile() && stat.size === bytes.length && readFileSync(file).equals(bytes)) return false;
  if (!dryRun) writeFileAtomic(file, text);
  return true;
}

/** The pattern of the temporary files {@link writeFileAtomic} leaves when a process is killed mid-write. */
export const TEMP_FILE = /\.(\d+)\.tmp$/;

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
 * Removes the temporary files a killed writer left in a folder and its
 * subfolders: `name.PID.tmp` beside a file `name` that `keep` accepts, when
 * no process PID runs any more. Returns the files removed.
 *
 * @param dir - the folder
 * @param keep - which base names are this writer's (event files, say)
 * @returns the paths removed
 */
export function removeStaleTempFiles(dir: string, keep: (name: string) => boolean): string[] {
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
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') removed.push(...removeStaleTempFiles(path, keep));
      continue;
    }
    const temp = TEMP_FILE.exec(entry.name);
    if (!temp || !keep(entry.name.slice(0, temp.index)) || alive(Number(temp[1]))) continue;
    rmSync(path, { force: true });
    removed.push(path);
  }
  return removed;
}
