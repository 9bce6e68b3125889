import type { Event } from '../model/event.js';
import { bisect } from './bisect.js';
import { compareEvents, compileQuery, type CompiledQuery } from './compileQuery.js';
import { countEvents, type CountRow } from './groupEvents.js';
import type { NormalMatch } from './matchSpec.js';
import { foldText } from '../model/foldText.js';
import { rawSearchText } from './matchesText.js';
import type { EventQuery, CreateTimelineOptions } from './types.js';

/** Events with indexes built once, for many fast queries. */
export interface Timeline<T extends Event = Event> {
  /** Every event, sorted by date, then id. */
  readonly events: readonly T[];
  /** Runs a query: exactly what {@link filterEvents} gives, much faster. */
  query(query?: EventQuery): T[];
  /** The event with this id, or the event that had it before (see `formerIds`). */
  get(id: string): T | undefined;
  /** Each tag with its event count, most frequent first. */
  tags(): CountRow[];
  /** Each actor (canonical name with a registry) with its event count, most frequent first. */
  actors(): CountRow[];
  /** Each year from the first to the last event with its event count, empty years included. */
  years(): CountRow[];
}

type Postings = Map<string, Int32Array>;

function buildPostings(count: number, keysOf: (i: number) => readonly string[]): Postings {
  const lists = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    for (const key of keysOf(i)) {
      const list = lists.get(key);
      if (!list) lists.set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  }
  const out: Postings = new Map();
  for (const [key, list] of lists) out.set(key, Int32Array.from(list));
  return out;
}

const EMPTY = new Int32Array(0);

