/**
 * How many times longer some work takes at eight times the size: the best
 * of a few timings at each size, so that a busy machine's pauses (another
 * process on the same two cores) do not count. Linear work gives about 8,
 * quadratic about 64: tests assert a ratio well between the two, never a
 * time.
 *
 * @param work - does the work at a size
 * @param n - the smaller size
 * @param runs - timings taken at each size (the fastest counts)
 * @returns the ratio of the times at 8n and n
 */
export function growth(work: (n: number) => void, n: number, runs = 5): number {
  const best = (size: number) => {
    let fastest = Infinity;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      work(size);
      fastest = Math.min(fastest, performance.now() - started);
    }
    // Below half a millisecond a timer's grain is the measure: count it as half.
    return Math.max(fastest, 0.5);
  };
  best(Math.max(1, Math.floor(n / 4))); // warm up the code paths
  return best(8 * n) / best(n);
}

/** The ratio {@link growth} allows: eight for linear work, with room for a busy machine (measured up to 39 beside two CPU-bound processes on two cores), below quadratic work's sixty-four. */
export const LINEAR = 40;
