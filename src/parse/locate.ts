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
 */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

interface YamlLine {
  /** Column of the `- ` that starts a list item on this line, or -1. */
  item: number;
  /** Column where the key starts, or -1. */
  keyCol: number;
  /** The key, unquoted. */
  key: string;
  /** Column of the value after `key:`, or of the item content, or -1. */
  valueCol: number;
}

const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{[\]][^:#]*?))[ \t]*:(?:[ \t]+|$)/;

function scanYamlLine(text: string): YamlLine {
  let col = 0;
  while (text[col] === ' ') col++;
  const out: YamlLine = { item: -1, keyCol: -1, key: '', valueCol: -1 };
  if (col >= text.length || text[col] === '#') return out;
  if (text[col] === '-' && (text[col + 1] === ' ' || col + 1 === text.length)) {
    out.item = col;
    col += 1;
    while (text[col] === ' ') col++;
    out.valueCol = col < text.length ? col : -1;
  }
  const match = KEY.exec(text.slice(col));
  if (match) {
    out.keyCol = col;
    out.key = match[1] ?? match[2]?.replace(/''/g, "'") ?? match[3]!;
    const valueCol = col + match[0].length;
    out.valueCol = valueCol < text.length && text[valueCol] !== '#' ? valueCol : -1;
  }
  return out;
}

/**
 * Finds where a field is written in block-style YAML, as most event files
 * are. Falls back to the nearest enclosing field it can find.
 *
 * @param text - the YAML text
 * @param path - the field
 * @returns the 1-based position of the value (or its key), or undefined
 */
export function locateInYaml(text: string, path: FieldPath): Position | undefined {
  const lines = text.split('\n').map(scanYamlLine);
  let start = 0;
  let end = lines.length;
  let parentCol = -1;
  let found: Position | undefined;
  for (const part of path) {
    let hit = -1;
    if (typeof part === 'string') {
      let best = Infinity;
      for (let i = start; i < end; i++) {
        const l = lines[i]!;
        if (l.keyCol > parentCol && l.keyCol < best && l.key === part) {
          best = l.keyCol;
          hit = i;
        }
      }
      if (hit === -1) break;
      const col = lines[hit]!.keyCol;
      found = { line: hit + 1, column: (lines[hit]!.valueCol >= 0 ? lines[hit]!.valueCol : col) + 1 };
      let stop = hit + 1;
      while (stop < end) {
        const l = lines[stop]!;
        if ((l.keyCol >= 0 && l.keyCol <= col && l.item < 0) || (l.item >= 0 && l.item < col)) break;
        stop++;
      }
      start = hit + 1;
      end = stop;
      parentCol = col;
    } else {
      let dash = Infinity;
      for (let i = start; i < end; i++) {
        const item = lines[i]!.item;
        if (item > parentCol - 1 && item < dash) dash = item;
      }
      let count = -1;
      for (let i = start; i < end; i++) {
        if (lines[i]!.item === dash && ++count === part) {
          hit = i;
          break;
        }
      }
      if (hit === -1) break;
      found = { line: hit + 1, column: (lines[hit]!.valueCol >= 0 ? lines[hit]!.valueCol : dash) + 1 };
      let stop = hit + 1;
      while (stop < end && !(lines[stop]!.item >= 0 && lines[stop]!.item <= dash)) stop++;
      start = hit;
      end = stop;
      parentCol = dash;
      // The first key of an item sits on the dash line itself.
      lines[hit] = { ...lines[hit]!, item: -1 };
    }
  }
  return found;
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
