import type { Event } from '../model/event.js';
import { EVENT_FIELDS, SOURCE_FIELDS, type FieldSpelling } from '../model/fieldTable.js';
import { isRecord } from '../model/fieldPath.js';
import { sameData } from '../model/sameData.js';
import { parseEvent } from '../parse/parseEvent.js';
import { eventToFileObject } from '../parse/stringifyEvent.js';
import { positionAt } from '../parse/text.js';
import type { EditEventFileResult, FileEdit } from './editFile.js';

/** Where a JSON value is in the text, and for a container where its parts are. */
interface Span {
  start: number;
  end: number;
  /** For an object: its members, in order. */
  members?: { key: string; keyStart: number; keyEnd: number; value: Span }[];
  /** For an array: its items. */
  items?: Span[];
}

/** Deeper than any event file: a value nested past it is not edited in place. */
const MAX_DEPTH = 64;

/** Spans of valid JSON; undefined for nesting past the limit, and for a repeated key, which `repeated` then names. */
function spans(text: string, found: { repeated?: string } = {}): Span | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\t' || text[i] === '\r')) i++;
  };
  const string = () => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (depth: number): Span | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const members: NonNullable<Span['members']> = [];
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return { start, end: i, members };
      }
      for (;;) {
        ws();
        const keyStart = i;
        const key = string();
        if (seen.has(key)) {
          found.repeated = key;
          return undefined;
        }
        seen.add(key);
        const keyEnd = i;
        ws();
        i++; // ':'
        const v = value(depth + 1);
        if (!v) return undefined;
        members.push({ key, keyStart, keyEnd, value: v });
        ws();
        if (text[i++] === '}') return { start, end: i, members };
      }
    }
    if (c === '[') {
      i++;
      const items: Span[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { start, end: i, items };
      }
      for (;;) {
        const v = value(depth + 1);
        if (!v) return undefined;
        items.push(v);
        ws();
        if (text[i++] === ']') return { start, end: i, items };
      }
    }
    if (c === '"') string();
    else while (i < text.length && !/[,\]}\s]/.test(text[i]!)) i++;
    return { start, end: i };
  };
  return value(0);
}

/**
 * The first key a JSON text gives twice in one object, if any: JSON.parse
 * keeps the last value, so a writer that starts from what it read would
 * drop the others.
 *
 * @param text - valid JSON
 * @returns the key, or undefined
 *
 * @example
 * ```ts
 * repeatedJsonKey('{"sources": [], "title": "x", "sources": [1]}');
 * // => 'sources'
 * ```
 */
export function repeatedJsonKey(text: string): string | undefined {
  const found: { repeated?: string } = {};
  spans(text, found);
  return found.repeated;
}

/** How a container writes its parts: on lines of their own (with an indent), or on one line (with or without blanks). */
interface Style {
  multiline: boolean;
  /** The indent of the container's own line. */
  indent: string;
  /** One level of indent. */
  unit: string;
  /** Blanks after `:` and `,`, and inside braces, on one line. */
  spaced: boolean;
}

const lineIndent = (text: string, at: number) => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', at - 1) + 1))![0];

