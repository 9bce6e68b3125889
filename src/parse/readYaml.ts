import { createIssue } from '../model/issue.js';
import { yamlLocator } from './yamlLocator.js';
import type { RawRead, ReadContext } from './reader.js';
import { loadYaml } from './yaml.js';

/**
 * Reads YAML text (a `.yaml` file, or the front matter of a `.md` file whose
 * YAML starts after `lineOffset` lines). Lines are scanned for the locator
 * only when a field has to be found.
 *
 * @param text - the YAML text
 * @param context - the file and the mode
 * @param lineOffset - lines in the file before the YAML
 * @returns the raw value, its locator and the YAML problems
 */
export function readYaml(text: string, context: ReadContext, lineOffset = 0): RawRead {
  const yaml = loadYaml(text, context.mode);
  const issues = yaml.issues.map((issue) => ({
    ...issue,
    ...(context.file !== undefined ? { file: context.file } : {}),
    ...(issue.line !== undefined ? { line: issue.line + lineOffset } : {}),
  }));
  if (yaml.value === undefined && issues.length === 0) {
    issues.push(createIssue('error', 'yaml/empty', lineOffset ? 'the front matter is empty' : 'the file is empty', { file: context.file, line: lineOffset + 1 }));
  }
  const locate = yamlLocator(text, lineOffset);
  return issues.some((i) => i.severity === 'error') || yaml.value === undefined ? { locate, issues } : { raw: yaml.value, locate, issues };
}
