import { compareText } from '../../model/compareText.js';
import { dateEnd, dateStart, isDay } from '../../model/edtf.js';
import type { Event } from '../../model/event.js';
import { bisect } from '../bisect.js';
import { byImportance as compareImportance, compareEvents, compileQuery, type CompiledQuery, type ConditionKind } from '../compileQuery.js';
import type { CountRow } from '../groupEvents.js';
import type { NormalMatch } from '../matchSpec.js';
import { buildPostings, EMPTY, inRange, spanIn, union, type Postings } from './postings.js';
import { textScheduler } from './textScheduler.js';
import { someSearchField } from '../searchFields.js';
import { wordPattern } from '../textScan.js';
import type { EventQuery, CreateTimelineOptions, Tombstone } from '../types.js';

/** Events with indexes built once, for many fast queries. */
export interface Timeline<T extends Event = Event> {
  /** Every event, sorted by date, then id. */
  readonly events: readonly T[];
  /** Runs a query: exactly what {@link filterEvents} gives, much faster. */
  query(query?: EventQuery): T[];
  /** The event with this id, or the event that had it before (see `formerIds`). */
  get(id: string): T | undefined;
  /**
   * Where an id that is no longer an event's went: its tombstone (the
   * version it left, and the event that holds it now, if any), from
   * `options.tombstones`; undefined for an id that finds an event.
   */
  tombstone(id: string): Tombstone | undefined;
  /** Each tag with its event count, most frequent first. */
  tags(): CountRow[];
  /** Each actor (canonical name with a registry) with its event count, most frequent first. */
  actors(): CountRow[];
  /** Each year from the first to the last event with its event count, empty years included. */
  years(): CountRow[];
  /**
   * Builds the text index now, in the background, a slice of a few
   * milliseconds at a time, and resolves once it is ready. Text queries
   * never wait for it: until it is ready they are answered by scanning
   * the events (the first text query starts the build on its own), and a
   * query whose words are not all ASCII once folded builds the rest of it
   * at once.
   *
   * @example
   * ```ts
   * const timeline = createTimeline(events);
   * void timeline.indexText(); // while the page waits for its user
   * ```
   */
  indexText(): Promise<void>;
}

/** Whether an event's searchable fields hold a word: `pattern` finds it unfolded (see {@link wordPattern}). */
function holds(event: Event, pattern: RegExp): boolean {
  return someSearchField(event, (text) => pattern.test(text));
}

/**
 * A source of candidates: about how many lie in the date range, how to get
 * them (sorted positions in the range), and the condition it answers
 * exactly, if any (whose predicate then need not run).
 */
interface Candidates {
  size: number;
  get(): Int32Array;
  answers?: ConditionKind;
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
  // Sorted through their input positions, so a scan can also walk them in
  // the order they were made, which is the order they lie in memory.
  const dateOrder = compareEvents('date');
  const order = [...events.keys()].sort((a, b) => dateOrder(events[a]!, events[b]!));
  const sorted = order.map((k) => events[k]!);
  const n = sorted.length;
  let positionOf: Int32Array | undefined;
  // Positions are searched by each event's earliest day.
  const dates = sorted.map((e) => dateStart(e.date));
  // Events known less precisely than a day, or spanning days: their
  // positions, in order, and their last days. A date range also holds those
  // that start before it but reach into it.
  const spanning: number[] = [];
  const spanEnd: string[] = [];
  sorted.forEach((e, i) => {
    if (!isDay(e.date)) {
      spanning.push(i);
      spanEnd.push(dateEnd(e.date));
    }
  });
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

  const scheduler = textScheduler(sorted);

  /**
   * A date range as positions [start, end), and whether every event in it
   * is in the range: when a spanning event before it reaches into it (or,
   * for `inside` (a query's `dateMatch: 'within'`), one in it may end after it), the window grows to hold
   * it and each event's date is checked.
   */
  const range = (lo: string, hi: string, inside: boolean): [number, number, boolean] => {
    let start = bisect(n, (i) => dates[i]! < lo);
    const end = bisect(n, (i) => dates[i]! <= hi);
    let exact = true;
    if (lo !== '' || hi !== '\uffff') {
      for (let k = 0; k < spanning.length && spanning[k]! < end; k++) {
        if (inside ? spanning[k]! >= start : spanning[k]! < start && spanEnd[k]! >= lo) {
          if (!inside) start = spanning[k]!;
          exact = false;
          break;
        }
      }
    }
    return [start, end, exact];
  };