function styleOf(text: string, node: Span, parent?: Style): Style {
  const first = node.members?.[0]?.keyStart ?? node.items?.[0]?.start;
  const multiline = first !== undefined ? text.slice(node.start, first).includes('\n') : (parent?.multiline ?? true);
  const indent = lineIndent(text, node.start);
  const unit = first !== undefined && multiline ? lineIndent(text, first).slice(indent.length) || '  ' : (parent?.unit ?? '  ');
  const inner = text.slice(node.start, node.end);
  return { multiline, indent, unit, spaced: multiline || /[:,] /.test(inner) || /^[{[] /.test(inner) };
}

/** A value written the way its container writes values. */
function write(value: unknown, style: Style, depth: number): string {
  if (style.multiline) {
    const pad = style.indent + style.unit.repeat(depth);
    return JSON.stringify(value, null, style.unit).replace(/\n/g, `\n${pad}`);
  }
  if (!style.spaced || value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return value.length ? `[${value.map((v) => write(v, style, depth)).join(', ')}]` : '[]';
  const entries = Object.entries(value);
  return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${write(v, style, depth)}`).join(', ')} }` : '{}';
}

/** A replacement of text [start, end) by new text, with the field it is for. */
interface Change {
  start: number;
  end: number;
  text: string;
  path: string;
}

const aliasOf = (fields: readonly FieldSpelling[], key: string) => fields.find((f) => f.aliases?.some((a) => a.key === key));
const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** The changes that bring one object of the file to what the fixed event says, member by member; false when they cannot be made in place. */
function editObject(text: string, node: Span, raw: Record<string, unknown>, want: Record<string, unknown>, fields: readonly FieldSpelling[], base: string, parent: Style | undefined, out: Change[]): boolean {
  const members = node.members!;
  const style = styleOf(text, node, parent);
  const valueStyle: Style = { ...style, indent: style.indent + style.unit };
  const pathOf = (key: string) => (base ? `${base}.${key}` : key);
  const handled = new Set<string>();
  const replaceValue = (m: (typeof members)[number], value: unknown, key: string) => out.push({ start: m.value.start, end: m.value.end, text: write(value, valueStyle, 0), path: pathOf(key) });
  const editValue = (m: (typeof members)[number], key: string, from: unknown, to: unknown) => {
    if (sameData(from, to)) return;
    if (key === 'sources' && !base && Array.isArray(from) && Array.isArray(to) && from.length === to.length && m.value.items?.length === from.length) {
      const listStyle = styleOf(text, m.value, valueStyle);
      m.value.items.forEach((item, n) => {
        const r = from[n];
        const w = to[n];
        if (sameData(r, w)) return;
        if (item.members && isRecord(r) && isRecord(w) && editObject(text, item, r, w, SOURCE_FIELDS, `sources[${n}]`, { ...listStyle, indent: listStyle.indent + listStyle.unit }, out)) return;
        out.push({ start: item.start, end: item.end, text: write(w, { ...listStyle, indent: listStyle.indent + listStyle.unit }, 0), path: `sources[${n}]` });
      });
      return;
    }
    replaceValue(m, to, key);
  };
  members.forEach((m, index) => {
    const key = m.key;
    if (has(want, key)) {
      handled.add(key);
      editValue(m, key, raw[key], want[key]);
      return;
    }
    // A legacy spelling: the key renamed where it stands, its value edited if it must be.
    const field = aliasOf(fields, key);
    if (field && !has(raw, field.file) && has(want, field.file)) {
      handled.add(field.file);
      out.push({ start: m.keyStart, end: m.keyEnd, text: JSON.stringify(field.file), path: pathOf(key) });
      editValue(m, field.file, raw[key], want[field.file]);
      return;
    }
    // Moved under extra, or dropped: the member goes, with one comma.
    const start = index > 0 ? members[index - 1]!.value.end : m.keyStart;
    const end = index > 0 ? m.value.end : index + 1 < members.length ? members[index + 1]!.keyStart : m.value.end;
    out.push({ start, end, text: '', path: pathOf(key) });
  });
  const added = Object.keys(want).filter((k) => !handled.has(k));
  if (added.length) {
    const written = added.map((k) => `${JSON.stringify(k)}: ${write(want[k], valueStyle, 0)}`);
    const kept = members.filter((m) => has(want, m.key) || aliasOf(fields, m.key));
    const last = kept.length ? kept[kept.length - 1]!.value.end : undefined;
    const sep = style.multiline ? `,\n${valueStyle.indent}` : style.spaced ? ', ' : ',';
    if (last !== undefined) out.push({ start: last, end: last, text: sep + written.join(sep), path: pathOf(added[0]!) });
    else {
      // Every member goes or there were none: the object is written anew.
      out.push({ start: node.start, end: node.end, text: write(Object.fromEntries(Object.keys(want).map((k) => [k, want[k]])), style, 0), path: base });
    }
  }
  return true;
}

/**
 * Brings a JSON event file to a fixed event by editing only what differs,
 * as {@link editEventFile} does for Markdown and YAML: members that are
 * right keep their bytes, key order and layout; a legacy key is renamed
 * where it stands; a changed value is rewritten in the file's own style
 * (indent, one line or several); a key that goes is removed with its
 * comma; new keys come last. The result is read back and must give the
 * fixed event exactly. Undefined when the file cannot be edited so (a
 * repeated key, not an object, nesting past 64 levels).
 *
 * @param whole - the file's text
 * @param fixed - the event it should hold
 * @returns the new text and its edits, or undefined
 *
 * @example
 * ```ts
 * const text = '{\n  "id": "2025-11-06--x",\n  "date": "2025-11-06",\n  "title": "A",\n  "summary": "Body.",\n  "importance": 5,\n  "tags": ["courts"],\n  "actors": [],\n  "sources": [{ "title": "A", "outlet": "Axios" }]\n}\n';
 * const { event: fixed } = parseEvent(text, { format: 'json', mode: 'lenient' });
 * editJsonFile(text, fixed!)?.text === text.replace('"outlet"', '"publisher"');
 * // => true
 * ```
 */
export function editJsonFile(whole: string, fixed: Event): EditEventFileResult | undefined {
  const bom = whole.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const text = bom ? whole.slice(1) : whole;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const root = spans(text);
  if (!root?.members || !isRecord(raw)) return undefined;
  const changes: Change[] = [];
  if (!editObject(text, root, raw, eventToFileObject(fixed, true), EVENT_FIELDS, '', undefined, changes)) return undefined;
  if (!changes.length) return { text: whole, edits: [] };
  changes.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let k = 1; k < changes.length; k++) if (changes[k]!.start < changes[k - 1]!.end) return undefined;
  const parts: string[] = [];
  const edits: FileEdit[] = [];
  let at = 0;
  for (const c of changes) {
    parts.push(text.slice(at, c.start), c.text);
    const { line, column } = positionAt(text, c.start);
    edits.push({ line, column, path: c.path, old: text.slice(c.start, c.end), new: c.text });
    at = c.end;
  }
  parts.push(text.slice(at));
  const out = bom + parts.join('');
  // The edit must mean exactly the fixed event, and nothing else.
  const back = parseEvent(out, { format: 'json', mode: 'lenient' });
  if (!back.event || !sameData(eventToFileObject(back.event, true), eventToFileObject(fixed, true))) return undefined;
  return { text: out, edits };
}
