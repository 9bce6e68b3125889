import { createHash } from 'node:crypto';
import { join, dirname, resolve } from 'node:path';
import type { Actor } from '../../model/actor.js';
import { append } from '../../model/append.js';
import type { DatasetMeta } from '../../model/dataset.js';
import type { Event } from '../../model/event.js';
import { createIssue, type Issue } from '../../model/issue.js';
import { deriveDataset, type Dataset } from '../../query/deriveDataset.js';
import { makeDir, removeMadeDirs } from '../files/makeDir.js';
import { createFileBatch, fileHolds } from '../files/writeFileAtomic.js';
import { loadActors } from '../load/loadActors.js';
import { loadDatasetMeta } from '../load/loadDatasetMeta.js';
import { loadEvents } from '../load/loadEvents.js';
import { findRegistryFile, REGISTRY_FILE_NAMES } from '../load/registryFile.js';
import { BUILD_FORMAT, codeFingerprint, manifestFiles, unchanged, writeManifest } from './buildManifest.js';
import { datasetHistory, previousDigest, readRelease, type DatasetHistory } from './datasetHistory.js';
import { KEPT, listFiles, ownership, recoverEarlierBuild, removeAll } from './outputFolder.js';
import { DATASET_FILES, renderDatasetFiles, type DatasetFileContent } from './renderDatasetFiles.js';

export { DATASET_FILES, renderDataset, renderDatasetFiles, type DatasetFileContent } from './renderDatasetFiles.js';

/** Options for {@link buildDataset}. */
export interface BuildDatasetOptions {
  /** The seeds folder: event files and `actors.yaml`. Default `seeds`. */
  seeds?: string;
  /** The output folder. Default `data`. */
  out?: string;
  /** Compare instead of writing: report the files that are missing, differ or should not be there. */
  check?: boolean;
  /**
   * The data's version, for `datapackage.json`, `changes.json` and every new
   * tombstone; by default the one `dataset.yaml` beside the seeds gives. A
   * build against a previous release needs one.
   */
  version?: string;
  /** A parse cache folder (see {@link LoadEventsOptions.cache}); none by default. */
  cache?: string;
  /**
   * The previous release's data, for `changes.json` and `tombstones.json`:
   * a data folder, an events file, `installed` (the installed package's
   * data), or `none` (the default: every event is new, no tombstone).
   */
  previous?: string;
  /** Called as the build goes: seed files read (of how many), then dataset files written (of how many, and which). */
  onProgress?: (step: BuildProgress) => void;
}

/** How far a build is: reading the seeds, or writing the dataset's files. */
export interface BuildProgress {
  /** `read`: seed files read; `write`: dataset files rendered and written. */
  phase: 'read' | 'write';
  /** How many so far. */
  done: number;
  /** How many in all. */
  total: number;
  /** With `write`: the file being written. */
  file?: string;
}

/** The outcome of {@link buildDataset}. */
export interface BuildDatasetResult {
  /** The dataset built, when the seeds had no error. */
  dataset?: Dataset;
  /** Problems in the seeds; any error stops the build. */
  issues: Issue[];
  /** The files of the dataset, relative to `out`, in order. */
  files: string[];
  /** With `check`: the files that are missing, differ or are not made by the build. */
  stale: string[];
  /** True when the seeds are valid and (with `check`) data/ is up to date. */
  ok: boolean;
}

/** The seeds read strictly, with their registry and what the dataset says of itself; the dataset when they hold no error. */
interface Seeds {
  issues: Issue[];
  dataset?: Dataset;
  actors: Actor[];
  meta?: DatasetMeta;
  /** The registry's text, and the digest of every seed file (with a cache): what a warm build compares. */
  registryText?: string;
  digest?: string;
}

async function readSeeds(seeds: string, options: BuildDatasetOptions): Promise<Seeds> {
  const found = findRegistryFile([seeds]);
  const registryFile = found ?? join(seeds, REGISTRY_FILE_NAMES[0]);
  const loaded = await loadEvents(seeds, { mode: 'strict', cache: options.cache, onProgress: options.onProgress && ((done, total) => options.onProgress!({ phase: 'read', done, total })) });
  const registry: { actors: Actor[]; issues: Issue[]; text?: string } = found ? await loadActors(found) : { actors: [], issues: [] };
  // What the dataset says of itself: its name, licence and, unless given, its version.
  const described = await loadDatasetMeta(seeds);
  const issues = [...loaded.issues, ...registry.issues, ...described.issues];
  const read: Seeds = { issues, actors: registry.actors, meta: described.meta, registryText: registry.text, digest: loaded.digest };
  if (issues.some((i) => i.severity === 'error')) return read;
  const { dataset, unknownActors } = deriveDataset(loaded.events, registry.actors);
  for (const name of unknownActors) {
    const event = loaded.events.find((e: Event) => e.actors.includes(name))!;
    issues.push(createIssue('error', 'actors/unknown', `actor "${name}" (in ${event.id}) is not in ${registryFile}; add it with its id, aliases and kind`, { file: registryFile }));
  }
  return unknownActors.length ? read : { ...read, dataset };
}

/** With `check`: the files of `out` that are missing, differ from what the build makes, or are not the build's. */
async function staleFiles(out: string, rendered: AsyncIterable<[string, DatasetFileContent]>, onProgress: BuildDatasetOptions['onProgress']): Promise<string[]> {
  const stale: string[] = [];
  let done = 0;
  for await (const [name, content] of rendered) {
    onProgress?.({ phase: 'write', done: done++, total: DATASET_FILES.length, file: name });
    if (!fileHolds(join(out, name), content)) stale.push(name);
  }
  for (const name of listFiles(out)) if (!DATASET_FILES.includes(name) && !KEPT.has(name)) stale.push(name);
  return stale;
}