  const fromMatch = (postings: Postings, spec: NormalMatch | undefined, kind: ConditionKind, start: number, end: number, out: Candidates[]) => {
    if (!spec) return;
    // Each list cut to the date range first: a narrow range merges little.
    const lists = (keys: readonly string[]) => keys.map((k) => inRange(postings.get(k) ?? EMPTY, start, end));
    if (spec.any) {
      const parts = lists(spec.any);
      const answers = !spec.all && !spec.none ? kind : undefined;
      out.push({ size: parts.reduce((s, l) => s + l.length, 0), get: () => union(parts), answers });
    }
    const alone = !spec.any && !spec.none && spec.all?.length === 1;
    for (const list of spec.all ? lists(spec.all) : []) out.push({ size: list.length, get: () => list, answers: alone ? kind : undefined });
  };

  // Importance levels, highest first, events not rated last: the order of '-importance'.
  const levels = [...byImportance.keys()].sort((a, b) => (a === 'null' ? 1 : b === 'null' ? -1 : Number(b) - Number(a)));
  // The rated levels, lowest first, and how many events are at each or
  // below: an importance bound is a band of levels, read off a list of its
  // own (below), not a union to sort.
  const rated = levels.filter((level) => level !== 'null').map(Number).reverse();
  const atOrBelow = rated.map((level) => byImportance.get(String(level))!.length);
  for (let k = 1; k < atOrBelow.length; k++) atOrBelow[k]! += atOrBelow[k - 1]!;
  // Each event's level (-1: not rated), read off the level lists, so that
  // building a list never walks the event objects themselves.
  const levelAt = new Int32Array(n).fill(-1);
  rated.forEach((level, k) => {
    for (const i of byImportance.get(String(level))!) levelAt[i] = k;
  });
  /** The rated levels [lo, hi] that [min, max] covers, and how many events they hold; undefined when none. */
  const importanceLevels = (min: number, max: number) => {
    const lo = bisect(rated.length, (k) => rated[k]! < min);
    const hi = bisect(rated.length, (k) => rated[k]! <= max) - 1;
    return lo > hi ? undefined : { lo, hi, size: atOrBelow[hi]! - (lo ? atOrBelow[lo - 1]! : 0) };
  };
  // The events at levels [lo, hi], in date order, as positions: each list
  // built on first use in one pass over levelAt, and kept when the levels
  // are the usual few (ten levels make at most 55 lists).
  const positionLists = new Map<number, Int32Array>();
  const importanceList = ({ lo, hi, size }: NonNullable<ReturnType<typeof importanceLevels>>): Int32Array => {
    const key = lo * 65536 + hi;
    let list = positionLists.get(key);
    if (!list) {
      list = new Int32Array(size);
      for (let i = 0, m = 0; i < n; i++) if (levelAt[i]! >= lo && levelAt[i]! <= hi) list[m++] = i;
      if (rated.length <= 16) positionLists.set(key, list);
    }
    return list;
  };

  /**
   * Date range and importance only: the answer is read off the indexes, in
   * time proportional to what is returned. A range alone is a slice of the
   * date-sorted events; an importance bound reads the list of its levels;
   * '-importance' walks the levels from the highest.
   */
  const byRangeAndImportance = (q: CompiledQuery, start: number, end: number): T[] => {
    const bounded = q.minImportance > -Infinity || q.maxImportance < Infinity;
    const want = q.offset + q.limit;
    if (q.sort === '-importance') {
      const out: T[] = [];
      for (const level of levels) {
        if (bounded && (level === 'null' || Number(level) < q.minImportance || Number(level) > q.maxImportance)) continue;
        const list = byImportance.get(level)!;
        const [from, to] = spanIn(list, start, end);
        for (let k = from; k < to && out.length < want; k++) out.push(sorted[list[k]!]!);
      }
      return q.offset ? out.slice(q.offset) : out;
    }
    const reverse = q.sort === '-date';
    if (!bounded) {
      // A slice of the date-sorted events.
      if (!reverse) return sorted.slice(start + q.offset, Math.min(end, start + want));
      return sorted.slice(Math.max(start, end - want), Math.max(start, end - q.offset)).reverse();
    }
    const at = importanceLevels(q.minImportance, q.maxImportance);
    if (!at) return [];
    const list = importanceList(at);
    return runOf(q, list, ...spanIn(list, start, end));
  };

  /**
   * An answer that needs no test: the events at positions [from, to) of a
   * list (or those positions themselves), paged, in order or reversed,
   * copied into an array of its size.
   */
  const runOf = (q: CompiledQuery, list: Int32Array | undefined, from: number, to: number): T[] => {
    const want = q.offset + q.limit;
    const reverse = q.sort === '-date';
    const lo = reverse ? Math.max(from, to - want) : from + q.offset;
    const hi = reverse ? to - q.offset : Math.min(to, from + want);
    const out = new Array<T>(Math.max(0, hi - lo));
    for (let j = 0; j < out.length; j++) {
      const k = reverse ? hi - 1 - j : lo + j;
      out[j] = sorted[list ? list[k]! : k]!;
    }
    return out;
  };

