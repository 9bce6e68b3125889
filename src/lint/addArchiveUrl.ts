import { splitFrontMatter } from '../parse/frontmatter.js';
import { formatOf, parseEvent } from '../parse/parseEvent.js';
import { blockEnd, lastLine, listItems, scanYaml } from '../parse/scanYaml.js';
import { dumpYamlField } from '../parse/yaml.js';

/**
 * Adds `archive_url` to one source of an event file, as one new line after
 * the source's last line, indented as its keys are; no other byte changes.
 * The result is read back and must hold exactly the event the file held,
 * with that one link added.
 *
 * @param text - the file's text (Markdown or YAML, block style)
 * @param file - its name (for its format)
 * @param source - which source (0-based)
 * @param archiveUrl - the archive link
 * @returns the new text, or undefined when the file cannot be edited so (JSON, flow style, the source already archived)
 *
 * @example
 * ```ts
 * const file = 'seeds/2025-11-06--kazakhstan-abraham-accords-announcement.md';
 * const text = addArchiveUrl(readFileSync(file, 'utf8'), file, 1, 'https://web.archive.org/web/2025/https://www.axios.com/');
 * text?.split('\n').slice(23, 26);
 * // => ['  publisher: Axios', '  tier: 2', "  archive_url: 'https://web.archive.org/web/2025/https://www.axios.com/'"]
 * ```
 */
export function addArchiveUrl(text: string, file: string, source: number, archiveUrl: string): string | undefined {
  const format = formatOf(file);
  if (format !== 'md' && format !== 'yaml') return undefined;
  // Each line keeps its own ending: a file that mixes LF and CRLF stays mixed.
  const lines = text.split('\n');
  const crs = lines.map((line, i) => i < lines.length - 1 && line.endsWith('\r'));
  const plainLines = lines.map((line, i) => (crs[i] ? line.slice(0, -1) : line));
  const plain = plainLines.join('\n');
  let yamlText = plain;
  let offset = 0;
  if (format === 'md') {
    const parts = splitFrontMatter(plain);
    if ('problem' in parts) return undefined;
    yamlText = parts.yaml;
    offset = parts.yamlLine - 1;
  }
  const scan = scanYaml(yamlText);
  const { keyCol, key } = scan;
  const count = keyCol.length;
  const at = key.findIndex((k, i) => k === 'sources' && keyCol[i] === 0);
  if (at === -1) return undefined;
  const end = blockEnd(scan, at, 0, count);
  const { starts } = listItems(scan, at, end);
  const lo = starts[source];
  if (lo === undefined || keyCol[lo]! < 0) return undefined;
  // After the item's last line that holds something.
  const hi = lastLine(plainLines, offset, lo + 1, source + 1 < starts.length ? starts[source + 1]! : end);
  const written = dumpYamlField('archive_url', archiveUrl).map((line) => ' '.repeat(keyCol[lo]!) + line);
  // The new lines end as the line before them does.
  const ending = crs[offset + hi - 1] ? '\r' : '';
  lines.splice(offset + hi, 0, ...written.map((line) => line + ending)); // a few lines: one field
  const out = lines.join('\n');
  // Exactly the event it was, with the one link added.
  const before = parseEvent(text, { format, mode: 'lenient' }).event;
  const after = parseEvent(out, { format, mode: 'lenient' }).event;
  if (!before || !after || before.sources[source]?.archiveUrl !== undefined) return undefined;
  const expected = { ...before, sources: before.sources.map((s, n) => (n === source ? { ...s, archiveUrl } : s)) };
  return JSON.stringify(after) === JSON.stringify(expected) ? out : undefined;
}
