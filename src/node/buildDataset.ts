import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Actor } from '../model/actor.js';
import type { Event } from '../model/event.js';
import type { Issue } from '../model/issue.js';
import { toCSV, type CsvTable } from '../format/csv.js';
import { toDataPackage, type DataFile } from '../format/dataPackage.js';
import { deriveDataset, type Dataset } from '../format/deriveDataset.js';
import { toJSONSchema } from '../format/jsonSchema.js';
import { toNDJSON } from '../format/ndjson.js';
import { createActorRegistry } from '../query/createActorRegistry.js';
import { loadActors } from './loadActors.js';
import { loadEvents } from './loadEvents.js';

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
 * @returns path -> content
 *
 * @example
 * ```ts
 * const { dataset } = deriveDataset(events, actors);
 * [...renderDataset(dataset, actors, '0.1.0').keys()].slice(0, 3);
 * // => ['events.json', 'events.ndjson', 'actors.json']
 * ```
 */
export function renderDataset(dataset: Dataset, actors: readonly Actor[], version: string): Map<string, string> {
  const registry = createActorRegistry(actors);
  const files = new Map<string, string>();
  files.set('events.json', json(dataset.events));
  files.set('events.ndjson', toNDJSON(dataset.events));
  files.set('actors.json', json(dataset.actors));
  files.set('tags.json', json(dataset.tags));
  files.set('sources.json', json(dataset.sources));
  files.set('stats.json', json(dataset.stats));
  for (const table of ['events', 'event_tags', 'event_actors', 'event_sources'] as CsvTable[]) {
    files.set(`${table}.csv`, toCSV(dataset.events, { table, actorId: (name) => registry.resolve(name)?.id }));
  }
  for (const name of ['event', 'source', 'actor'] as const) files.set(`schema/${name}.schema.json`, json(toJSONSchema(name)));
  const measured: DataFile[] = [...files]
    .filter(([path]) => !path.startsWith('schema/'))
    .map(([path, content]) => ({ path, bytes: Buffer.byteLength(content), sha256: createHash('sha256').update(content).digest('hex') }));
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
 * folder. Everything is written to a temporary folder first, which then
 * replaces the old one, so an interrupted build never leaves half a dataset.
 * With `check`, nothing is written: the result names each stale file.
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
  const registryFile = join(seeds, 'actors.yaml');
  const loaded = await loadEvents(seeds, { mode: 'strict', cache: options.cache });
  const registry = existsSync(registryFile) ? await loadActors(registryFile) : { actors: [], issues: [] };
  const issues = [...loaded.issues, ...registry.issues];
  const fail = (): BuildDatasetResult => ({ issues, files: [], stale: [], ok: false });
  if (issues.some((i) => i.severity === 'error')) return fail();
  const { dataset, unknownActors } = deriveDataset(loaded.events, registry.actors);
  for (const name of unknownActors) {
    const event = loaded.events.find((e: Event) => e.actors.includes(name))!;
    issues.push({ severity: 'error', code: 'actors/unknown', message: `actor "${name}" (in ${event.id}) is not in ${registryFile}; add it with its id, aliases and kind`, file: registryFile });
  }
  if (unknownActors.length) return fail();

  const version = options.version ?? '0.0.0';
  // With a cache, a build whose inputs and outputs are as the last build
  // left them has nothing to write.
  const manifestFile = options.cache && join(options.cache, 'build-manifest.json');
  const inputs =
    loaded.digest &&
    createHash('sha1')
      .update(`${BUILD_FORMAT}\u0000${version}\u0000${out}\u0000${loaded.digest}\u0000`)
      .update(existsSync(registryFile) ? readFileSync(registryFile) : '')
      .digest('hex');
  if (!options.check && manifestFile && inputs && unchanged(manifestFile, inputs, out)) {
    const files = (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest).files.map((f) => f.path);
    return { dataset, issues, files, stale: [], ok: true };
  }

  const rendered = renderDataset(dataset, registry.actors, version);
  const files = [...rendered.keys()];
  if (options.check) {
    const stale = files.filter((name) => {
      const path = join(out, name);
      return !existsSync(path) || readFileSync(path, 'utf8') !== rendered.get(name);
    });
    for (const name of listFiles(out)) if (!rendered.has(name) && !KEPT.has(name)) stale.push(name);
    return { dataset, issues, files, stale, ok: stale.length === 0 };
  }

  const temp = `${out}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  try {
    for (const [name, content] of rendered) {
      const path = join(temp, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    for (const name of KEPT) if (existsSync(join(out, name))) writeFileSync(join(temp, name), readFileSync(join(out, name)));
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  const old = `${out}.old-${process.pid}`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(temp, out);
  rmSync(old, { recursive: true, force: true });
  if (manifestFile && inputs) writeManifest(manifestFile, inputs, out, files);
  return { dataset, issues, files, stale: [], ok: true };
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
    mkdirSync(dirname(manifestFile), { recursive: true });
    writeFileSync(manifestFile, JSON.stringify(manifest));
  } catch {
    // without a manifest the next build renders again; nothing else is lost
  }
}
