import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dataFolderEvents } from './datasetFile.js';

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
 * The file names of what a dataset says of itself (`dataset.yaml`) in a
 * seeds folder. The loader never reads them as events.
 *
 * @example
 * ```ts
 * DATASET_META_FILE_NAMES[0];
 * // => 'dataset.yaml'
 * ```
 */
export const DATASET_META_FILE_NAMES = ['dataset.yaml', 'dataset.yml'] as const;

/** Files of a seeds folder that are not events: the registry, the dataset's own description. */
export const NOT_EVENT_FILES: readonly string[] = [...REGISTRY_FILE_NAMES, ...DATASET_META_FILE_NAMES];

/**
 * The actor registry of a set of paths: `actors.yaml` (or `.yml`) in the
 * first folder that has one; for a built data folder, or its events file
 * named directly, the folder's `actors.json`.
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
    const isFolder = statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
    // A file named directly (an events.json) has its folder's built registry.
    const folder = isFolder ? path : dirname(path);
    const built = join(folder, 'actors.json');
    if (dataFolderEvents(folder) !== undefined && statSync(built, { throwIfNoEntry: false })?.isFile()) return built;
    if (!isFolder) continue;
    for (const name of REGISTRY_FILE_NAMES) {
      const file = join(path, name);
      if (statSync(file, { throwIfNoEntry: false }) !== undefined) return file;
    }
  }
  return undefined;
}