function union(lists: Int32Array[]): Int32Array {
  if (lists.length === 0) return EMPTY;
  if (lists.length === 1) return lists[0]!;
  let size = 0;
  for (const l of lists) size += l.length;
  const all = new Int32Array(size);
  let at = 0;
  for (const l of lists) {
    all.set(l, at);
    at += l.length;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
  return all.subarray(0, n);
}

/** A source of candidates: its size, and how to get them (sorted positions). */
interface Candidates {
  size: number;
  get(): Int32Array;
}

/**
 * Indexes events once (by date, tag, actor, status, capture lane, importance
 * and, on first use, text) so that many queries run fast. `query` gives
 * exactly what {@link filterEvents} gives for the same query.
 *
 * @param events - the events; they are sorted by date, then id (not mutated)
 * @param options - an optional actor registry, so actor queries and counts match by identity
 * @returns the timeline
 *
 * @example
 * ```ts
 * import { events } from 'democracy-timeline/data';
 * const timeline = createTimeline(events);
 * timeline.query({ actors: 'Marco Rubio', limit: 10 }).map((e) => e.date);
 * // => ['2025-11-06']
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function createTimeline<T extends Event>(events: readonly T[], options: CreateTimelineOptions = {}): Timeline<T> {
  const sorted = [...events].sort(compareEvents('date'));
  const n = sorted.length;
  const dates = sorted.map((e) => e.date);
  const byId = new Map<string, T>();
  for (const e of sorted) if (!byId.has(e.id)) byId.set(e.id, e);
  // An id an event had before still finds it, unless an event has it now.
  for (const e of sorted) for (const old of e.formerIds ?? []) if (!byId.has(old)) byId.set(old, e);
  const registry = options.registry;
  const identify = registry ? (name: string) => registry.identify(name) : (name: string) => name;
  const byTag = buildPostings(n, (i) => sorted[i]!.tags);
  const byActor = buildPostings(n, (i) => sorted[i]!.actors.map(identify));
  const byStatus = buildPostings(n, (i) => (sorted[i]!.status === undefined ? [] : [sorted[i]!.status!]));
  const byLane = buildPostings(n, (i) => sorted[i]!.captureLanes ?? []);
  const byImportance = buildPostings(n, (i) => [String(sorted[i]!.importance)]);

  // The text index is built on the first text query: a map from each
  // whitespace-separated token of the folded search texts to the events
  // holding it.
  let tokens: Postings | undefined;
  let vocabulary: string[] | undefined;
  const textIndex = () => {
    if (!tokens) {
      // Folding works character by character and never makes or removes
      // white space, so folding each distinct raw token once gives the same
      // tokens as folding every search text, at a fraction of the cost.
      const folded = new Map<string, string>();
      const fold = (token: string) => {
        let out = folded.get(token);
        if (out === undefined) folded.set(token, (out = foldText(token)));
        return out;
      };
      tokens = buildPostings(n, (i) => rawSearchText(sorted[i]!).split(/\s+/).map(fold));
      vocabulary = [...tokens.keys()];
    }
    return { tokens, vocabulary: vocabulary! };
  };

  /** Date range as positions: [start, end). */
  const range = (lo: string, hi: string): [number, number] => [bisect(n, (i) => dates[i]! < lo), bisect(n, (i) => dates[i]! <= hi)];

  const fromMatch = (postings: Postings, spec: NormalMatch | undefined, out: Candidates[]) => {
    if (!spec) return;
    const lists = (keys: readonly string[]) => keys.map((k) => postings.get(k) ?? EMPTY);
    if (spec.any) {
      const parts = lists(spec.any);
      out.push({ size: parts.reduce((s, l) => s + l.length, 0), get: () => union(parts) });
    }
    for (const list of spec.all ? lists(spec.all) : []) out.push({ size: list.length, get: () => list });
  };

  // Importance levels, highest first, events not rated last: the order of '-importance'.
  const levels = [...byImportance.keys()].sort((a, b) => (a === 'null' ? 1 : b === 'null' ? -1 : Number(b) - Number(a)));

  /**
   * Date range and importance only: the answer is read off the indexes, in
   * time proportional to what is returned. '-importance' walks the levels
   * from the highest; 'date' and '-date' merge the levels' lists.
   */
  const byRangeAndImportance = (q: CompiledQuery, start: number, end: number): T[] => {
    const rated = q.minImportance > -Infinity || q.maxImportance < Infinity;
    const parts = levels
      .filter((level) => !rated || (level !== 'null' && Number(level) >= q.minImportance && Number(level) <= q.maxImportance))
      .map((level) => {
        const list = byImportance.get(level)!;
        return { list, from: bisect(list.length, (k) => list[k]! < start), to: bisect(list.length, (k) => list[k]! < end) };
      });
    const want = q.offset + q.limit;
    const out: T[] = [];
    if (!rated && q.sort !== '-importance') {
      // A date range alone: a slice of the date-sorted events.
      if (q.sort === '-date') for (let i = end - 1; i >= start && out.length < want; i--) out.push(sorted[i]!);
      else for (let i = start; i < end && out.length < want; i++) out.push(sorted[i]!);
    } else if (parts.reduce((total, p) => total + p.to - p.from, 0) * 4 > end - start) {
      // Most of the range matches: one pass over it beats merging the levels.
      const test = (event: T) => event.importance !== null && event.importance >= q.minImportance && event.importance <= q.maxImportance;
      if (q.sort === '-date') for (let i = end - 1; i >= start && out.length < want; i--) (test(sorted[i]!) && out.push(sorted[i]!));
      else if (q.sort === 'date') for (let i = start; i < end && out.length < want; i++) (test(sorted[i]!) && out.push(sorted[i]!));
      else for (const { list, from, to } of parts) for (let k = from; k < to && out.length < want; k++) out.push(sorted[list[k]!]!);
    } else if (q.sort === '-importance') {
      for (const { list, from, to } of parts) for (let k = from; k < to && out.length < want; k++) out.push(sorted[list[k]!]!);
    } else {
      const reverse = q.sort === '-date';
      const at = parts.map((p) => (reverse ? p.to - 1 : p.from));
      while (out.length < want) {
        let best = -1;
        let pick = reverse ? -1 : Infinity;
        parts.forEach((p, j) => {
          if (reverse ? at[j]! < p.from : at[j]! >= p.to) return;
          const position = p.list[at[j]!]!;
          if (reverse ? position > pick : position < pick) {
            pick = position;
            best = j;
          }
        });
        if (best === -1) break;
        at[best]! += reverse ? -1 : 1;
        out.push(sorted[pick]!);
      }
    }
    return q.offset ? out.slice(q.offset) : out;
  };

  // Text queries reuse two arrays across queries: a query never allocates in
  // proportion to the number of events.
  let wordCounts: Uint8Array | undefined;
  let stamps: Int32Array | undefined;
  let stamp = 0;

  const run = (q: CompiledQuery): T[] => {
    const [start, end] = range(q.lo, q.hi);
    if (start >= end) return [];
    if (!q.tags && !q.actors && !q.status && !q.captureLanes && !q.words.length) return byRangeAndImportance(q, start, end);
    const sources: Candidates[] = [];
    fromMatch(byTag, q.tags, sources);
    fromMatch(byActor, q.actors, sources);
    fromMatch(byStatus, q.status, sources);
    fromMatch(byLane, q.captureLanes, sources);
    if (q.minImportance > -Infinity || q.maxImportance < Infinity) {
      const parts: Int32Array[] = [];
      for (const [level, list] of byImportance) {
        const value = Number(level);
        if (value >= q.minImportance && value <= q.maxImportance) parts.push(list);
      }
      sources.push({ size: parts.reduce((s, l) => s + l.length, 0), get: () => union(parts) });
    }
    const best = sources.reduce<Candidates | undefined>((a, b) => (a && a.size <= b.size ? a : b), undefined);

    const byDate = q.sort !== '-importance';
    const want = byDate ? q.offset + q.limit : Infinity;
    const reverse = q.sort === '-date';
    const out: T[] = [];

    // Text: a query word has no white space, so it occurs in an event's
    // search text exactly when it occurs in one of its tokens. Each event
    // counts the words it holds; those holding all of them match the text.
    let hits: Uint8Array | undefined;
    let textList: Int32Array | undefined;
    const touched: number[] = [];
    if (q.words.length) {
      const { tokens, vocabulary } = textIndex();
      const counts = (wordCounts ??= new Uint8Array(n));
      stamps ??= new Int32Array(n);
      hits = counts;
      const all = q.words.length;
      const matched: number[] = [];
      for (const word of q.words) {
        const mark = ++stamp;
        for (const token of vocabulary) {
          if (!token.includes(word)) continue;
          for (const i of tokens.get(token)!) {
            if (stamps[i] === mark) continue;
            stamps[i] = mark;
            if (counts[i] === 0) touched.push(i);
            if (++counts[i]! === all && i >= start && i < end) matched.push(i);
          }
        }
      }
      textList = Int32Array.from(matched).sort();
    }
    // Indexes only choose the candidates: every position tried lies in
    // [start, end), so its date is in range, and the text index has already
    // decided the text. Each other condition is its predicate.
    const rest = q.conditions.filter((c) => c.kind !== 'date' && c.kind !== 'text').map((c) => c.test);
    const accept = (i: number) => {
      const event = sorted[i]!;
      if (hits !== undefined && hits[i] !== q.words.length) return;
      for (const test of rest) if (!test(event)) return;
      out.push(event);
    };
    const list = textList && (!best || textList.length <= best.size) ? textList : best && best.size < end - start ? best.get() : undefined;
    if (!list) {
      if (reverse) for (let i = end - 1; i >= start && out.length < want; i--) accept(i);
      else for (let i = start; i < end && out.length < want; i++) accept(i);
    } else {
      const from = bisect(list.length, (k) => list[k]! < start);
      const to = bisect(list.length, (k) => list[k]! < end);
      if (reverse) for (let k = to - 1; k >= from && out.length < want; k--) accept(list[k]!);
      else for (let k = from; k < to && out.length < want; k++) accept(list[k]!);
    }
    // The counts go back to zero for the next text query.
    for (const i of touched) wordCounts![i] = 0;
    // Positions are in date order, so a stable sort by importance keeps date, then id, within a level.
    if (!byDate) out.sort((a, b) => (b.importance ?? 0) - (a.importance ?? 0));
    return q.offset || q.limit !== Infinity ? out.slice(q.offset, q.offset + q.limit) : out;
  };

  const counts = (postings: Postings, label: (key: string) => string) =>
    [...postings]
      .map(([key, list]) => ({ key: label(key), count: list.length }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  return {
    events: sorted,
    query: (query = {}) => run(compileQuery(query, options)),
    get: (id) => byId.get(id),
    tags: () => counts(byTag, (key) => key),
    actors: () => {
      if (!registry) return counts(byActor, (key) => key);
      // Identities back to canonical names.
      const names = new Map<string, string>();
      for (const e of sorted) for (const a of e.actors) names.set(identify(a), registry.canonical(a));
      return counts(byActor, (key) => names.get(key) ?? key);
    },
    years: () => countEvents(sorted, 'year'),
  };
}