/**
 * Writes the dataset into `out`, touching only what a build wrote: an
 * issue, and nothing written, when it holds any other file. Every file is
 * written beside its target first, one at a time; only when all are
 * written do they replace the old ones (datapackage.json, which lists
 * every file with its hash, last). A build that fails on the way leaves
 * the folder as it was; one killed while renaming leaves whole files and a
 * package that build --check finds stale.
 */
async function writeDataset(out: string, rendered: AsyncIterable<[string, DatasetFileContent]>, onProgress: BuildDatasetOptions['onProgress']): Promise<Issue | undefined> {
  recoverEarlierBuild(out);
  const claim = ownership(out);
  if (claim.foreign.length) {
    const some = `${claim.foreign.slice(0, 5).join(', ')}${claim.foreign.length > 5 ? ', ...' : ''}`;
    return createIssue('error', 'build/foreign-files', `${out} holds ${claim.foreign.length} ${claim.foreign.length === 1 ? 'file' : 'files'} the build did not write (${some}); build into an empty or new folder, or one a build wrote`, { file: out });
  }
  removeAll(out, claim.leftovers);
  const batch = createFileBatch({ skipUnchanged: true });
  const made: string[] = [];
  try {
    let done = 0;
    for await (const [name, content] of rendered) {
      onProgress?.({ phase: 'write', done: done++, total: DATASET_FILES.length, file: name });
      append(made, makeDir(dirname(join(out, name))));
      batch.add(join(out, name), content);
    }
    onProgress?.({ phase: 'write', done, total: DATASET_FILES.length });
  } catch (error) {
    batch.discard();
    // Folders made for the new files go too, when nothing else is in them.
    removeMadeDirs(made);
    throw error;
  }
  batch.commit();
  removeAll(out, claim.stale);
  return undefined;
}

/**
 * Builds the dataset from a seeds folder, read strictly, into the output
 * folder. The build touches only files it wrote before (those its
 * `datapackage.json` lists): it refuses a folder that holds any other file
 * but a README, replaces each of its files atomically (unchanged files are
 * left alone), writes `datapackage.json` last and removes the files an
 * earlier build made that this one does not. An interrupted build leaves
 * every file whole, old or new, and the folder in place; `check` then finds
 * it stale. With `check`, nothing is written: the result names each stale file.
 *
 * @param options - seeds and output folders, `check`, version, cache
 * @returns the dataset, issues, files and, with `check`, the stale files
 *
 * @example
 * ```ts
 * const { ok, files } = await buildDataset({ seeds: 'seeds', out: 'data', check: true });
 * ok;
 * // => true
 * ```
 */
export async function buildDataset(options: BuildDatasetOptions = {}): Promise<BuildDatasetResult> {
  const seeds = options.seeds ?? 'seeds';
  const out = resolve(options.out ?? 'data');
  // What a warm build compares its code by, made while the seeds are read (its database is written on another thread).
  const fingerprint = options.cache ? codeFingerprint() : undefined;
  fingerprint?.catch(() => undefined);
  const read = await readSeeds(seeds, options);
  const { issues, dataset, meta } = read;
  const fail = (issue?: Issue): BuildDatasetResult => ({ issues: issue ? [...issues, issue] : issues, files: [], stale: [], ok: false });
  if (!dataset) return fail();

  const version = options.version ?? meta?.version;
  const previous = options.previous && options.previous !== 'none' ? options.previous : undefined;
  if (previous && version === undefined) {
    const file = join(seeds, 'dataset.yaml');
    return fail(createIssue('error', 'build/version', `a release against ${previous} needs a version to stamp its changes and tombstones with: give --data-version, or set version in ${file}`, { file }));
  }
  // With a cache, a build whose inputs and outputs are as the last build
  // left them has nothing to write.
  const manifestFile = options.cache && join(options.cache, 'build-manifest.json');
  const inputs =
    read.digest &&
    createHash('sha1')
      .update(`${BUILD_FORMAT}\u0000${await (fingerprint ?? codeFingerprint())}\u0000${version ?? ''}\u0000${out}\u0000${read.digest}\u0000${previousDigest(options.previous)}\u0000`)
      .update(`${read.registryText ?? ''}\u0000${JSON.stringify(meta ?? null)}`)
      .digest('hex');
  if (!options.check && manifestFile && inputs && unchanged(manifestFile, inputs, out)) return { dataset, issues, files: manifestFiles(manifestFile), stale: [], ok: true };

  let history: DatasetHistory;
  try {
    history = datasetHistory(dataset, read.actors, version ?? null, previous ? await readRelease(previous) : undefined);
  } catch (error) {
    return fail(createIssue('error', 'build/previous', `the previous release: ${error instanceof Error ? error.message : String(error)}`, { file: options.previous }));
  }
  const files = [...DATASET_FILES];
  const rendered = renderDatasetFiles(dataset, read.actors, version, history, meta);
  if (options.check) {
    const stale = await staleFiles(out, rendered, options.onProgress);
    return { dataset, issues, files, stale, ok: stale.length === 0 };
  }
  const refused = await writeDataset(out, rendered, options.onProgress);
  if (refused) return fail(refused);
  if (manifestFile && inputs) writeManifest(manifestFile, inputs, out, files);
  return { dataset, issues, files, stale: [], ok: true };
}
