/** Where one record of a dataset file is: its bytes and the position it starts at. */
export interface RecordSpan {
  /** Offset of its first byte. */
  start: number;
  /** Offset after its last byte. */
  end: number;
  /** 1-based line where it starts. */
  line: number;
  /** 1-based column (in characters) where it starts. */
  column: number;
}

/** The records of a dataset file, and what stopped the split when the file is not whole. */
export interface DatasetRecords {
  /** Every record found, in file order. */
  records: RecordSpan[];
  /** Why the rest of the file could not be split (a truncated file, a missing comma): the records before it stand. */
  problem?: { line: number; column: number; message: string };
}

/** The two layouts of a dataset file: a JSON list of events (`events.json`), or one JSON document a line (`events.ndjson`). */
export type DatasetLayout = 'json' | 'ndjson';

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;

/** The offset after a UTF-8 byte-order mark, or 0. */
const afterBom = (b: Uint8Array) => (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0);

/**
 * Splits the bytes of a dataset file into records without parsing them, in
 * one pass: each item of a JSON list, or each non-blank line of NDJSON.
 * Each record can then be read, and refused, on its own, so one bad record
 * never costs the others, and a file cut short keeps every record before
 * the cut. Linear in the size of the file, whatever it holds.
 *
 * @param bytes - the file's bytes (UTF-8)
 * @param layout - `json` (a list) or `ndjson`
 * @returns the records' spans, and the problem that ended the split early
 *
 * @example
 * ```ts
 * splitDataset(new TextEncoder().encode('[\n  {"id": "a"},\n  {"id": "b"\n'), 'json');
 * // => { records: [{ start: 4, end: 15, line: 2, column: 3 }], problem: { line: 3, column: 3, message: 'the file ends inside item 2 (cut short?)' } }
 * ```
 */
export function splitDataset(bytes: Uint8Array, layout: DatasetLayout): DatasetRecords {
  return layout === 'ndjson' ? splitLines(bytes) : splitList(bytes);
}

/** Every non-blank line is a record. */
function splitLines(b: Uint8Array): DatasetRecords {
  const records: RecordSpan[] = [];
  let line = 1;
  for (let start = afterBom(b); start <= b.length; line++) {
    let end = b.indexOf(LF, start);
    if (end === -1) end = b.length;
    let last = end;
    if (last > start && b[last - 1] === CR) last--;
    let first = start;
    while (first < last && (b[first] === SPACE || b[first] === TAB)) first++;
    if (first < last) records.push({ start: first, end: last, line, column: first - start + 1 });
    start = end + 1;
  }
  return { records };
}

/** The items of a JSON list, found by depth and string state. */
function splitList(b: Uint8Array): DatasetRecords {
  const records: RecordSpan[] = [];
  let i = afterBom(b);
  let line = 1;
  let lineStart = i;
  // Columns count characters (UTF-8 continuation bytes are not counted),
  // from the last column measured on the same line: one long line of items
  // is still read once.
  let measuredLine = -1;
  let measuredAt = 0;
  let measured = 1;
  const columnAt = (offset: number) => {
    if (measuredLine !== lineStart || offset < measuredAt) {
      measuredLine = lineStart;
      measuredAt = lineStart;
      measured = 1;
    }
    for (; measuredAt < offset; measuredAt++) if ((b[measuredAt]! & 0xc0) !== 0x80) measured++;
    return measured;
  };
  const skipSpace = () => {
    for (; i < b.length; i++) {
      const c = b[i]!;
      if (c === LF) {
        line++;
        lineStart = i + 1;
      } else if (c !== SPACE && c !== TAB && c !== CR) break;
    }
  };
  const fail = (message: string): DatasetRecords => ({ records, problem: { line, column: columnAt(i), message } });
  skipSpace();
  if (b[i] !== OPEN_LIST) return fail(i >= b.length ? 'the file is empty: expected a JSON list of events' : 'expected a JSON list of events, starting with [');
  i++;
  for (let n = 1; ; n++) {
    skipSpace();
    if (i >= b.length) return fail(`the file ends before the list is closed (cut short?)`);
    if (b[i] === CLOSE_LIST) {
      if (n > 1) return fail('a comma before ]: expected another item');
      break;
    }
    const start = i;
    const at = { line, column: columnAt(i) };
    // One value: strings skipped whole, brackets counted.
    let depth = 0;
    let inString = false;
    for (; i < b.length; i++) {
      const c = b[i]!;
      if (inString) {
        if (c === BACKSLASH) i++;
        else if (c === QUOTE) inString = false;
        else if (c === LF) {
          line++;
          lineStart = i + 1;
        }
        continue;
      }
      if (c === QUOTE) inString = true;
      else if (c === OPEN_OBJECT || c === OPEN_LIST) depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_LIST) {
        if (depth === 0) break;
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      } else if (depth === 0 && (c === COMMA || c === SPACE || c === TAB || c === CR || c === LF)) break;
      else if (c === LF) {
        line++;
        lineStart = i + 1;
      }
    }
    if (inString || depth > 0) {
      return { records, problem: { line: at.line, column: at.column, message: `the file ends inside item ${n} (cut short?)` } };
    }
    if (i === start) return fail(`expected item ${n} of the list`);
    records.push({ start, end: i, ...at });
    skipSpace();
    if (b[i] === COMMA) {
      i++;
      continue;
    }
    if (b[i] === CLOSE_LIST) break;
    return fail(i >= b.length ? 'the file ends before the list is closed (cut short?)' : `expected , or ] after item ${n}`);
  }
  i++;
  skipSpace();
  if (i < b.length) return fail('text after the end of the list');
  return { records };
}
