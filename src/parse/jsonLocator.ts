import { MAX_LOCATE_DEPTH, type Locator, type Position } from '../model/fieldPath.js';
import { lineIndex } from './text.js';

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
