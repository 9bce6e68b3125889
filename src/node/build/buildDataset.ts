import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Actor } from '../../model/actor.js';
import type { Event } from '../../model/event.js';
import { createIssue, type Issue } from '../../model/issue.js';
import { csvLines, type CsvTable } from '../../format/csv.js';
import { DATASET_FILE_TABLE } from '../../format/datasetFiles.js';
import { toDataPackage, type DataFile } from '../../format/dataPackage.js';
import { deriveDataset, type Dataset } from '../../query/deriveDataset.js';
import { toJSONSchema } from '../../format/jsonSchema.js';
import { withDerivedDates } from '../../format/derivedDates.js';
import { toNDJSON } from '../../format/ndjson.js';
import { toParquet } from '../../format/parquet.js';
import { createActorRegistry } from '../../model/createActorRegistry.js';
import { loadActors } from '../load/loadActors.js';
import { loadDatasetMeta } from '../load/loadDatasetMeta.js';
import type { DatasetMeta } from '../../model/dataset.js';
import { findRegistryFile, REGISTRY_FILE_NAMES } from '../load/registryFile.js';
import { loadEvents } from '../load/loadEvents.js';
import { alive, createFileBatch, fileHolds, TEMP_FILE, writeFileAtomic } from '../files/writeFileAtomic.js';
import { makeDir, removeMadeDirs } from '../files/makeDir.js';
import { datasetHistory, previousDigest, readRelease, type DatasetHistory } from './datasetHistory.js';
import { append } from '../../model/append.js';

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

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** An object without its undefined values. */
const clean = <T extends object>(object: T): T => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;

/**
 * Every file a build writes, relative to the data folder, in the order it
 * writes them: `datapackage.json`, which lists the others with their sizes
 * and hashes, comes last.
 *
 * @example
 * ```ts
 * [DATASET_FILES[0], DATASET_FILES.at(-1)];
 * // => ['events.json', 'datapackage.json']
 * ```
 */
export const DATASET_FILES: readonly string[] = DATASET_FILE_TABLE.map((f) => f.path);

/** Pieces of text gathered up to about a megabyte each: few writes, never the whole file at once. */
function* gathered(pieces: Iterable<string>): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    parts.push(piece);
    size += piece.length;
    if (size >= 1 << 20) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length) yield parts.join('');
}

/** events.json as JSON.stringify(list, null, 2) writes it, an event at a time: the list is never one string. */
function* eventsJson(events: readonly Event[]): Generator<string> {
  if (!events.length) {
    yield '[]\n';
    return;
  }
  yield '[\n  ';
  for (let i = 0; i < events.length; i++) {
    if (i) yield ',\n  ';
    yield JSON.stringify(withDerivedDates(events[i]!), null, 2).replace(/\n/g, '\n  ');
  }
  yield '\n]\n';
}

/** events.ndjson, an event a line. */
function* eventsNdjson(events: readonly Event[]): Generator<string> {
  for (const event of events) yield toNDJSON([withDerivedDates(event)]);
}

/** A file's content as {@link renderDatasetFiles} gives it: whole, or in pieces for the largest files. */
export type DatasetFileContent = string | Uint8Array | Iterable<string>;

/**
 * The files of the dataset, one at a time, each rendered only when asked
 * for, so a build holds one output at a time, never all of them (the
 * largest, events.json and events.ndjson, come in pieces, to be read
 * before the next file is asked for); `datapackage.json`, measured from
 * the others, comes last. Deterministic: the same dataset gives
 * byte-identical files.
 *
 * @param dataset - the derived dataset
 * @param actors - the registry, for actor ids in event_actors.csv
 * @param version - the data's version (default: the one `meta` gives)
 * @param history - the changes since the previous release and the tombstones (default: as if there were none)
 * @param meta - what the dataset says of itself (`dataset.yaml`)
 * @returns `[path, content]` pairs, in the order of {@link DATASET_FILES}
 */