  // Text queries reuse these arrays across queries: a query never allocates
  // in proportion to the number of events.
  let stamps: Int32Array | undefined;
  let stamp = 0;
  let matchBuffer: Int32Array | undefined;
  let tokenBits: Uint32Array | undefined;

  const run = (q: CompiledQuery): T[] => {
    const [start, end, exact] = range(q.lo, q.hi, q.within);
    if (start >= end) return [];
    if (exact && !q.tags && !q.actors && !q.status && !q.captureLanes && !q.words.length) return byRangeAndImportance(q, start, end);
    const sources: Candidates[] = [];
    fromMatch(byTag, q.tags, 'tags', start, end, sources);
    fromMatch(byActor, q.actors, 'actors', start, end, sources);
    fromMatch(byStatus, q.status, 'status', start, end, sources);
    fromMatch(byLane, q.captureLanes, 'captureLanes', start, end, sources);
    if (q.minImportance > -Infinity || q.maxImportance < Infinity) {
      const at = importanceLevels(q.minImportance, q.maxImportance);
      if (!at) return [];
      sources.push({ size: at.size, get: () => inRange(importanceList(at), start, end), answers: 'importance' });
    }
    const best = sources.reduce<Candidates | undefined>((a, b) => (a && a.size <= b.size ? a : b), undefined);

    const inDateOrder = q.sort !== '-importance';
    const want = inDateOrder ? q.offset + q.limit : Infinity;
    const reverse = q.sort === '-date';
    const out: T[] = [];

    // Text, one of three ways. Until the index is ready, words that are
    // ASCII once folded are found by scanning each candidate's own fields
    // with a pattern (see wordPattern); other words need the index at once.
    // With the index, each word is first found in the vocabulary (a word
    // with no white space occurs in a search text exactly when it occurs in
    // one of its tokens). Then either the events holding a matching token
    // are visited, word after word, and those holding every word are the
    // candidates; or, when the other conditions leave fewer events than
    // that would visit, each candidate's own tokens are checked.
    let textList: Int32Array | undefined;
    let textOk: ((i: number) => boolean) | undefined;
    let clear: (() => void) | undefined;
    // Until the index is ready, such words are found by scanning (their patterns are not built after).
    const scanFor = scheduler.index() ? [] : q.words.map(wordPattern);
    const patterns = q.words.length && scanFor.length && scanFor.every((p) => p !== undefined) ? (scanFor as RegExp[]) : undefined;
    const scanning = patterns !== undefined;
    const begun = scanning ? scheduler.scanning() : 0;
    if (q.words.length && !scanning) {
      const index = scheduler.ready();
      const matches = q.words.map((word) => {
        const tokens: number[] = [];
        index.tokensContaining(word, (t) => tokens.push(t));
        return tokens;
      });
      let visits = 0;
      for (const tokens of matches) for (const t of tokens) visits += index.postingStart[t + 1]! - index.postingStart[t]!;
      const perEvent = n ? index.eventTokens.length / n : 0;
      const candidates = Math.min(best ? best.size : Infinity, end - start);
      if (q.words.length <= 32 && candidates * perEvent < visits) {
        const bits = (tokenBits ??= new Uint32Array(index.size));
        matches.forEach((tokens, w) => {
          for (const t of tokens) bits[t]! |= 1 << w;
        });
        const all = (2 ** q.words.length - 1) | 0;
        const { eventStart, eventTokens } = index;
        textOk = (i) => {
          let held = 0;
          for (let k = eventStart[i]!; k < eventStart[i + 1]!; k++) held |= bits[eventTokens[k]!]!;
          return held === all;
        };
        clear = () => {
          for (const tokens of matches) for (const t of tokens) bits[t] = 0;
        };
      } else {
        // An event's stamp says how many words, in order, it has shown: word
        // w moves it from base + w - 1 to base + w. Stamps only grow, so
        // nothing is reset between queries.
        if (stamp > 0x7fffffff - 2 * q.words.length) stamp = 0;
        if (stamp === 0) (stamps ??= new Int32Array(n)).fill(0);
        const seen = stamps!;
        const base = stamp + 1;
        stamp += q.words.length;
        // Matches in range go to a buffer kept across queries.
        const matched = (matchBuffer ??= new Int32Array(n));
        let hits = 0;
        const { postingStart, postings } = index;
        const last = q.words.length - 1;
        matches.forEach((tokens, w) => {
          const before = base + w - 1;
          for (const t of tokens) {
            for (let k = postingStart[t]!; k < postingStart[t + 1]!; k++) {
              const i = postings[k]!;
              if (w === 0 ? seen[i]! >= base : seen[i] !== before) continue;
              seen[i] = base + w;
              if (w === last && i >= start && i < end) matched[hits++] = i;
            }
          }
        });
        const final = base + last;
        textOk = (i) => seen[i] === final;
        // Sorting the matches pays only when they are few; else a pass over
        // the range (or the other candidates) with the stamps is cheaper.
        if (hits * Math.log2(hits + 2) * 4 < end - start && (!best || hits <= best.size)) {
          textList = matched.slice(0, hits).sort();
        }
      }
    }
    if (scanning) {
      const [first, ...others] = patterns!;
      textOk = (i) => holds(sorted[i]!, first!) && others.every((p) => holds(sorted[i]!, p));
    }
    // Indexes only choose the candidates: every position tried lies in
    // [start, end), so its date is in range, and the text index has already
    // decided the text, as has the list of candidates its condition.
    const chosen = textList && (!best || textList.length <= best.size) ? undefined : best && best.size < end - start ? best : undefined;
    const rest = q.conditions.filter((c) => (c.kind !== 'date' || !exact) && c.kind !== 'text' && c.kind !== chosen?.answers).map((c) => c.test);
    // The text is still to check unless the list walked is the text's own.
    let checkText = textOk && (chosen || !textList) ? textOk : undefined;
    const accept = (i: number) => {
      const event = sorted[i]!;
      if (checkText && !checkText(i)) return;
      for (const test of rest) if (!test(event)) return;
      out.push(event);
    };
    // Scanning most of the events for all matches: in memory order, then sorted
    // (a narrow range is walked in date order, below).
    if (scanning && checkText && !chosen && want >= end - start && (end - start) * 2 > n) {
      if (!positionOf) {
        positionOf = new Int32Array(n);
        order.forEach((k, i) => (positionOf![k] = i));
      }
      const matched = (matchBuffer ??= new Int32Array(n));
      let hits = 0;
      for (let k = 0; k < n; k++) {
        const i = positionOf[k]!;
        if (i >= start && i < end && checkText(i)) matched[hits++] = i;
      }
      textList = matched.slice(0, hits).sort();
      checkText = undefined;
    }
    const list = chosen ? chosen.get() : textList;
    // The positions walked: the list's in [start, end), or [start, end) itself.
    const [from, to] = list ? spanIn(list, start, end) : [start, end];
    if (inDateOrder && !checkText && rest.length === 0) {
      // Nothing left to test: the answer is a run of the positions.
      if (scanning) scheduler.scanned(begun, chosen ? to - from : end - start);
      clear?.();
      return runOf(q, list, from, to);
    }
    for (let j = from; j < to && out.length < want; j++) {
      const k = reverse ? to + from - 1 - j : j;
      accept(list ? list[k]! : k);
    }
    // The events scanned: a candidate list's, else the range's (at most: a limit may stop the walk early).
    if (scanning) scheduler.scanned(begun, chosen ? to - from : end - start);
    // The tokens this query marked go back to zero for the next one.
    clear?.();
    // Positions are in date order, so a stable sort by importance keeps date, then id, within a level.
    if (!inDateOrder) out.sort(compareImportance);
    return q.offset || q.limit !== Infinity ? out.slice(q.offset, q.offset + q.limit) : out;
  };

