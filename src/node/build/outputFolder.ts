import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { alive, TEMP_FILE } from '../files/tempFiles.js';
import { DATASET_FILES } from './renderDatasetFiles.js';

/** Every file under a folder, as paths relative to it. */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/** Files in the data folder that the build does not make but keeps. */
export const KEPT = new Set(['README.md']);

/** Every file name a build has written, in this version or an earlier one. */
const EVER_WRITTEN: ReadonlySet<string> = new Set(DATASET_FILES);

/** The temporary files of builds before 0.2: `name.PID.tmp`, found only among a data folder's own names. */
const LEGACY_TEMP_FILE = /\.(\d+)\.tmp$/;

/** The files of an output folder, sorted into what the build may touch and what it must not. */
export interface Ownership {
  /** Files the build did not write: any of them stops the build. */
  foreign: string[];
  /** Files an earlier build wrote that this one does not make: removed after writing. */
  stale: string[];
  /** Temporary files of a build that was killed: removed first. */
  leftovers: string[];
}

/**
 * Reads which files of `out` an earlier build wrote: those its
 * datapackage.json lists (and the schema files 0.1.0 wrote without listing
 * them), by names a build makes. Every other file but a README is foreign.
 */
export function ownership(out: string): Ownership {
  const stat = statSync(out, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) return { foreign: ['(the path is not a folder)'], stale: [], leftovers: [] };
  const present = listFiles(out);
  const owned = new Set<string>();
  if (present.includes('datapackage.json')) {
    try {
      const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as { resources?: { path?: unknown }[] };
      for (const resource of pkg.resources ?? []) if (typeof resource.path === 'string') owned.add(resource.path);
      owned.add('datapackage.json');
      for (const name of EVER_WRITTEN) if (name.startsWith('schema/')) owned.add(name);
    } catch {
      // not a data package this build can read: its files are not ours
    }
  }
  const result: Ownership = { foreign: [], stale: [], leftovers: [] };
  for (const path of present) {
    const temp = TEMP_FILE.exec(path) ?? LEGACY_TEMP_FILE.exec(path);
    if (temp && EVER_WRITTEN.has(path.slice(0, temp.index))) result.leftovers.push(path);
    else if (KEPT.has(path)) continue;
    else if (!owned.has(path) || !EVER_WRITTEN.has(path)) result.foreign.push(path);
    else if (!DATASET_FILES.includes(path)) result.stale.push(path);
  }
  return result;
}

/**
 * Builds of 0.1.0 swapped whole folders and, when killed, could leave
 * `data.tmp-PID` or `data.old-PID` beside the output, or no output at all.
 * A folder like that, holding only dataset files, is removed, or, when the
 * output is missing, put back in its place.
 */
export function recoverEarlierBuild(out: string): void {
  const parent = dirname(out);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const match = /^(.*)\.(old|tmp)-(\d+)$/.exec(name);
    if (!match || match[1] !== basename(out) || alive(Number(match[3]))) continue;
    const dir = join(parent, name);
    if (!statSync(dir).isDirectory() || !listFiles(dir).every((f) => EVER_WRITTEN.has(f) || KEPT.has(f))) continue;
    if (match[2] === 'old' && !existsSync(out)) renameSync(dir, out);
    else rmSync(dir, { recursive: true, force: true });
  }
}


/** Removes the temporary files of a killed build, now, and the files an earlier build made that this one does not, after: `Ownership`'s lists. */
export function removeAll(out: string, paths: readonly string[]): void {
  for (const path of paths) rmSync(join(out, path), { force: true });
}
