import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Event } from '../model/event.js';
import type { Issue } from '../model/issue.js';
import { loadEvents } from './loadEvents.js';

/** Options for {@link buildDataset}. */
export interface BuildDatasetOptions {
  /** The seeds folder. Default `seeds`. */
  seeds?: string;
  /** The output folder. Default `data`. */
  out?: string;
  /** Compare instead of writing: report the files that differ. */
  check?: boolean;
}

/** The outcome of {@link buildDataset}. */
export interface BuildDatasetResult {
  /** The events built. */
  events: Event[];
  /** Problems in the seeds; any error stops the build. */
  issues: Issue[];
  /** The files of the dataset, relative to `out`, in order. */
  files: string[];
  /** With `check`: the files that are missing or differ. */
  stale: string[];
  /** True when the build wrote (or, with `check`, would write) nothing wrong. */
  ok: boolean;
}

/**
 * The dataset's files as text, keyed by path relative to the output folder.
 * Deterministic: the same events give the same bytes.
 *
 * @param events - events sorted by date, then id
 * @returns file name -> content
 */
export function renderDataset(events: readonly Event[]): Map<string, string> {
  const files = new Map<string, string>();
  files.set('events.json', `${JSON.stringify(events, null, 2)}\n`);
  files.set('events.ndjson', events.map((e) => `${JSON.stringify(e)}\n`).join(''));
  return files;
}

/**
 * Builds the dataset from the seeds folder (read strictly) into the output
 * folder. The new files are written to a temporary folder that then replaces
 * the old one, so an interrupted build never leaves half a dataset.
 *
 * @param options - seeds and output folders; `check` to compare only
 * @returns the events, issues, files and, with `check`, the stale files
 *
 * @example
 * ```ts
 * const { ok, files } = await buildDataset({ seeds: 'seeds', out: 'data' });
 * files;
 * // => ['events.json', 'events.ndjson']
 * ```
 */
export async function buildDataset(options: BuildDatasetOptions = {}): Promise<BuildDatasetResult> {
  const seeds = options.seeds ?? 'seeds';
  const out = resolve(options.out ?? 'data');
  const { events, issues } = await loadEvents(seeds, { mode: 'strict', exclude: ['actors.yaml', '**/README.md'] });
  const rendered = renderDataset(events);
  const files = [...rendered.keys()];
  if (issues.some((i) => i.severity === 'error')) return { events, issues, files, stale: [], ok: false };
  if (options.check) {
    const stale = files.filter((name) => {
      const path = join(out, name);
      return !existsSync(path) || readFileSync(path, 'utf8') !== rendered.get(name);
    });
    return { events, issues, files, stale, ok: stale.length === 0 };
  }
  const temp = `${out}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  for (const [name, content] of rendered) {
    const path = join(temp, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  // Files in data/ that the build does not make (a README) are carried over.
  if (existsSync(out)) {
    for (const name of readdirSync(out)) {
      if (!rendered.has(name) && !existsSync(join(temp, name))) renameSync(join(out, name), join(temp, name));
    }
  }
  const old = `${out}.old-${process.pid}`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(temp, out);
  rmSync(old, { recursive: true, force: true });
  return { events, issues, files, stale: [], ok: true };
}