  const counts = (postings: Postings, label: (key: string) => string) =>
    [...postings]
      .map(([key, list]) => ({ key: label(key), count: list.length }))
      .sort((a, b) => b.count - a.count || compareText(a.key, b.key));

  return {
    events: sorted,
    query: (query = {}) => run(compileQuery(query, options)),
    get: (id) => byId.get(id),
    tombstone: (id) => (byId.has(id) ? undefined : options.tombstones?.find((t) => t.id === id)),
    tags: () => counts(byTag, (key) => key),
    actors: () => {
      if (!registry) return counts(byActor, (key) => key);
      // Identities back to canonical names.
      const names = new Map<string, string>();
      for (const e of sorted) for (const a of e.actors) names.set(identify(a), registry.canonical(a));
      return counts(byActor, (key) => names.get(key) ?? key);
    },
    // As countEvents(events, 'year') gives, read off the sorted dates.
    years: () => {
      const out: CountRow[] = [];
      for (let i = 0, year = n && Number(dates[0]!.slice(0, 4)); i < n; year++) {
        const key = String(year).padStart(4, '0');
        const end = bisect(n, (k) => dates[k]! < `${key}~`);
        out.push({ key, count: end - i });
        i = end;
      }
      return out;
    },
    indexText: () => scheduler.whenReady(),
  };
}
