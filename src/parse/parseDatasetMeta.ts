import { DatasetMetaSchema, type DatasetMeta } from '../model/dataset.js';
import { createIssue, type Issue } from '../model/issue.js';
import { readYaml } from './readYaml.js';
import { schemaIssue } from './schemaIssue.js';
import { normalizeNewlines } from './text.js';

/** The outcome of {@link parseDatasetMeta}. */
export interface ParseDatasetMetaResult {
  /** What the dataset says of itself, when the text is valid. */
  meta?: DatasetMeta;
  /** What is wrong with the text, each with its line. */
  issues: Issue[];
}

/**
 * Parses a `dataset.yaml`: what a dataset says of itself (name, title,
 * version, licences, citation, sources), read by the same YAML reader and
 * schema mapping as event files.
 *
 * @param text - the YAML text
 * @param file - the file name, for the issues
 * @returns the metadata and the issues; no metadata when any error
 *
 * @example
 * ```ts
 * parseDatasetMeta('name: city-hall-watch\nversion: 1.2.0\n').meta?.version;
 * // => '1.2.0'
 * ```
 */
export function parseDatasetMeta(text: string, file?: string): ParseDatasetMetaResult {
  const read = readYaml(normalizeNewlines(text), { file, mode: 'strict' });
  if (read.issues.length) return { issues: read.issues };
  if (read.raw === undefined || read.raw === null) return { issues: [createIssue('error', 'dataset/name', 'an empty dataset.yaml: give at least the name', { file, line: 1, column: 1 })] };
  const parsed = DatasetMetaSchema.safeParse(read.raw, { reportInput: true });
  if (!parsed.success) return { issues: parsed.error.issues.map((zi) => schemaIssue(zi, { prefix: 'dataset', root: 'file', candidate: read.raw, locate: read.locate, file })) };
  return { meta: parsed.data, issues: [] };
}
