import type { Event } from '../model/event.js';
import { foldText } from '../model/foldText.js';

/**
 * The text search index of a list of events: every white-space separated
 * token of their searchable fields (title, summary, tags, actors), folded as
 * {@link foldText} folds, both ways round: the events holding each token,
 * and the tokens of each event.
 */
export interface TextIndex {
  /** How many distinct folded tokens there are. */
  readonly size: number;
  /** Token `t` is held by events `postings[postingStart[t] .. postingStart[t + 1])`, in order. */
  readonly postingStart: Int32Array;
  /** The events of each token, by position. */
  readonly postings: Int32Array;
  /** Event `i` holds tokens `eventTokens[eventStart[i] .. eventStart[i + 1])`, each once. */
  readonly eventStart: Int32Array;
  /** The tokens of each event. */
  readonly eventTokens: Int32Array;
  /** Calls `visit` once with each token that holds `word` (a folded word with no white space). */
  tokensContaining(word: string, visit: (token: number) => void): void;
}

/** A growable Int32Array. */
class Ints {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

/** White space as `/\s/` defines it, so tokens are what `split(/\s+/)` gives. */
function isSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Builds the text index in one pass over the characters. Each distinct raw
 * token is found through a hash table of typed arrays, checked character by
 * character, and folded once: folding works character by character and never
 * makes or removes white space, so folding each token gives the tokens of
 * the folded text.
 *
 * @param events - the events, in the order their positions refer to
 * @returns the index
 *
 * @example
 * ```ts
 * const index = buildTextIndex([{ ...event, title: 'Élysée talks', summary: 'Talks.', tags: [], actors: [] }]);
 * const found: number[] = [];
 * index.tokensContaining('talk', (t) => found.push(t));
 * found.length;
 * // => 2 ('talks' and 'talks.')
 * ```
 */
export function buildTextIndex(events: readonly Event[]): TextIndex {
  const n = events.length;
  // Raw tokens, each with its hash and its folded token, found through an
  // open-addressing table of ids.
  let slots = new Int32Array(1 << 12);
  let mask = slots.length - 1;
  const rawHash = new Ints(1024);
  const rawFolded = new Ints(1024);
  // Folded tokens.
  const foldedIds = new Map<string, number>();
  const vocabulary: string[] = [];
  let lastEvent = new Int32Array(1024).fill(-1);
  const eventStart = new Int32Array(n + 1);
  const eventTokens = new Ints(n * 16);

  const grow = () => {
    const bigger = new Int32Array(slots.length * 2);
    const biggerMask = bigger.length - 1;
    for (let id = 0; id < rawHash.length; id++) {
      let s = rawHash.data[id]! & biggerMask;
      while (bigger[s] !== 0) s = (s + 1) & biggerMask;
      bigger[s] = id + 1;
    }
    slots = bigger;
    mask = biggerMask;
  };

  // The first spelling of each raw token, to check a hash hit against.
  const rawTokens: string[] = [];
  const add = (event: number, text: string, start: number, end: number, hash: number) => {
    const length = end - start;
    const hashes = rawHash.data;
    let s = hash & mask;
    let id = -1;
    for (;;) {
      const slot = slots[s]!;
      if (slot === 0) break;
      const candidate = slot - 1;
      if (hashes[candidate] === hash) {
        const other = rawTokens[candidate]!;
        if (other.length === length) {
          let k = 0;
          while (k < length && other.charCodeAt(k) === text.charCodeAt(start + k)) k++;
          if (k === length) {
            id = candidate;
            break;
          }
        }
      }
      s = (s + 1) & mask;
    }
    if (id === -1) {
      id = rawHash.length;
      slots[s] = id + 1;
      rawHash.push(hash);
      const raw = text.slice(start, end);
      rawTokens.push(raw);
      const folded = foldText(raw);
      let f = foldedIds.get(folded);
      if (f === undefined) {
        f = vocabulary.length;
        foldedIds.set(folded, f);
        vocabulary.push(folded);
        if (f === lastEvent.length) {
          const bigger = new Int32Array(f * 2).fill(-1);
          bigger.set(lastEvent);
          lastEvent = bigger;
        }
      }
      rawFolded.push(f);
      if (rawHash.length * 2 > slots.length) grow();
    }
    const f = rawFolded.data[id]!;
    if (lastEvent[f] !== event) {
      lastEvent[f] = event;
      eventTokens.push(f);
    }
  };

  const scan = (event: number, text: string) => {
    let start = -1;
    let hash = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        if (start !== -1) add(event, text, start, i, hash);
        start = -1;
      } else {
        if (start === -1) {
          start = i;
          hash = 0x811c9dc5 | 0;
        }
        hash = Math.imul(hash ^ c, 0x01000193);
      }
    }
    if (start !== -1) add(event, text, start, text.length, hash);
  };

  for (let i = 0; i < n; i++) {
    eventStart[i] = eventTokens.length;
    const e = events[i]!;
    // The fields are separated by line breaks in the search text: each is scanned on its own.
    scan(i, e.title);
    scan(i, e.summary);
    for (const tag of e.tags) scan(i, tag);
    for (const actor of e.actors) scan(i, actor);
  }
  eventStart[n] = eventTokens.length;

  // Invert: the events of each token, in event order.
  const size = vocabulary.length;
  const tokens = eventTokens.data;
  const postingStart = new Int32Array(size + 1);
  for (let k = 0; k < eventTokens.length; k++) postingStart[tokens[k]! + 1]!++;
  for (let t = 0; t < size; t++) postingStart[t + 1]! += postingStart[t]!;
  const postings = new Int32Array(eventTokens.length);
  const fill = postingStart.slice(0, size);
  for (let i = 0; i < n; i++) for (let k = eventStart[i]!; k < eventStart[i + 1]!; k++) postings[fill[tokens[k]!]!++] = i;

  // The vocabulary as one string, so a word is found with indexOf.
  const joined = vocabulary.join('\n');
  const tokenAt = new Int32Array(size + 1);
  for (let t = 0, at = 0; t < size; t++) {
    tokenAt[t] = at;
    at += vocabulary[t]!.length + 1;
  }
  tokenAt[size] = joined.length + 1;

  return {
    size,
    postingStart,
    postings,
    eventStart,
    eventTokens: tokens.subarray(0, eventTokens.length),
    tokensContaining(word, visit) {
      if (word === '') {
        for (let t = 0; t < size; t++) visit(t);
        return;
      }
      let from = 0;
      for (;;) {
        const at = joined.indexOf(word, from);
        if (at === -1) return;
        // The token whose text holds this offset: the last one starting at or before it.
        let lo = 0;
        let hi = size;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (tokenAt[mid + 1]! <= at) lo = mid + 1;
          else hi = mid;
        }
        visit(lo);
        from = tokenAt[lo + 1]!;
      }
    },
  };
}
