import { EVENT_FIELDS } from '../../model/fieldTable.js';
import { isRecord, parsePath, type FieldPath, type Position } from '../../model/fieldPath.js';
import type { Issue, VariantGroup } from '../../model/issue.js';
import { slugify } from '../../model/ids.js';
import { formatOf, READERS } from '../../parse/parseEvent.js';
import { normalizeNewlines } from '../../parse/text.js';
import { DEFAULT_MAX_FILE_BYTES, readTextFile } from '../files/readTextFile.js';

/** The keys a file may write a field under: its own, then its legacy spellings. */
const keysOf = (model: string) => {
  const field = EVENT_FIELDS.find((f) => f.model === model)!;
  return [field.file, ...(field.aliases ?? []).map((a) => a.key)];
};
const LIST_KEYS = { tags: keysOf('tags'), actors: keysOf('actors'), 'sources.url': keysOf('sources') };

/** The spelling a reader makes of what a file writes: trimmed; a tag not in kebab-case read as its slug. */
const asRead = (field: NonNullable<VariantGroup['field']>, value: string) => (field === 'tags' && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value.trim()) ? slugify(value) : value.trim());

/**
 * Where a value of a variant group is written in a file: the path of the
 * first item of the field (`tags[2]`, `sources[0].url`) that holds it, as
 * written or as the reader reads it, or undefined when the file writes it
 * nowhere the reader would find it.
 */
function pathOfValue(raw: unknown, field: NonNullable<VariantGroup['field']>, value: string): FieldPath | undefined {
  if (!isRecord(raw)) return undefined;
  for (const key of LIST_KEYS[field]) {
    if (!Object.prototype.hasOwnProperty.call(raw, key)) continue;
    const list = raw[key];
    if (field !== 'sources.url') {
      if (typeof list === 'string') return list === value || asRead(field, list) === value ? [key] : undefined;
      if (!Array.isArray(list)) return undefined;
      // Exactly as written first, then as the reader reads it.
      let at = list.findIndex((item) => item === value);
      if (at === -1) at = list.findIndex((item) => typeof item === 'string' && asRead(field, item) === value);
      return at === -1 ? undefined : [key, at];
    }
    if (!Array.isArray(list)) return undefined;
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i];
      if (typeof item === 'string' && item.trim() === value) return [key, i];
      if (isRecord(item) && typeof item.url === 'string' && item.url.trim() === value) return [key, i, 'url'];
    }
    return undefined;
  }
  return undefined;
}

/**
 * Gives each finding that names a file and a field but no line the line and
 * column where that field is written, and each spelling of a variant group
 * the line where it is written in each of its files (`group.lines`, 0 when
 * the file writes it nowhere a reader finds it), reading each file once.
 * Places come from the file's own reader (its locator), never from a search
 * of the text, so a tag is placed on its item, not on an id that contains
 * it. Findings that already have a line, or whose file cannot be read, stay
 * as they are.
 *
 * @param findings - lint findings (changed in place) and any other issues
 * @returns the same findings
 *
 * @example
 * ```ts
 * const file = 'seeds/2025-11-06--kazakhstan-abraham-accords-announcement.md';
 * const { event } = parseEvent(readFileSync(file, 'utf8'), { file });
 * const sources = event!.sources.map((s, i) => (i === 1 ? { ...s, url: 'https://example.com/' } : s));
 * placeFindings(lintEvents([{ event: { ...event!, sources }, file }], { rules: ['lint/placeholder-url'] })).map((f) => `${f.path} ${f.line}:${f.column}`);
 * // => ['sources[1].url 23:8']
 * ```
 */
export function placeFindings<T extends Issue>(findings: T[]): T[] {
  // What to place, file by file: each file is read once and let go before
  // the next, so placing findings over a whole folder never holds it all.
  type Request = { finding: T; name?: string; index?: number };
  const requests = new Map<string, Request[]>();
  const ask = (file: string, request: Request) => {
    const list = requests.get(file);
    if (list) list.push(request);
    else requests.set(file, [request]);
  };
  for (const f of findings) {
    const group = f.group;
    if (group?.places && group.field && !group.lines) {
      group.lines = {};
      for (const [name, files] of Object.entries(group.places)) {
        group.lines[name] = files.map(() => 0);
        files.forEach((file, index) => ask(file, { finding: f, name, index }));
      }
    }
    if (f.line === undefined && f.file !== undefined && f.path) ask(f.file, { finding: f });
  }
  // The loader's bounded reader: a file swapped for a FIFO since cannot make this wait.
  const buffer = Buffer.allocUnsafe(DEFAULT_MAX_FILE_BYTES + 1);
  for (const [file, list] of requests) {
    const format = formatOf(file);
    const text = format && readTextFile(file, buffer, [], { followLinks: true });
    if (!format || text === undefined) continue;
    const read = READERS[format](normalizeNewlines(text), { file, mode: 'lenient' });
    for (const { finding, name, index } of list) {
      if (name !== undefined) {
        const path = pathOfValue(read.raw, finding.group!.field!, name);
        finding.group!.lines![name]![index!] = (path && read.locate(path)?.line) ?? 0;
        continue;
      }
      const at: Position | undefined = read.locate(parsePath(finding.path!));
      if (!at) continue;
      // In the order issues have: file, line, column, then the field.
      const path = finding.path;
      delete finding.path;
      Object.assign(finding, { line: at.line, column: at.column, path });
    }
  }
  return findings;
}
