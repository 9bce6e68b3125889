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

/**
 * The line after the block a key (or list item) at `line` opens, its
 * content indented past `col`: the next key at or left of `col`, or the
 * next list item left of it, before `hi`. The one reading of where a YAML
 * block ends for every writer that edits in place (`fix`, `links
 * --write-archive`).
 */
export function blockEnd(scan: YamlLines, line: number, col: number, hi: number): number {
  const { item, keyCol } = scan;
  let end = line + 1;
  while (end < hi && !((keyCol[end]! >= 0 && keyCol[end]! <= col && item[end]! < 0) || (item[end]! >= 0 && item[end]! < col))) end++;
  return end;
}

/** The line after the last line in [lo, hi) of `lines` (the YAML starting at `offset`) that is not blank or a comment; `lo` when none is. */
export function lastLine(lines: readonly string[], offset: number, lo: number, hi: number): number {
  let end = hi;
  while (end > lo && /^\s*(?:#.*)?$/.test(lines[offset + end - 1]!)) end--;
  return end;
}

/**
 * The items of the block list a key at `keyLine` opens, its block ending
 * before `end`: the column of their dashes, and the line each starts on.
 * The one reading of a list's items for every writer that edits them in
 * place (`fix`, `links --write-archive`).
 *
 * @param scan - the YAML's lines, scanned
 * @param keyLine - the key's line
 * @param end - the line after the key's block
 * @returns the dash column and the first line of each item
 *
 * @example
 * ```ts
 * listItems(scanYaml('sources:\n  - url: a\n    tier: 1\n  - url: b\n'), 0, 4);
 * // => { dash: 2, starts: [1, 3] }
 * ```
 */
export function listItems(scan: YamlLines, keyLine: number, end: number): { dash: number; starts: number[] } {
  const { item } = scan;
  let dash = Infinity;
  for (let i = keyLine + 1; i < end; i++) if (item[i]! >= 0) dash = Math.min(dash, item[i]!);
  const starts: number[] = [];
  for (let i = keyLine + 1; i < end; i++) if (item[i] === dash) starts.push(i);
  return { dash, starts };
}