export async function* renderDatasetFiles(dataset: Dataset, actors: readonly Actor[], version?: string, history?: DatasetHistory, meta?: DatasetMeta): AsyncGenerator<[string, DatasetFileContent]> {
  const registry = createActorRegistry(actors);
  const { changes, tombstones } = history ?? datasetHistory(dataset, actors, version ?? meta?.version ?? null);
  // Which dataset this is, as stats.json names it.
  const named = clean({ name: meta?.name, title: meta?.title, version: version ?? meta?.version });
  const measured: DataFile[] = [];
  const render = async (name: string): Promise<DatasetFileContent> => {
    // The written date, and what it means, for tools with no EDTF reader.
    if (name === 'events.json') return gathered(eventsJson(dataset.events));
    if (name === 'events.ndjson') return gathered(eventsNdjson(dataset.events));
    if (name === 'actors.json') return json(dataset.actors);
    if (name === 'tags.json') return json(dataset.tags);
    if (name === 'sources.json') return json(dataset.sources);
    if (name === 'stats.json') return json({ dataset: named, ...dataset.stats });
    if (name === 'changes.json') return json(changes);
    if (name === 'tombstones.json') return json(tombstones);
    if (name.startsWith('schema/')) return json(toJSONSchema(name.slice(7, -'.schema.json'.length) as 'event' | 'source' | 'actor'));
    const table = name.slice(0, name.lastIndexOf('.')) as CsvTable;
    return name.endsWith('.csv') ? gathered(csvLines(dataset.events, { table, registry })) : await toParquet(dataset.events, { table, registry });
  };
  for (const name of DATASET_FILES) {
    if (name === 'datapackage.json') continue;
    const content = await render(name);
    const hash = createHash('sha256');
    if (typeof content === 'string' || content instanceof Uint8Array) {
      measured.push({ path: name, bytes: Buffer.byteLength(content), sha256: hash.update(content).digest('hex') });
      yield [name, content];
      continue;
    }
    // Measured as the reader takes each piece.
    let bytes = 0;
    let read = false;
    yield [
      name,
      (function* () {
        for (const piece of content) {
          bytes += Buffer.byteLength(piece);
          hash.update(piece);
          yield piece;
        }
        read = true;
      })(),
    ];
    if (!read) throw new TypeError(`renderDatasetFiles: read ${name} whole before asking for the next file`);
    measured.push({ path: name, bytes, sha256: hash.digest('hex') });
  }
  yield ['datapackage.json', json(toDataPackage({ version, meta, files: measured }))];
}

/**
 * Renders every file of the dataset, keyed by path relative to the data
 * folder (see {@link renderDatasetFiles}, which gives them one at a time).
 * Deterministic: the same dataset gives byte-identical files.
 *
 * @param dataset - the derived dataset
 * @param actors - the registry, for actor ids in event_actors.csv
 * @param version - the data's version (default: the one `meta` gives)
 * @param history - the changes since the previous release and the tombstones (default: as if there were none)
 * @param meta - what the dataset says of itself (`dataset.yaml`)
 * @returns path -> content
 *
 * @example
 * ```ts
 * const { dataset } = deriveDataset(events, actors);
 * [...(await renderDataset(dataset, actors, '0.1.0')).keys()].slice(0, 3);
 * // => ['events.json', 'events.ndjson', 'actors.json']
 * ```
 */
