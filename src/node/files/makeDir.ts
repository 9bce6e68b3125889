import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates a folder and its missing parents, one at a time. Node's own
 * recursive mkdir never returns on some paths (`/proc/x` loops forever);
 * this one fails at once with the system's error.
 *
 * @param path - the folder
 * @returns the folders it created, outermost first (empty when it was there)
 *
 * @example
 * ```ts
 * makeDir('data/schema');
 * statSync('data/schema').isDirectory();
 * // => true
 * ```
 */
export function makeDir(path: string): string[] {
  const missing: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    const stat = statSync(at, { throwIfNoEntry: false });
    if (stat) {
      if (!stat.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${path}'`), { code: 'ENOTDIR', path: at });
      break;
    }
    missing.push(at);
    if (dirname(at) === at) break;
  }
  missing.reverse();
  for (const dir of missing) mkdirSync(dir);
  return missing;
}

/**
 * Removes folders that {@link makeDir} made, innermost first, each only
 * while it is empty: undoing a write that failed never deletes anything
 * else.
 *
 * @param made - what makeDir returned
 *
 * @example
 * ```ts
 * removeMadeDirs(makeDir('out/schema'));
 * existsSync('out');
 * // => false
 * ```
 */
export function removeMadeDirs(made: readonly string[]): void {
  for (const dir of [...made].reverse()) {
    try {
      rmdirSync(dir);
    } catch {
      // not empty: something else is in it, so it stays
    }
  }
}
