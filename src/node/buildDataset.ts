import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Actor } from '../model/actor.js';
import type { Event } from '../model/event.js';
import { createIssue, type Issue } from '../model/issue.js';
import { toCSV, type CsvTable } from '../format/csv.js';
import { toDataPackage, type DataFile } from '../format/dataPackage.js';
import { deriveDataset, type Dataset } from '../query/deriveDataset.js';
import { toJSONSchema } from '../format/jsonSchema.js';
import { withDerivedDates } from '../format/derivedDates.js';
import { toNDJSON } from '../format/ndjson.js';
import { toParquet } from '../format/parquet.js';
import { createActorRegistry } from '../model/createActorRegistry.js';
import { loadActors } from './loadActors.js';
import { findRegistryFile, REGISTRY_FILE_NAMES } from './registryFile.js';
import { loadEvents } from './loadEvents.js';
import { alive, TEMP_FILE, writeFileAtomic, writeFileIfChanged } from './writeFileAtomic.js';
import { makeDir } from './makeDir.js';
import { datasetHistory, previousDigest, readRelease, type DatasetHistory } from './datasetHistory.js';

/** Options for {@link buildDataset}. */
export interface BuildDatasetOptions {
  /** The seeds folder: event files and `actors.yaml`. Default `seeds`. */
  seeds?: string;
  /** The output folder. Default `data`. */
  out?: string;
  /** Compare instead of writing: report the files that are missing, differ or should not be there. */
  check?: boolean;
  /** The version written into `datapackage.json`. Default `0.0.0`. */
  version?: string;
  /** A parse cache folder (see {@link LoadEventsOptions.cache}); none by default. */
  cache?: string;
  /**
   * The previous release's data, for `changes.json` and `tombstones.json`:
   * a data folder, an events file, `installed` (the installed package's
   * data), or `none` (the default: every event is new, no tombstone).
   */
  previous?: string;
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

/**
 * Renders every file of the dataset, keyed by path relative to the data
 * folder. Deterministic: the same dataset gives byte-identical files.
 *
 * @param dataset - the derived dataset
 * @param actors - the registry, for actor ids in event_actors.csv
 * @param version - the version for datapackage.json
 * @param history - the changes since the previous release and the tombstones (default: as if there were none)
 * @returns path -> content
 *
 * @example
 * ```ts
 * const { dataset } = deriveDataset(events, actors);
 * [...(await renderDataset(dataset, actors, '0.1.0')).keys()].slice(0, 3);
 * // => ['events.json', 'events.ndjson', 'actors.json']
 * ```
 */
export async function renderDataset(dataset: Dataset, actors: readonly Actor[], version: string, history?: DatasetHistory): Promise<Map<string, string | Uint8Array>> {
  const registry = createActorRegistry(actors);
  const { changes, tombstones } = history ?? datasetHistory(dataset, actors, version);
  const files = new Map<string, string | Uint8Array>();
  // The written date, and what it means, for tools with no EDTF reader.
  const dated = dataset.events.map(withDerivedDates);
  files.set('events.json', json(dated));
  files.set('events.ndjson', toNDJSON(dated));
  files.set('actors.json', json(dataset.actors));
  files.set('tags.json', json(dataset.tags));
  files.set('sources.json', json(dataset.sources));
  files.set('stats.json', json(dataset.stats));
  files.set('changes.json', json(changes));
  files.set('tombstones.json', json(tombstones));
  for (const table of ['events', 'event_tags', 'event_actors', 'event_sources'] as CsvTable[]) {
    files.set(`${table}.csv`, toCSV(dataset.events, { table, registry }));
  }
  for (const table of ['events', 'event_tags', 'event_actors', 'event_sources'] as CsvTable[]) {
    files.set(`${table}.parquet`, await toParquet(dataset.events, { table, registry }));
  }
  for (const name of ['event', 'source', 'actor'] as const) files.set(`schema/${name}.schema.json`, json(toJSONSchema(name)));
  const measured: DataFile[] = [...files].map(([path, content]) => ({ path, bytes: Buffer.byteLength(content), sha256: createHash('sha256').update(content).digest('hex') }));
  files.set('datapackage.json', json(toDataPackage({ version, files: measured })));
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
  const loaded = await loadEvents(seeds, { mode: 'strict', cache: options.cache });
  const registry: { actors: Actor[]; issues: Issue[]; text?: string } = found ? await loadActors(found) : { actors: [], issues: [] };
  const issues = [...loaded.issues, ...registry.issues];
  const fail = (): BuildDatasetResult => ({ issues, files: [], stale: [], ok: false });
  if (issues.some((i) => i.severity === 'error')) return fail();
  const { dataset, unknownActors } = deriveDataset(loaded.events, registry.actors);
  for (const name of unknownActors) {
    const event = loaded.events.find((e: Event) => e.actors.includes(name))!;
    issues.push(createIssue('error', 'actors/unknown', `actor "${name}" (in ${event.id}) is not in ${registryFile}; add it with its id, aliases and kind`, { file: registryFile }));
  }
  if (unknownActors.length) return fail();

  const version = options.version ?? '0.0.0';
  // With a cache, a build whose inputs and outputs are as the last build
  // left them has nothing to write.
  const manifestFile = options.cache && join(options.cache, 'build-manifest.json');
  const inputs =
    loaded.digest &&
    createHash('sha1')
      .update(`${BUILD_FORMAT}\u0000${version}\u0000${out}\u0000${loaded.digest}\u0000${previousDigest(options.previous)}\u0000`)
      .update(registry.text ?? '')
      .digest('hex');
  if (!options.check && manifestFile && inputs && unchanged(manifestFile, inputs, out)) {
    const files = (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest).files.map((f) => f.path);
    return { dataset, issues, files, stale: [], ok: true };
  }

  let history: DatasetHistory;
  try {
    history = datasetHistory(dataset, registry.actors, version, options.previous && options.previous !== 'none' ? await readRelease(options.previous) : undefined);
  } catch (error) {
    issues.push(createIssue('error', 'build/previous', `the previous release: ${error instanceof Error ? error.message : String(error)}`, { file: options.previous }));
    return fail();
  }
  const rendered = await renderDataset(dataset, registry.actors, version, history);
  const files = [...rendered.keys()];
  if (options.check) {
    const stale = files.filter((name) => {
      const path = join(out, name);
      return !existsSync(path) || !readFileSync(path).equals(Buffer.from(rendered.get(name)!));
    });
    for (const name of listFiles(out)) if (!rendered.has(name) && !KEPT.has(name)) stale.push(name);
    return { dataset, issues, files, stale, ok: stale.length === 0 };
  }

  recoverEarlierBuild(out);
  const claim = ownership(out, rendered);
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
  // Each file is replaced on its own, atomically; datapackage.json, which
  // lists every file with its hash, goes last, so a build stopped half way
  // leaves whole files and a package that build --check finds stale.
  for (const path of claim.leftovers) rmSync(join(out, path), { force: true });
  for (const [name, content] of rendered) {
    if (name === 'datapackage.json') continue;
    makeDir(dirname(join(out, name)));
    writeFileIfChanged(join(out, name), content);
  }
  writeFileIfChanged(join(out, 'datapackage.json'), rendered.get('datapackage.json')!);
  for (const path of claim.stale) rmSync(join(out, path), { force: true });
  if (manifestFile && inputs) writeManifest(manifestFile, inputs, out, files);
  return { dataset, issues, files, stale: [], ok: true };
}

/** Every file name a build has written, in this version or an earlier one. */
const DATASET_FILES = new Set([
  'events.json',
  'events.ndjson',
  'actors.json',
  'tags.json',
  'sources.json',
  'stats.json',
  'changes.json',
  'tombstones.json',
  'events.csv',
  'event_tags.csv',
  'event_actors.csv',
  'event_sources.csv',
  'events.parquet',
  'event_tags.parquet',
  'event_actors.parquet',
  'event_sources.parquet',
  'schema/event.schema.json',
  'schema/source.schema.json',
  'schema/actor.schema.json',
  'datapackage.json',
]);

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
function ownership(out: string, rendered: ReadonlyMap<string, unknown>): Ownership {
  const stat = statSync(out, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) return { foreign: ['(the path is not a folder)'], stale: [], leftovers: [] };
  const present = listFiles(out);
  const owned = new Set<string>();
  if (present.includes('datapackage.json')) {
    try {
      const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as { resources?: { path?: unknown }[] };
      for (const resource of pkg.resources ?? []) if (typeof resource.path === 'string') owned.add(resource.path);
      owned.add('datapackage.json');
      for (const name of DATASET_FILES) if (name.startsWith('schema/')) owned.add(name);
    } catch {
      // not a data package this build can read: its files are not ours
    }
  }
  const result: Ownership = { foreign: [], stale: [], leftovers: [] };
  for (const path of present) {
    const temp = TEMP_FILE.exec(path);
    if (temp && DATASET_FILES.has(path.slice(0, temp.index))) result.leftovers.push(path);
    else if (KEPT.has(path)) continue;
    else if (!owned.has(path) || !DATASET_FILES.has(path)) result.foreign.push(path);
    else if (!rendered.has(path)) result.stale.push(path);
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
    if (!statSync(dir).isDirectory() || !listFiles(dir).every((f) => DATASET_FILES.has(f) || KEPT.has(f))) continue;
    if (match[2] === 'old' && !existsSync(out)) renameSync(dir, out);
    else rmSync(dir, { recursive: true, force: true });
  }
}

// Bump when the rendered files change for the same inputs.
const BUILD_FORMAT = 'democracy-timeline-build-1';

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
