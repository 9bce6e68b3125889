import { MAX_LOCATE_DEPTH, type Locator, type Position } from '../model/fieldPath.js';
import { scanYaml, type YamlLines } from './scanYaml.js';

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
  const blocks = new YamlBlocks(scanYaml(text), lineOffset);
  // Issues in one file share prefixes (sources[2].outlet, sources[2].type):
  // each scope keeps the scopes found inside it, so a prefix is resolved once.
  const root: Scope = { start: 0, end: blocks.lines, limit: blocks.lines, parentCol: -1, itemLine: -1 };
  return (path) => {
    let scope = root;
    const depth = Math.min(path.length, MAX_LOCATE_DEPTH);
    for (let k = 0; k < depth; k++) {
      const part = path[k]!;
      const inner = (scope.inner ??= new Map());
      let next = inner.get(part);
      if (next === undefined && !inner.has(part)) {
        next = blocks.step(blocks.enter(scope), part);
        inner.set(part, next);
      }
      if (next === undefined) break;
      scope = next;
    }
    return scope.found;
  };
}

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

/** The blocks of a scanned YAML text: where each ends, its keys and its list items, each measured when first asked. */
class YamlBlocks {
  private readonly item: Int32Array;
  private readonly keyCol: Int32Array;
  private readonly valueCol: Int32Array;
  private readonly key: readonly (string | undefined)[];

  constructor(
    scan: YamlLines,
    private readonly lineOffset: number,
  ) {
    this.item = scan.item;
    this.keyCol = scan.keyCol;
    this.valueCol = scan.valueCol;
    this.key = scan.key;
  }

  /** How many lines the text has. */
  get lines(): number {
    return this.item.length;
  }

  /** Measures a block the first time a path goes inside it. */
  enter(scope: Scope): Scope {
    if (scope.end !== -1) return scope;
    const { item, keyCol } = this;
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
  }

  /** The scope of a key or a list item inside a measured block, or undefined when it is not there. */
  step(scope: Scope, part: string | number): Scope | undefined {
    const { end } = scope;
    const { keyCol, valueCol, lineOffset } = this;
    if (typeof part === 'string') {
      const hit = scope.end - scope.start <= 32 ? this.findKey(scope, part) : this.keysOf(scope).get(part);
      if (hit === undefined) return undefined;
      const col = keyCol[hit]!;
      const found = { line: hit + 1 + lineOffset, column: (valueCol[hit]! >= 0 ? valueCol[hit]! : col) + 1 };
      return { start: hit + 1, end: -1, limit: end, parentCol: col, itemLine: -1, found };
    }
    const { dash, lines } = this.itemsOf(scope);
    const hit = lines[part];
    if (hit === undefined) return undefined;
    const found = { line: hit + 1 + lineOffset, column: (valueCol[hit]! >= 0 ? valueCol[hit]! : dash) + 1 };
    return { start: hit, end: -1, limit: end, parentCol: dash, itemLine: hit, found };
  }

  private keysOf(scope: Scope): Map<string, number> {
    if (scope.keys) return scope.keys;
    const { keyCol, key } = this;
    const keys = new Map<string, number>();
    for (let i = scope.start; i < scope.end; i++) {
      const col = keyCol[i]!;
      if (col <= scope.parentCol) continue;
      const name = key[i]!;
      const best = keys.get(name);
      if (best === undefined || col < keyCol[best]!) keys.set(name, i);
    }
    return (scope.keys = keys);
  }

  /** What keysOf(scope).get(name) gives, by a pass over a small scope, with no map. */
  private findKey(scope: Scope, name: string): number | undefined {
    const { keyCol, key } = this;
    let best: number | undefined;
    for (let i = scope.start; i < scope.end; i++) {
      const col = keyCol[i]!;
      if (col > scope.parentCol && key[i] === name && (best === undefined || col < keyCol[best]!)) best = i;
    }
    return best;
  }

  private itemsOf(scope: Scope): { dash: number; lines: number[] } {
    if (scope.items) return scope.items;
    const { item } = this;
    const { start, end, parentCol, itemLine } = scope;
    let dash = Infinity;
    for (let i = start; i < end; i++) {
      if (item[i]! >= 0 && item[i]! >= parentCol && i !== itemLine && item[i]! < dash) dash = item[i]!;
    }
    const lines: number[] = [];
    for (let i = start; i < end; i++) if (item[i] === dash && i !== itemLine) lines.push(i);
    return (scope.items = { dash, lines });
  }
}
