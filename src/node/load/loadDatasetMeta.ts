import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetMeta } from '../../model/dataset.js';
import type { Issue } from '../../model/issue.js';
import { parseDatasetMeta } from '../../parse/parseDatasetMeta.js';
import { readTextFileLimited } from '../files/readTextFile.js';
import { DATASET_META_FILE_NAMES } from './registryFile.js';

/** The outcome of {@link loadDatasetMeta}. */
export interface LoadDatasetMetaResult {
  /** The file read, when the seeds have one. */
  file?: string;
  /** What the dataset says of itself, when its file is there and valid. */
  meta?: DatasetMeta;
  /** What is wrong with it. */
  issues: Issue[];
}

/**
 * Reads what a dataset says of itself: `dataset.yaml` (or `.yml`) in the
 * seeds folder, if there is one.
 *
 * @param seeds - the seeds folder
 * @returns the file, the metadata and the issues; neither file nor metadata when there is none
 *
 * @example
 * ```ts
 * (await loadDatasetMeta('seeds')).meta?.name;
 * // => 'democracy-timeline'
 * ```
 */
export async function loadDatasetMeta(seeds: string): Promise<LoadDatasetMetaResult> {
  const file = DATASET_META_FILE_NAMES.map((name) => join(seeds, name)).find((f) => statSync(f, { throwIfNoEntry: false }) !== undefined);
  if (file === undefined) return { issues: [] };
  const issues: Issue[] = [];
  const text = readTextFileLimited(file, 1024 * 1024, issues);
  if (text === undefined) return { file, issues };
  const parsed = parseDatasetMeta(text, file);
  return parsed.meta ? { file, meta: parsed.meta, issues: parsed.issues } : { file, issues: parsed.issues };
}
