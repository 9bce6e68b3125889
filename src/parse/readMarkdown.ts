import { createIssue } from '../model/issue.js';
import { isRecord } from '../model/fieldPath.js';
import { splitFrontMatter } from './frontmatter.js';
import type { RawRead, ReadContext } from './reader.js';
import { readYaml } from './readYaml.js';

/**
 * Reads a Markdown event file: YAML front matter between `---` fences, and
 * the body, which is the summary. The locator places `summary` at the body
 * unless the front matter has one.
 *
 * @param text - the file's text
 * @param context - the file and the mode
 * @returns the front matter's value, the body, a locator and the problems
 */
export function readMarkdown(text: string, context: ReadContext): RawRead {
  const where = context.file !== undefined ? { file: context.file } : {};
  const none = () => undefined;
  const parts = splitFrontMatter(text);
  if ('problem' in parts) return { locate: none, issues: [createIssue('error', 'frontmatter/missing', parts.problem, { ...where, line: parts.line, column: 1 })] };
  if (parts.falseFence !== undefined) {
    const message = "a line starting with '---' inside the front matter; only a line that is exactly '---' closes it";
    return { locate: none, issues: [createIssue('error', 'frontmatter/fence', message, { ...where, line: parts.falseFence, column: 1 })] };
  }
  const read = readYaml(parts.yaml, context, parts.yamlLine - 1);
  // Blank lines before the body and white space after it go; the first
  // line's indent stays (an indented code block means something).
  const lead = /^(?:[ \t]*\n)*/.exec(parts.body)![0];
  const body = { text: parts.body.slice(lead.length).trimEnd(), line: parts.bodyLine + (lead.match(/\n/g)?.length ?? 0) };
  const raw = read.raw;
  const inFront = isRecord(raw) && 'summary' in raw;
  return {
    ...read,
    body,
    locate: (path) => (path[0] === 'summary' && !inFront ? { line: body.line, column: 1 } : read.locate(path)),
  };
}
