/** A field path: keys and list indexes, e.g. `['sources', 1, 'url']`. */
export type FieldPath = readonly (string | number)[];

/** A 1-based position in a text. */
export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

/**
 * Writes a field path the way people read it: `sources[1].url`.
 *
 * @param path - keys and list indexes
 * @returns the dotted path
 *
 * @example
 * ```ts
 * formatPath(['sources', 1, 'url']);
 * // => 'sources[1].url'
 * ```
 */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

// A key at the start of a line's content: plain, "double" or 'single' quoted,
// followed by a colon and a space or the end of the line.
const KEY = /(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^\s#'"{[\]][^:#\n]*?))[ \t]*:(?:[ \t]+|(?=\n)|$)/y;

/** The scanned shape of YAML text: per line, where a list item, a key and a value start (-1: none). */
interface YamlLines {
  item: Int32Array;
  keyCol: Int32Array;
  valueCol: Int32Array;
  key: (string | undefined)[];
}

function scanYaml(text: string): YamlLines {
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
      if (first === 34 || first === 39) {
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
 * Scans block-style YAML (as most event files are) once and returns a
 * function that finds where a field is written, falling back to the nearest
 * enclosing field it can find.
 *
 * @param text - the YAML text
 * @returns path -> 1-based position of the value (or its key), or undefined
 */
export function yamlLocator(text: string): (path: FieldPath) => Position | undefined {
  const { item, keyCol, valueCol, key } = scanYaml(text);

  /** Where a field's value is, and the block of lines inside it. */
  interface Scope {
    start: number;
    end: number;
    parentCol: number;
    /** The dash line of a list item, whose first key sits on the same line. */
    itemLine: number;
    found?: Position;
  }

  const step = (scope: Scope, part: string | number): Scope | undefined => {
    const { start, end, parentCol, itemLine } = scope;
    let hit = -1;
    if (typeof part === 'string') {
      let best = Infinity;
      for (let i = start; i < end; i++) {
        if (keyCol[i]! > parentCol && keyCol[i]! < best && key[i] === part) {
          best = keyCol[i]!;
          hit = i;
        }
      }
      if (hit === -1) return undefined;
      const col = keyCol[hit]!;
      let stop = hit + 1;
      while (stop < end) {
        if ((keyCol[stop]! >= 0 && keyCol[stop]! <= col && item[stop]! < 0) || (item[stop]! >= 0 && item[stop]! < col)) break;
        stop++;
      }
      const found = { line: hit + 1, column: (valueCol[hit]! >= 0 ? valueCol[hit]! : col) + 1 };
      return { start: hit + 1, end: stop, parentCol: col, itemLine: -1, found };
    }
    let dash = Infinity;
    for (let i = start; i < end; i++) {
      if (item[i]! >= 0 && item[i]! >= parentCol && i !== itemLine && item[i]! < dash) dash = item[i]!;
    }
    let count = -1;
    for (let i = start; i < end; i++) {
      if (item[i] === dash && i !== itemLine && ++count === part) {
        hit = i;
        break;
      }
    }
    if (hit === -1) return undefined;
    let stop = hit + 1;
    while (stop < end && !(item[stop]! >= 0 && item[stop]! <= dash)) stop++;
    const found = { line: hit + 1, column: (valueCol[hit]! >= 0 ? valueCol[hit]! : dash) + 1 };
    return { start: hit, end: stop, parentCol: dash, itemLine: hit, found };
  };

  // Issues in one file share prefixes (sources[2].outlet, sources[2].type):
  // each prefix is resolved once.
  const memo = new Map<string, Scope | undefined>();
  const root: Scope = { start: 0, end: item.length, parentCol: -1, itemLine: -1 };
  return (path) => {
    let scope = root;
    let prefix = '';
    for (const part of path) {
      prefix += `\u0000${part}`;
      let next = memo.get(prefix);
      if (next === undefined && !memo.has(prefix)) {
        next = step(scope, part);
        memo.set(prefix, next);
      }
      if (next === undefined) break;
      scope = next;
    }
    return scope.found;
  };
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\t' || text[i] === '\r')) i++;
  return i;
}

function skipString(text: string, i: number): number {
  i++;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

function skipValue(text: string, i: number): number {
  const ch = text[i];
  if (ch === '"') return skipString(text, i);
  if (ch === '{' || ch === '[') {
    let depth = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i = skipString(text, i);
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return i;
  }
  while (i < text.length && !/[,\]}\s]/.test(text[i]!)) i++;
  return i;
}

/**
 * Finds where a field's value starts in a JSON text.
 *
 * @param text - valid JSON
 * @param path - the field
 * @returns the 1-based position of the value (or of the deepest parent found)
 */
export function locateInJson(text: string, path: FieldPath): Position | undefined {
  let i = skipSpace(text, 0);
  let found: number | undefined;
  for (const part of path) {
    const open = text[i];
    let hit = -1;
    if (open === '{' && typeof part === 'string') {
      i = skipSpace(text, i + 1);
      while (i < text.length && text[i] === '"') {
        const keyEnd = skipString(text, i);
        let key: unknown;
        try {
          key = JSON.parse(text.slice(i, keyEnd));
        } catch {
          return undefined;
        }
        i = skipSpace(text, keyEnd) + 1; // past ':'
        i = skipSpace(text, i);
        if (key === part) hit = i;
        i = skipSpace(text, skipValue(text, i));
        if (text[i] === ',') i = skipSpace(text, i + 1);
      }
      // Duplicate keys: JSON.parse keeps the last, and so does this.
    } else if (open === '[' && typeof part === 'number') {
      i = skipSpace(text, i + 1);
      for (let n = 0; i < text.length && text[i] !== ']'; n++) {
        if (n === part) {
          hit = i;
          break;
        }
        i = skipSpace(text, skipValue(text, i));
        if (text[i] === ',') i = skipSpace(text, i + 1);
      }
    }
    if (hit === -1) break;
    found = hit;
    i = hit;
  }
  if (found === undefined) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < found; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: found - lineStart + 1 };
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