export async function renderDataset(dataset: Dataset, actors: readonly Actor[], version?: string, history?: DatasetHistory, meta?: DatasetMeta): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  for await (const [name, content] of renderDatasetFiles(dataset, actors, version, history, meta)) files.set(name, typeof content === 'string' || content instanceof Uint8Array ? content : [...content].join(''));
  return files;
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/** Files in the data folder that the build does not make but keeps. */
const KEPT = new Set(['README.md']);

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
  const found = findRegistryFile([seeds]);
  const registryFile = found ?? join(seeds, REGISTRY_FILE_NAMES[0]);
  const loaded = await loadEvents(seeds, { mode: 'strict', cache: options.cache, onProgress: options.onProgress && ((done, total) => options.onProgress!({ phase: 'read', done, total })) });
  const registry: { actors: Actor[]; issues: Issue[]; text?: string } = found ? await loadActors(found) : { actors: [], issues: [] };
  // What the dataset says of itself: its name, licence and, unless given, its version.
  const described = await loadDatasetMeta(seeds);
  const issues = [...loaded.issues, ...registry.issues, ...described.issues];
  const fail = (): BuildDatasetResult => ({ issues, files: [], stale: [], ok: false });
  if (issues.some((i) => i.severity === 'error')) return fail();
  const { dataset, unknownActors } = deriveDataset(loaded.events, registry.actors);
  for (const name of unknownActors) {
    const event = loaded.events.find((e: Event) => e.actors.includes(name))!;
    issues.push(createIssue('error', 'actors/unknown', `actor "${name}" (in ${event.id}) is not in ${registryFile}; add it with its id, aliases and kind`, { file: registryFile }));
  }
  if (unknownActors.length) return fail();

  const version = options.version ?? described.meta?.version;
  const previous = options.previous && options.previous !== 'none' ? options.previous : undefined;
  if (previous && version === undefined) {
    issues.push(createIssue('error', 'build/version', `a release against ${previous} needs a version to stamp its changes and tombstones with: give --data-version, or set version in ${join(seeds, 'dataset.yaml')}`, { file: join(seeds, 'dataset.yaml') }));
    return fail();
  }
  // With a cache, a build whose inputs and outputs are as the last build
  // left them has nothing to write.
  const manifestFile = options.cache && join(options.cache, 'build-manifest.json');
  const inputs =
    loaded.digest &&
    createHash('sha1')
      .update(`${BUILD_FORMAT}\u0000${await codeFingerprint()}\u0000${version ?? ''}\u0000${out}\u0000${loaded.digest}\u0000${previousDigest(options.previous)}\u0000`)
      .update(`${registry.text ?? ''}\u0000${JSON.stringify(described.meta ?? null)}`)
      .digest('hex');
  if (!options.check && manifestFile && inputs && unchanged(manifestFile, inputs, out)) {
    const files = (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest).files.map((f) => f.path);
    return { dataset, issues, files, stale: [], ok: true };
  }

  let history: DatasetHistory;
  try {
    history = datasetHistory(dataset, registry.actors, version ?? null, previous ? await readRelease(previous) : undefined);
  } catch (error) {
    issues.push(createIssue('error', 'build/previous', `the previous release: ${error instanceof Error ? error.message : String(error)}`, { file: options.previous }));
    return fail();
  }
  const files = [...DATASET_FILES];
  const rendered = renderDatasetFiles(dataset, registry.actors, version, history, described.meta);
  if (options.check) {
    const stale: string[] = [];
    let done = 0;
    for await (const [name, content] of rendered) {
      options.onProgress?.({ phase: 'write', done: done++, total: DATASET_FILES.length, file: name });
      if (!fileHolds(join(out, name), content)) stale.push(name);
    }
    for (const name of listFiles(out)) if (!DATASET_FILES.includes(name) && !KEPT.has(name)) stale.push(name);
    return { dataset, issues, files, stale, ok: stale.length === 0 };
  }

  recoverEarlierBuild(out);
  const claim = ownership(out);
  if (claim.foreign.length) {
    issues.push(
      createIssue(
        'error',
        'build/foreign-files',
        `${out} holds ${claim.foreign.length} ${claim.foreign.length === 1 ? 'file' : 'files'} the build did not write (${claim.foreign.slice(0, 5).join(', ')}${claim.foreign.length > 5 ? ', ...' : ''}); build into an empty or new folder, or one a build wrote`,
        { file: out },
      ),
    );
    return fail();
  }
  // Every file is written beside its target first, one at a time; only
  // when all are written do they replace the old ones (datapackage.json,
  // which lists every file with its hash, last). A build that fails on the
  // way leaves the folder as it was; one killed while renaming leaves whole
  // files and a package that build --check finds stale.
  for (const path of claim.leftovers) rmSync(join(out, path), { force: true });
  const batch = createFileBatch({ skipUnchanged: true });
  const made: string[] = [];
  try {
    let done = 0;
    for await (const [name, content] of rendered) {
      options.onProgress?.({ phase: 'write', done: done++, total: DATASET_FILES.length, file: name });
      append(made, makeDir(dirname(join(out, name))));
      batch.add(join(out, name), content);
    }
    options.onProgress?.({ phase: 'write', done, total: DATASET_FILES.length });
  } catch (error) {
    batch.discard();
    // Folders made for the new files go too, when nothing else is in them.
    removeMadeDirs(made);
    throw error;
  }
  batch.commit();
  for (const path of claim.stale) rmSync(join(out, path), { force: true });
  if (manifestFile && inputs) writeManifest(manifestFile, inputs, out, files);
  return { dataset, issues, files, stale: [], ok: true };
}

