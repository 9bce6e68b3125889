import { statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The file names of an actor registry in an event folder. The loader never
 * reads them as events; commands find the registry by them.
 *
 * @example
 * ```ts
 * REGISTRY_FILE_NAMES[0];
 * // => 'actors.yaml'
 * ```
 */
export const REGISTRY_FILE_NAMES = ['actors.yaml', 'actors.yml'] as const;

/**
 * The actor registry of a set of paths: `actors.yaml` (or `.yml`) in the
 * first folder that has one.
 *
 * @param paths - the folders (and files) being read
 * @returns the registry's path, or undefined when none of the folders has one
 *
 * @example
 * ```ts
 * findRegistryFile(['seeds']);
 * // => 'seeds/actors.yaml'
 * ```
 */
export function findRegistryFile(paths: readonly string[]): string | undefined {
  for (const path of paths) {
    for (const name of REGISTRY_FILE_NAMES) {
      const file = join(path, name);
      try {
        if (statSync(file, { throwIfNoEntry: false }) !== undefined) return file;
      } catch {
        // the path is a file, not a folder (ENOTDIR): it has no registry
      }
    }
  }
  return undefined;
}
