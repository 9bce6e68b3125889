import { count, printable, type Io } from './io.js';

/** A progress line: what is done so far, and when it is over. */
export interface Progress {
  /** `done` of `total` units (`total` when known), and what is being worked on. */
  update(done: number, total?: number, what?: string): void;
  /** Clears the line. */
  end(): void;
}

/** Options for {@link progress}. */
export interface ProgressOptions {
  /** What a unit is called: `file`, `link`. */
  unit?: string;
  /** What more than one is called, when not the unit and an `s` (`kB`). */
  units?: string;
  /** Nothing is shown before this many milliseconds (default 1000): short runs stay quiet. */
  delayMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

const seconds = (ms: number) => (ms >= 90_000 ? `${Math.round(ms / 60_000)} min` : `${Math.max(1, Math.round(ms / 1000))} s`);

/**
 * A progress line on stderr, on a terminal only, shown once the work has
 * taken about a second and redrawn at most ten times a second: `label:
 * 12,000 of 28,996 files (41%), about 7 s left`. The estimate is the rate so
 * far applied to what is left.
 *
 * @param io - where to write; nothing is written unless `io.progress`
 * @param label - what is being done
 * @param options - the unit's name, the delay, the clock
 * @returns the line's handle
 *
 * @example Illustration: what a terminal shows
 * ```ts
 * const line = progress(io, 'reading', { unit: 'file' });
 * line.update(12_000, 28_996);
 * line.end();
 * // => stderr (a terminal): 'reading: 12,000 of 28,996 files (41%), about 7 s left'
 * ```
 */
export function progress(io: Io, label: string, options: ProgressOptions = {}): Progress {
  const now = options.now ?? Date.now;
  const started = now();
  const delay = options.delayMs ?? 1000;
  let drawn = 0;
  let shown = false;
  return {
    update(done, total, what) {
      if (!io.progress) return;
      const t = now();
      if (t - started < delay || (shown && t - drawn < 100 && (total === undefined || done < total))) return;
      drawn = t;
      shown = true;
      const many = options.units ?? `${options.unit}s`;
      const unit = options.unit ? ` ${(total ?? done) === 1 ? options.unit : many}` : '';
      let line = `${label}: ${count(done)}${total === undefined ? unit : ` of ${count(total)}${unit} (${Math.floor((done / Math.max(1, total)) * 100)}%)`}`;
      if (total !== undefined && done > 0 && done < total) line += `, about ${seconds(((t - started) / done) * (total - done))} left`;
      if (what) line += ` ${printable(what)}`;
      io.err(`${line.slice(0, Math.max(20, io.columns - 1))}\x1b[K\r`);
    },
    end() {
      if (shown) io.err('\x1b[K');
      shown = false;
    },
  };
}
