import type { Locator, Position } from '../model/fieldPath.js';
import { positionAt } from './text.js';

// A key at the start of a line's content: plain, "double" or 'single' quoted,
// followed by a colon and a space or the end of the line.
const KEY = /(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^\s#'"{[\]][^:#\n]*?))[ \t]*:(?:[ \t]+|(?=\n)|$)/y;

/** The scanned shape of YAML text: per line, where a list item, a key and a value start (-1: none). */
export interface YamlLines {
  item: Int32Array;
  keyCol: Int32Array;
  valueCol: Int32Array;
  key: (string | undefined)[];
}

/**
 * Scans block-style YAML line by line: where each line's list item, key
 * and value start. Linear in the text.
 *
 * @param text - YAML text
 * @returns per line (0-based): item dash column, key column, value column, key
 */
export function scanYaml(text: string): YamlLines {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  const lines: YamlLines = { item: new Int32Array(count).fill(-1), keyCol: new Int32Array(count).fill(-1), valueCol: new Int32Array(count).fill(-1), key: new Array(count) };
  let start = 0;
  for (let n = 0; n < count; n++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let i = start;
    while (i < end && text.charCodeAt(i) === 32) i++;
    if (i < end && text[i] !== '#') {
      if (text[i] === '-' && (i + 1 === end || text[i + 1] === ' ')) {
        lines.item[n] = i - start;
        i++;
        while (i < end && text.charCodeAt(i) === 32) i++;
        if (i < end) lines.valueCol[n] = i - start;
      }
      const first = text.charCodeAt(i);
      if (first === 63 && (i + 1 === end || text.charCodeAt(i + 1) === 32)) {
        // An explicit key, `? title`, its value on a `: ` line below: the
        // key line is the field's line. Only a plain or quoted one-line key.
        const name = text.slice(i + 1, end).replace(/\s+#.*$/, '').trim();
        const quoted = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)')$/.exec(name);
        const key = quoted ? (quoted[1] ?? quoted[2]!.replace(/''/g, "'")) : /^[^\s#'"{[\]!&*|>%@`][^#]*$/.test(name) && !/:(?:\s|$)/.test(name) ? name : undefined;
        if (key !== undefined && key !== '') {
          lines.keyCol[n] = i - start;
          lines.key[n] = key;
        }
      } else if (first === 58 && (i + 1 === end || text.charCodeAt(i + 1) === 32)) {
        // The value line of an explicit key: no key of its own.
        let v = i + 1;
        while (v < end && text.charCodeAt(v) === 32) v++;
        lines.valueCol[n] = v < end && text.charCodeAt(v) !== 35 ? v - start : -1;
      } else if (first === 34 || first === 39) {
        // A quoted key: rare enough for a regular expression.
        KEY.lastIndex = i;
        const match = KEY.exec(text);
        if (match && KEY.lastIndex <= end) {
          lines.keyCol[n] = i - start;
          lines.key[n] = match[1] ?? match[2]?.replace(/''/g, "'") ?? match[3]!;
          const valueAt = KEY.lastIndex;
          lines.valueCol[n] = valueAt < end && text[valueAt] !== '#' ? valueAt - start : -1;
        }
      } else if (i < end && first !== 35 && first !== 123 && first !== 91 && first !== 93) {
        // A plain key runs to the first ':' that ends the line or is followed
        // by a blank; a '#' or another ':' first means this is no key.
        let j = i;
        while (j < end) {
          const c = text.charCodeAt(j);
          if (c === 35) break;
          if (c === 58) {
            const next = j + 1 < end ? text.charCodeAt(j + 1) : -1;
            if (next === -1 || next === 32 || next === 9) {
              let k = j;
              while (k > i && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
              lines.keyCol[n] = i - start;
              lines.key[n] = text.slice(i, k);
              let v = j + 1;
              while (v < end && (text.charCodeAt(v) === 32 || text.charCodeAt(v) === 9)) v++;
              lines.valueCol[n] = v < end && text.charCodeAt(v) !== 35 ? v - start : -1;
            }
            break;
          }
          j++;
        }
      }
    }
    start = end + 1;
  }
  return lines;
}

/**
 * The first key given twice in one mapping of block-style YAML, with its
 * 0-based line and column: the scan js-yaml does not give (it says only that
 * some key repeats, past where). Linear in the text.
 *
 * @param text - YAML text
 * @returns the repeated key and where its second writing is, or undefined
 *
 * @example
 * ```ts
 * repeatedYamlKey('a: 1\nb:\n  c: 2\n  c: 3\n');
 * // => { key: 'c', line: 3, column: 2 }
 * ```
 */
export function repeatedYamlKey(text: string): { key: string; line: number; column: number } | undefined {
  const { item, keyCol, key } = scanYaml(text);
  const stack: { col: number; keys: Set<string> }[] = [];
  for (let n = 0; n < keyCol.length; n++) {
    const k = keyCol[n]!;
    const dash = item[n]!;
    if (dash >= 0) {
      // A list item opens a mapping of its own.
      while (stack.length && stack[stack.length - 1]!.col > dash) stack.pop();
      if (k >= 0) stack.push({ col: k, keys: new Set([key[n]!]) });
      continue;
    }
    if (k < 0) continue;
    while (stack.length && stack[stack.length - 1]!.col > k) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.col === k) {
      if (top.keys.has(key[n]!)) return { key: key[n]!, line: n, column: k };
      top.keys.add(key[n]!);
    } else stack.push({ col: k, keys: new Set([key[n]!]) });
  }
  return undefined;
}

/** Paths are followed this deep at most; deeper parts resolve to the enclosing field. */
const MAX_LOCATE_DEPTH = 8;

/**
 * Scans block-style YAML (as most event files are) once and returns a
 * function that finds where a field is written, falling back to the nearest
 * enclosing field it can find. Each block's keys and list items are indexed
 * the first time a path enters it, so locating many fields stays linear in
 * the size of the text.
 *
 * @param text - the YAML text
 * @param lineOffset - lines before the text in its file (front matter starts after one), added to every line
 * @returns path -> 1-based position of the value (or its key), or undefined
 */
export function yamlLocator(text: string, lineOffset = 0): Locator {
  // Scanned on the first question: a file nobody asks about costs nothing.
  let locate: Locator | undefined;
  return (path) => (locate ??= scannedLocator(text, lineOffset))(path);
}

function scannedLocator(text: string, lineOffset: number): Locator {
  const { item, keyCol, valueCol, key } = scanYaml(text);

  /** Where a field's value is, and the block of lines inside it. */
  interface Scope {
    start: number;
    /** Where the block ends: -1 until a path goes inside it (a field looked up itself needs only its position). */
    end: number;
    /** Where the enclosing block ends, the most this one can reach. */
    limit: number;
    parentCol: number;
    /** The dash line of a list item, whose first key sits on the same line. */
    itemLine: number;
    found?: Position;
    /** Each key in the block: the line where it is written least indented (the first of those). */
    keys?: Map<string, number>;
    /** The list items of the block: the column of their dashes and their lines. */
    items?: { dash: number; lines: number[] };
    /** The scopes found inside, by key or item number (undefined: not there). */
    inner?: Map<string | number, Scope | undefined>;
  }

  const keysOf = (scope: Scope): Map<string, number> => {
    if (scope.keys) return scope.keys;
    const keys = new Map<string, number>();
    for (let i = scope.start; i < scope.end; i++) {
      const col = keyCol[i]!;
      if (col <= scope.parentCol) continue;
      const name = key[i]!;
      const best = keys.get(name);
      if (best === undefined || col < keyCol[best]!) keys.set(name, i);
    }
    return (scope.keys = keys);
  };

  /** What keysOf(scope).get(name) gives, by a pass over a small scope, with no map. */
  const findKey = (scope: Scope, name: string): number | undefined => {
    let best: number | undefined;
    for (let i = scope.start; i < scope.end; i++) {
      const col = keyCol[i]!;
      if (col > scope.parentCol && key[i] === name && (best === undefined || col < keyCol[best]!)) best = i;
    }
    return best;
  };

  const itemsOf = (scope: Scope): { dash: number; lines: number[] } => {
    if (scope.items) return scope.items;
    const { start, end, parentCol, itemLine } = scope;
    let dash = Infinity;
    for (let i = start; i < end; i++) {
      if (item[i]! >= 0 && item[i]! >= parentCol && i !== itemLine && item[i]! < dash) dash = item[i]!;
    }
    const lines: number[] = [];
    for (let i = start; i < end; i++) if (item[i] === dash && i !== itemLine) lines.push(i);
    return (scope.items = { dash, lines });
  };

  /** Measures a block the first time a path goes inside it. */
  const enter = (scope: Scope): Scope => {
    if (scope.end !== -1) return scope;
    const { limit, parentCol: col } = scope;
    let stop = scope.itemLine === -1 ? scope.start : scope.itemLine + 1;
    if (scope.itemLine === -1) {
      // A key's block ends at the next key no deeper than it, or a list item to its left.
      while (stop < limit && !((keyCol[stop]! >= 0 && keyCol[stop]! <= col && item[stop]! < 0) || (item[stop]! >= 0 && item[stop]! < col))) stop++;
    } else {
      // An item's block ends at the next line whose dash is at or left of its own.
      while (stop < limit && !(item[stop]! >= 0 && item[stop]! <= col)) stop++;
    }
    scope.end = stop;
    return scope;
  };

  const step = (scope: Scope, part: string | number): Scope | undefined => {
    const { end } = scope;
    if (typeof part === 'string') {
      const hit = scope.end - scope.start <= 32 ? findKey(scope, part) : keysOf(scope).get(part);
      if (hit === undefined) return undefined;
      const col = keyCol[hit]!;
      const found = { line: hit + 1 + lineOffset, column: (valueCol[hit]! >= 0 ? valueCol[hit]! : col) + 1 };
      return { start: hit + 1, end: -1, limit: end, parentCol: col, itemLine: -1, found };
    }
    const { dash, lines } = itemsOf(scope);
    const hit = lines[part];
    if (hit === undefined) return undefined;
    const found = { line: hit + 1 + lineOffset, column: (valueCol[hit]! >= 0 ? valueCol[hit]! : dash) + 1 };
    return { start: hit, end: -1, limit: end, parentCol: dash, itemLine: hit, found };
  };

  // Issues in one file share prefixes (sources[2].outlet, sources[2].type):
  // each scope keeps the scopes found inside it, so a prefix is resolved once.
  const root: Scope = { start: 0, end: item.length, limit: item.length, parentCol: -1, itemLine: -1 };
  return (path) => {
    let scope = root;
    const depth = Math.min(path.length, MAX_LOCATE_DEPTH);
    for (let k = 0; k < depth; k++) {
      const part = path[k]!;
      const inner = (scope.inner ??= new Map());
      let next = inner.get(part);
      if (next === undefined && !inner.has(part)) {
        next = step(enter(scope), part);
        inner.set(part, next);
      }
      if (next === undefined) break;
      scope = next;
    }
    return scope.found;
  };
}

/** The offsets where each line of a text starts, for offset -> line and column by binary search. */
export function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** A JSON value's offset, and for a container the offsets of its members. */
interface JsonNode {
  at: number;
  members?: Map<string, JsonNode> | JsonNode[];
}

/**
 * Indexes valid JSON text in one pass: every value's offset, by path. Built
 * once per file, so locating many fields never re-reads the text.
 */
function indexJson(text: string): JsonNode | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 9 && c !== 13) break;
      i++;
    }
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  // An explicit stack: deep nesting cannot exhaust the call stack.
  ws();
  const root: JsonNode = { at: i };
  const stack: { node: JsonNode; object: boolean }[] = [];
  let pending: JsonNode | undefined = root;
  while (pending) {
    const node: JsonNode = pending;
    pending = undefined;
    const c = text[i];
    if (c === '{' || c === '[') {
      const object = c === '{';
      node.members = object ? new Map() : [];
      stack.push({ node, object });
      i++;
    } else if (c === '"') string();
    else while (i < text.length && !/[,\]}\s]/.test(text[i]!)) i++;
    // Close finished containers, then find the next value.
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (!top) return root;
      if (text[i] === ',') {
        i++;
        ws();
      } else if (text[i] === '}' || text[i] === ']') {
        i++;
        stack.pop();
        continue;
      }
      if (top.object) {
        if (text[i] !== '"') return root;
        const name = string();
        ws();
        i++; // ':'
        ws();
        const child: JsonNode = { at: i };
        // Duplicate keys: JSON.parse keeps the last, and so does this.
        (top.node.members as Map<string, JsonNode>).set(name, child);
        pending = child;
      } else {
        const child: JsonNode = { at: i };
        (top.node.members as JsonNode[]).push(child);
        pending = child;
      }
      break;
    }
  }
  return root;
}

