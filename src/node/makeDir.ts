import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates a folder and its missing parents, one at a time. Node's own
 * recursive mkdir never returns on some paths (`/proc/x` loops forever);
 * this one fails at once with the system's error.
 *
 * @param path - the folder
 *
 * @example
 * ```ts
 * makeDir('data/schema');
 * statSync('data/schema').isDirectory();
 * // => true
 * ```
 */
export function makeDir(path: string): void {
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
  for (const dir of missing.reverse()) mkdirSync(dir);
}
