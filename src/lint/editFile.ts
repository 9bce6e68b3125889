import type { Event } from '../model/event.js';
import { EVENT_FIELDS, SOURCE_FIELDS, type FieldSpelling } from '../model/fieldTable.js';
import { isRecord } from '../model/fieldPath.js';
import { sameData } from '../model/sameData.js';
import { splitFrontMatter } from '../parse/frontmatter.js';
import { blockEnd, lastLine, listItems, scanYaml, type YamlLines } from '../parse/scanYaml.js';
import { parseEvent, type EventFormat } from '../parse/parseEvent.js';
import { eventToFileObject } from '../parse/stringifyEvent.js';
import { dumpYaml, dumpYamlField, loadYaml } from '../parse/yaml.js';
import { append } from '../model/append.js';

/** One edit of a file, as a fix makes it: a run of whole lines replaced. */
export interface FileEdit {
  /** 1-based line where the edit starts, in the file as it was. */
  line: number;
  /** 1-based column of the field it edits. */
  column: number;
  /** The field, as the file spells it (`sources[0].outlet`), or `summary` for a Markdown body. */
  path: string;
  /** The lines replaced, as they were (empty when lines are added). */
  old: string;
  /** The lines that replace them (empty when lines are removed). */
  new: string;
}

/** A replacement of lines [from, to) (0-based, in the whole file) by new lines. */
interface Splice {
  from: number;
  to: number;
  lines: string[];
  path: string;
  column: number;
}

const aliasOf = (fields: readonly FieldSpelling[], key: string) => fields.find((f) => f.aliases?.some((a) => a.key === key));

/** The lines of the file, and how the YAML part of them is laid out. */
interface Layout {
  lines: string[];
  /** Index in `lines` of the YAML's first line. */
  offset: number;
  /** Number of YAML lines. */
  count: number;
  scan: YamlLines;
}


/**
 * The comment that ends a YAML line, with the blanks before it: a `#` after
 * a blank, outside quotes. Undefined when the line has none.
 */
function trailingComment(line: string): string | undefined {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,-]/.test(line[i - 1]!))) quote = c;
    else if (c === '#' && i > 0 && /\s/.test(line[i - 1]!)) {
      let from = i;
      while (from > 0 && /\s/.test(line[from - 1]!)) from--;
      return line.slice(from);
    }
  }
  return undefined;
}

/** New lines for a field, the comment that ended its first line carried over (unless the new line opens a block scalar). */
function keepComment(old: string, written: string[]): string[] {
  const comment = trailingComment(old);
  if (!comment || !written.length || trailingComment(written[0]!) || /[|>][+-]?\d*$/.test(written[0]!)) return written;
  return [written[0]! + comment, ...written.slice(1)];
}

/**
 * The end (exclusive, a YAML line index) of the block a key at `line` and
 * `col` opens, within [line, hi): up to the next key at its column or less,
 * or a list item left of it; comment and blank lines at its end stay out.
 */
function blockEndIn(layout: Layout, line: number, col: number, hi: number): number {
  return lastLine(layout.lines, layout.offset, line + 1, blockEnd(layout.scan, line, col, hi));
}

