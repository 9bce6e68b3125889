import type { Event } from '../../model/event.js';
import { textIndexBuilder, type TextIndex, type TextIndexBuilder } from '../textIndex.js';

/** The text index is built in slices of about this many milliseconds, */
const SLICE_MS = 8;
/** checking the time every this many events. */
const SLICE_EVENTS = 256;
/** Indexing an event costs about this many times scanning it for one word, until a slice has measured it. */
const BUILD_PER_SCAN = 8;

/**
 * When the text index is built: in slices between tasks, from the first
 * text query on (or when asked), and at once when a query needs it or when
 * scanning for want of it has already cost what building the rest would
 * (so never more than twice the better of the two, whatever the queries to
 * come). Until it is ready, text is found by scanning.
 *
 * It reads the time from `performance.now()` and waits with `setTimeout`,
 * which tests replace with fake timers (vitest's `vi.useFakeTimers`) to
 * drive each path step by step; a clock passed in would cost every page
 * that imports `createTimeline` about 90 bytes (gzip) for tests alone.
 */
export function textScheduler(sorted: readonly Event[]) {
  const n = sorted.length;
  let text: TextIndex | undefined;
  let builder: TextIndexBuilder | undefined;
  let scheduled: unknown;
  const waiting: (() => void)[] = [];
  // Time spent building, and spent scanning for want of the index, with the events each covered.
  let buildMs = 0;
  let scanMs = 0;
  let scanned = 0;
  const started = () => (builder ??= textIndexBuilder(sorted));
  const ready = (): TextIndex => {
    text ??= started().finish();
    if (scheduled !== undefined) clearTimeout(scheduled as ReturnType<typeof setTimeout>);
    scheduled = undefined;
    for (const resolve of waiting.splice(0)) resolve();
    return text;
  };
  const slice = () => {
    scheduled = undefined;
    if (text) return;
    const b = started();
    const begun = performance.now();
    while (b.indexed < n && performance.now() - begun < SLICE_MS) b.advance(b.indexed + SLICE_EVENTS);
    buildMs += performance.now() - begun;
    if (b.indexed >= n) ready();
    else schedule();
  };
  const schedule = () => {
    if (text || scheduled !== undefined) return;
    scheduled = setTimeout(slice, 0);
    // Nobody waiting: the build must not keep a Node process alive.
    if (!waiting.length) (scheduled as { unref?: () => void }).unref?.();
  };
  return {
    /** The index when it is ready, else undefined: text is then scanned for. */
    index: () => text,
    /** The index, built now if it is not ready. */
    ready,
    /** A scan begins: the build starts, and the time is given back to hand to `scanned`. */
    scanning(): number {
      started();
      return performance.now();
    },
    /** A scan that began at `begun` covered `events` events: builds the rest at once if scanning has cost as much, else goes on in slices. */
    scanned(begun: number, events: number) {
      scanMs += performance.now() - begun;
      scanned += events;
      const b = started();
      const perEvent = b.indexed ? buildMs / b.indexed : (BUILD_PER_SCAN * scanMs) / Math.max(1, scanned);
      if (scanMs >= perEvent * (n - b.indexed)) ready();
      else schedule();
    },
    /** Resolves when the index is ready, building it in slices meanwhile. */
    whenReady(): Promise<void> {
      if (text) return Promise.resolve();
      const done = new Promise<void>((resolve) => waiting.push(resolve));
      // A build already scheduled without anyone waiting now holds the process until it is done.
      (scheduled as { ref?: () => void } | undefined)?.ref?.();
      schedule();
      return done;
    },
  };
}

/** What {@link textScheduler} gives. */
export type TextScheduler = ReturnType<typeof textScheduler>;