/** Every file name a build has written, in this version or an earlier one. */
const EVER_WRITTEN: ReadonlySet<string> = new Set(DATASET_FILES);

/** The temporary files of builds before 0.2: `name.PID.tmp`, found only among a data folder's own names. */
const LEGACY_TEMP_FILE = /\.(\d+)\.tmp$/;

/** The files of an output folder, sorted into what the build may touch and what it must not. */
interface Ownership {
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
function ownership(out: string): Ownership {
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
function recoverEarlierBuild(out: string): void {
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

// Bump when the rendered files change for the same inputs.
const BUILD_FORMAT = 'democracy-timeline-build-2';

/**
 * A fingerprint of what this code renders: every file of the dataset for a
 * fixed event with a date range, a bare link and an unrated importance,
 * hashed. A warm build is trusted only when it matches the last build's,
 * so a new version of the package (or of a schema or table it writes)
 * never leaves data/ stale behind a manifest that says it is up to date.
 */
let fingerprint: Promise<string> | undefined;
function codeFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const event: Event = {
      id: '2000-01-01--fingerprint',
      date: '2000-01/2000-03',
      title: 'A fixed event, "quoted", with é',
      summary: 'Its summary, with a comma, and a line\n\nbreak.',
      importance: null,
      tags: ['a-tag'],
      actors: ['Someone'],
      sources: [{ title: 'A source', url: 'https://example.org/a', publisher: 'P', date: '2000-01', tier: 1 }, { url: 'https://example.org/b' }],
      formerIds: ['2000-01-01--before'],
      status: 'confirmed',
    };
    const actors: Actor[] = [{ id: 'someone', name: 'Someone', aliases: [], kind: 'person' }];
    const hash = createHash('sha1');
    for await (const [name, content] of renderDatasetFiles(deriveDataset([event], actors).dataset, actors, '0.0.0', undefined, { name: 'fingerprint' })) {
      hash.update(name);
      for (const piece of typeof content === 'string' || content instanceof Uint8Array ? [content] : content) hash.update(piece);
    }
    return hash.digest('hex');
  })();
  return fingerprint;
}

interface Manifest {
  format: string;
  inputs: string;
  files: { path: string; size: number; mtimeMs: number }[];
}

function unchanged(manifestFile: string, inputs: string, out: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (manifest.format !== BUILD_FORMAT || manifest.inputs !== inputs) return false;
    return manifest.files.every((f) => {
      const stat = statSync(join(out, f.path), { throwIfNoEntry: false });
      return stat !== undefined && stat.size === f.size && stat.mtimeMs === f.mtimeMs;
    });
  } catch {
    return false;
  }
}

function writeManifest(manifestFile: string, inputs: string, out: string, files: string[]): void {
  try {
    const manifest: Manifest = {
      format: BUILD_FORMAT,
      inputs,
      files: files.map((path) => {
        const stat = statSync(join(out, path));
        return { path, size: stat.size, mtimeMs: stat.mtimeMs };
      }),
    };
    makeDir(dirname(manifestFile));
    writeFileAtomic(manifestFile, JSON.stringify(manifest));
  } catch {
    // without a manifest the next build renders again; nothing else is lost
  }
}
