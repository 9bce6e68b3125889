import type { Event } from '../model/event.js';
import { foldText } from '../model/foldText.js';
import { bisect } from './bisect.js';
import { someSearchField } from './searchFields.js';

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
  /** Calls `visit` once with each token that holds `word` (a folded word, not empty, with no white space). */
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

/** A text index built a slice at a time, so a page never waits for all of it at once. */
export interface TextIndexBuilder {
  /** How many events, from the first, are indexed so far. */
  readonly indexed: number;
  /** Indexes the events up to position `count` (all of them at most). */
  advance(count: number): void;
  /** Indexes what is left and gives the index; later calls give the same one. */
  finish(): TextIndex;
}

/**
 * Builds the text index of a list of events in one pass over the
 * characters.
 *
 * @param events - the events, in the order their positions refer to
 * @returns the index
 *
 * @example
 * ```ts
 * const index = buildTextIndex([{ ...event, title: 'Élysée talks', summary: 'Talks.', tags: [], actors: [] }]);
 * const found: number[] = [];
 * index.tokensContaining('talk', (t) => found.push(t));
 * found.length; // the tokens 'talks' and 'talks.'
 * // => 2
 * ```
 */
export function buildTextIndex(events: readonly Event[]): TextIndex {
  return textIndexBuilder(events).finish();
}

/**
 * Starts a text index that is built a slice of events at a time. Each
 * distinct raw token is folded once.
 *
 * @param events - the events, in the order their positions refer to
 * @returns the builder
 *
 * @example
 * ```ts
 * const builder = textIndexBuilder(events);
 * builder.advance(1000);
 * builder.indexed;
 * // => Math.min(1000, events.length)
 * builder.finish().eventStart.length;
 * // => events.length + 1
 * ```
 */
export function textIndexBuilder(events: readonly Event[]): TextIndexBuilder {
  const n = events.length;
  // Each raw token (as split(/\s+/) gives it) to its folded token.
  const rawIds = new Map<string, number>();
  const foldedIds = new Map<string, number>();
  const vocabulary: string[] = [];
  // The last event each folded token was seen in, so an event holds it once.
  const lastEvent: number[] = [];
  const eventStart = new Int32Array(n + 1);
  const eventTokens = new Ints(n * 16);

  const scan = (event: number, text: string) => {
    for (const raw of text.split(/\s+/)) {
      if (!raw) continue;
      let f = rawIds.get(raw);
      if (f === undefined) {
        // Folding works character by character and never makes or removes
        // white space, so the folded tokens are the tokens of the folded text.
        const folded = foldText(raw);
        f = foldedIds.get(folded);
        if (f === undefined) {
          f = vocabulary.length;
          foldedIds.set(folded, f);
          vocabulary.push(folded);
          lastEvent.push(-1);
        }
        rawIds.set(raw, f);
      }
      if (lastEvent[f] !== event) {
        lastEvent[f] = event;
        eventTokens.push(f);
      }
    }
  };

  let indexed = 0;
  const advance = (count: number) => {
    const to = Math.min(n, count);
    for (let i = indexed; i < to; i++) {
      eventStart[i] = eventTokens.length;
      const e = events[i]!;
      // The fields are separated by line breaks in the search text: each is scanned on its own.
      someSearchField(e, (text) => {
        scan(i, text);
        return false;
      });
    }
    indexed = Math.max(indexed, to);
  };

  let done: TextIndex | undefined;
  const finish = (): TextIndex => {
    if (!done) {
      advance(n);
      eventStart[n] = eventTokens.length;
      done = invert(eventStart, eventTokens.data.subarray(0, eventTokens.length), vocabulary);
    }
    return done;
  };

  return {
    get indexed() {
      return indexed;
    },
    advance,
    finish,
  };
}

/** The index from each event's tokens: the events of each token, in event order, and the vocabulary as one string, so a word is found with indexOf. */
function invert(eventStart: Int32Array, tokens: Int32Array, vocabulary: readonly string[]): TextIndex {
  const n = eventStart.length - 1;
  // Invert: the events of each token, in event order.
  const size = vocabulary.length;
  const postingStart = new Int32Array(size + 1);
  for (let k = 0; k < tokens.length; k++) postingStart[tokens[k]! + 1]!++;
  for (let t = 0; t < size; t++) postingStart[t + 1]! += postingStart[t]!;
  const postings = new Int32Array(tokens.length);
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
    eventTokens: tokens,
    tokensContaining(word, visit) {
      let from = 0;
      for (;;) {
        const at = joined.indexOf(word, from);
        if (at === -1) return;
        // The token whose text holds this offset: the last one starting at or before it.
        const t = bisect(size, (k) => tokenAt[k + 1]! <= at);
        visit(t);
        from = tokenAt[t + 1]!;
      }
    },
  };
}