/**
 * Returns a function that finds where a field's value starts in a JSON
 * text: the text is indexed once, on the first call.
 *
 * @param text - valid JSON
 * @returns path -> the 1-based position of the value (or of the deepest parent found)
 */
export function jsonLocator(text: string): Locator {
  let root: JsonNode | undefined;
  let position: ((offset: number) => Position) | undefined;
  return (path) => {
    root ??= indexJson(text);
    position ??= lineIndex(text);
    let node = root;
    let found: number | undefined;
    for (const part of path.slice(0, MAX_LOCATE_DEPTH)) {
      const members = node?.members;
      const next: JsonNode | undefined =
        members instanceof Map ? (typeof part === 'string' ? members.get(part) : undefined) : Array.isArray(members) && typeof part === 'number' ? members[part] : undefined;
      if (!next) break;
      node = next;
      found = next.at;
    }
    return found === undefined ? undefined : position(found);
  };
}

/**
 * The offset of the first character that makes a text invalid JSON, for
 * error messages (JSON.parse does not always say where).
 *
 * @param text - text that JSON.parse refused
 * @returns the offset of the first bad character (text.length when it ends too soon)
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) if (text[i++] !== ch) (i--, fail());
  };
  const string = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else {
      const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += m![0].length;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
  } catch (at) {
    if (typeof at === 'number') return Math.min(at, text.length);
    throw at;
  }
  return text.length;
}

/**
 * Where an event file writes its `id`, found cheaply: the first line that
 * starts with `id:` in YAML and Markdown (before the body), the first `"id":`
 * in JSON; the cost is the distance to it. For the loader's identity issues.
 *
 * @param text - the file's text
 * @param format - `md`, `yaml` or `json`
 * @returns the position of the id's value, or undefined
 */
export function locateId(text: string, format: 'md' | 'yaml' | 'json'): Position | undefined {
  const match = format === 'json' ? /"id"[ \t\r\n]*:[ \t\r\n]*/.exec(text) : /^id[ \t]*:[ \t]*/m.exec(text);
  return match ? positionAt(text, match.index + match[0].length) : undefined;
}