/** A value written in flow style on its key's line: `[a, b]` or `{ a: 1 }`. */
const isFlow = (layout: Layout, line: number) => {
  const at = layout.scan.valueCol[line]!;
  return at >= 0 && /^[[{]/.test(layout.lines[layout.offset + line]!.slice(at));
};

/** The keys of a mapping block at a column, within [lo, hi): key -> line. Undefined when a key repeats. */
function keysAt(layout: Layout, col: number, lo: number, hi: number): Map<string, number> | undefined {
  const keys = new Map<string, number>();
  const { keyCol, key, item } = layout.scan;
  for (let i = lo; i < hi; i++) {
    if (keyCol[i] !== col) continue;
    // A key on a dash line deeper in belongs to a nested list item.
    if (item[i]! >= 0 && i !== lo) continue;
    if (keys.has(key[i]!)) return undefined;
    keys.set(key[i]!, i);
  }
  return keys;
}

/**
 * The edits that bring one mapping (the event's front matter, or a source)
 * from what the file says (`raw`) to what the canonical event says
 * (`want`), line by line: a field that is already right keeps its bytes; a
 * legacy key whose value is right is renamed in place; a changed field has
 * its lines rewritten; a field that goes is removed; a new one is added
 * after the mapping. Undefined when the mapping is not laid out plainly
 * enough to edit (the caller then writes the canonical layout).
 */
function editMapping(
  layout: Layout,
  raw: Record<string, unknown>,
  want: Record<string, unknown>,
  fields: readonly FieldSpelling[],
  range: { lo: number; hi: number; col: number; dash?: number },
  base: string,
  out: Splice[],
): boolean {
  const keys = keysAt(layout, range.col, range.lo, range.hi);
  if (!keys || keys.size !== Object.keys(raw).length || [...keys.keys()].some((k) => !Object.prototype.hasOwnProperty.call(raw, k))) return false;
  const { lines, offset } = layout;
  const indent = ' '.repeat(range.col);
  const pathOf = (key: string) => (base ? `${base}.${key}` : key);
  // A line of the mapping's block: the first key of a list item keeps the item's dash.
  const linesFor = (line: number, written: string[]) =>
    written.map((text, i) => (i === 0 && range.dash !== undefined && line === range.lo ? lines[offset + line]!.slice(0, range.col) : indent) + text);
  const handled = new Set<string>();
  for (const [key, line] of keys) {
    const end = blockEndIn(layout, line, range.col, range.hi);
    const splice = (written: string[], path = pathOf(key)) => out.push({ from: offset + line, to: offset + end, lines: keepComment(lines[offset + line]!, linesFor(line, written)), path, column: range.col + 1 });
    if (Object.prototype.hasOwnProperty.call(want, key)) {
      handled.add(key);
      if (sameData(raw[key], want[key])) continue;
      if (key === 'sources' && range.dash === undefined && editSources(layout, raw[key], want[key], line, end, out)) continue;
      splice(dumpYamlField(key, want[key], isFlow(layout, line)));
      continue;
    }
    // A legacy spelling of a field: renamed in place when its value is right, else rewritten.
    const field = aliasOf(fields, key);
    if (field && !Object.prototype.hasOwnProperty.call(raw, field.file) && Object.prototype.hasOwnProperty.call(want, field.file)) {
      handled.add(field.file);
      const text = lines[offset + line]!;
      const plainKey = text.startsWith(key, range.col) && /^\s*:/.test(text.slice(range.col + key.length));
      const renamed = text.slice(0, range.col) + field.file + text.slice(range.col + key.length);
      if (sameData(raw[key], want[field.file]) && plainKey) {
        // Only the key changes.
        out.push({ from: offset + line, to: offset + line + 1, lines: [renamed], path: pathOf(key), column: range.col + 1 });
      } else if (field.file === 'sources' && range.dash === undefined && plainKey && layout.scan.valueCol[line]! < 0) {
        // A legacy list of sources: the key renamed on its line, each item edited in place.
        const items: Splice[] = [];
        if (editSources(layout, raw[key], want[field.file], line, end, items)) {
          out.push({ from: offset + line, to: offset + line + 1, lines: [renamed], path: pathOf(key), column: range.col + 1 });
          append(out, items);
        } else splice(dumpYamlField(field.file, want[field.file], isFlow(layout, line)));
      } else splice(dumpYamlField(field.file, want[field.file], isFlow(layout, line)));
      continue;
    }
    // The first key of a list item cannot go without its dash: the caller rewrites the item.
    if (range.dash !== undefined && line === range.lo) return false;
    // Moved under extra, or dropped (an empty value): its lines go.
    splice([]);
  }
  const added = Object.keys(want).filter((k) => !handled.has(k));
  if (added.length) {
    if (range.dash !== undefined && range.hi === range.lo) return false;
    const at = offset + lastLine(layout.lines, layout.offset, range.lo, range.hi);
    out.push({ from: at, to: at, lines: added.flatMap((k) => dumpYamlField(k, want[k]).map((t) => indent + t)), path: pathOf(added[0]!), column: range.col + 1 });
  }
  return true;
}


/** Edits the items of a `sources` block list one by one; false when its layout is not plain. */
function editSources(layout: Layout, raw: unknown, want: unknown, keyLine: number, end: number, out: Splice[]): boolean {
  if (!Array.isArray(raw) || !Array.isArray(want) || raw.length !== want.length || isFlow(layout, keyLine)) return false;
  const { keyCol } = layout.scan;
  const { dash, starts } = listItems(layout.scan, keyLine, end);
  if (starts.length !== raw.length) return false;
  const mine: Splice[] = [];
  for (let n = 0; n < starts.length; n++) {
    const lo = starts[n]!;
    const hi = n + 1 < starts.length ? starts[n + 1]! : end;
    const r = raw[n];
    const w = want[n];
    if (sameData(r, w)) continue;
    if (!isRecord(r) || !isRecord(w) || keyCol[lo]! < 0) return false;
    if (!editMapping(layout, r, w, SOURCE_FIELDS, { lo, hi, col: keyCol[lo]!, dash }, `sources[${n}]`, mine)) {
      // The item as a whole, in the house layout, at its dash's column.
      const written = dumpYaml([w]).replace(/\n$/, '').split('\n');
      mine.push({ from: layout.offset + lo, to: layout.offset + lastLine(layout.lines, layout.offset, lo, hi), lines: written.map((t) => ' '.repeat(dash) + t), path: `sources[${n}]`, column: dash + 1 });
    }
  }
  append(out, mine);
  return true;
}

/** The outcome of {@link editEventFile}. */
export interface EditEventFileResult {
  /** The new text. */
  text: string;
  /** Each edit, in file order. */
  edits: FileEdit[];
}

/**
 * Brings an event file to a fixed event by editing only what differs:
 * every other byte (comments, key order, quoting, line wrapping) stays as
 * written. Works on Markdown and YAML files whose front matter is plain
 * block YAML; the result is read back and must give the fixed event
 * exactly, so an edit that would change anything else is never returned.
 *
 * @param whole - the file's text (a byte-order mark and CRLF line endings are kept)
 * @param fixed - the event it should hold
 * @param format - `md` or `yaml` (JSON files are not edited this way)
 * @returns the new text and its edits, or undefined when the file cannot be edited in place
 *
 * @example
 * ```ts
 * const text = "---\nid: 2025-11-06--x\n# kept\ndate: '2025-11-06'\ntitle: Old\nimportance: 5\ntags: [courts]\nactors: [Donald Trump]\nsources:\n- title: A\n  url: https://a.org/\n---\n\nBody.\n";
 * const edited = editEventFile(text, { ...parseEvent(text).event!, title: 'New' }, 'md');
 * [edited?.edits.map((e) => e.path), edited?.text.split('\n').slice(2, 5)];
 * // => [['title'], ['# kept', "date: '2025-11-06'", 'title: New']]
 * ```
 */
export function editEventFile(whole: string, fixed: Event, format: EventFormat): EditEventFileResult | undefined {
  if (format === 'json') return undefined;
  // A byte-order mark stays where it is; the text after it is edited.
  const bom = whole.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const original = bom ? whole.slice(1) : whole;
  // A file with CRLF line endings is edited as LF text and given them back;
  // one that mixes both is not edited in place.
  const crlfs = original.split('\r\n').length - 1;
  const crlf = crlfs > 0;
  if (crlf && crlfs !== original.split('\n').length - 1) return undefined;
  const text = crlf ? original.replace(/\r\n/g, '\n') : original;
  const lines = text.split('\n');
  let yamlText = text;
  let offset = 0;
  let body: { start: number; text: string } | undefined;
  if (format === 'md') {
    const parts = splitFrontMatter(text);
    if ('problem' in parts || parts.falseFence !== undefined) return undefined;
    yamlText = parts.yaml;
    offset = parts.yamlLine - 1;
    body = { start: parts.bodyLine - 1, text: parts.body };
  }
  const loaded = loadYaml(yamlText, 'lenient');
  if (!isRecord(loaded.value)) return undefined;
  const scan = scanYaml(yamlText);
  const layout: Layout = { lines, offset, count: scan.keyCol.length, scan };
  const want = eventToFileObject(fixed, format !== 'md');
  const splices: Splice[] = [];
  if (!editMapping(layout, loaded.value, want, EVENT_FIELDS, { lo: 0, hi: layout.count, col: 0 }, '', splices)) return undefined;
  if (body) {
    // The summary is the body, less the blank lines before it and the white space after it.
    const lead = /^(?:[ \t]*\n)*/.exec(body.text)![0];
    const current = body.text.slice(lead.length).trimEnd();
    if (current !== fixed.summary) {
      const from = body.start + (lead.match(/\n/g)?.length ?? 0);
      const to = from + current.split('\n').length;
      splices.push({ from, to, lines: fixed.summary.split('\n'), path: 'summary', column: 1 });
    }
  }
  if (!splices.length) return { text: whole, edits: [] };
  splices.sort((a, b) => a.from - b.from || a.to - b.to);
  for (let i = 1; i < splices.length; i++) if (splices[i]!.from < splices[i - 1]!.to) return undefined;
  const edits: FileEdit[] = [];
  const result: string[] = [];
  let at = 0;
  for (const s of splices) {
    for (let i = at; i < s.from; i++) result.push(lines[i]!);
    append(result, s.lines);
    edits.push({ line: s.from + 1, column: s.column, path: s.path, old: lines.slice(s.from, s.to).join('\n'), new: s.lines.join('\n') });
    at = s.to;
  }
  for (let i = at; i < lines.length; i++) result.push(lines[i]!);
  const out = bom + result.join(crlf ? '\r\n' : '\n');
  // The edit must mean exactly the fixed event, and nothing else.
  const back = parseEvent(out, { format, mode: 'lenient' });
  if (!back.event || !sameData(eventToFileObject(back.event, true), eventToFileObject(fixed, true))) return undefined;
  return { text: out, edits };
}
