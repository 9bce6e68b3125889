import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real corpus beside the repository, when it is there. */
export const CORPUS = fileURLToPath(new URL('../../shared/corpus/kleptocracy-timeline/events', import.meta.url));
export const HAS_CORPUS = existsSync(CORPUS);

/**
 * Times a baseline and a candidate in alternation, after a warm-up of each,
 * so both see the same machine state; returns the fastest run of each (the
 * least disturbed by other work on a shared machine).
 */
export async function compare(baseline: () => unknown, candidate: () => unknown, rounds = 5): Promise<{ base: number; cand: number }> {
  await baseline();
  await candidate();
  let base = Infinity;
  let cand = Infinity;
  for (let i = 0; i < rounds; i++) {
    let start = performance.now();
    await baseline();
    base = Math.min(base, performance.now() - start);
    start = performance.now();
    await candidate();
    cand = Math.min(cand, performance.now() - start);
  }
  return { base, cand };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Prints a small aligned table. */
export function table(rows: (string | number)[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const row of rows) console.log(row.map((cell, c) => String(cell).padEnd(widths[c]!)).join('  '));
}

/** Where the benchmarks run their processes: inside the package, so it resolves its own name. */
const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Runs a module script in a new Node process, from a cold start; returns its wall time. */
export function timeProcess(script: string): number {
  const start = performance.now();
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: HERE, stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - start;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
