import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildDataset } from '../build/buildDataset.js';
import { cacheDirFor, userCacheRoot } from '../files/cacheDir.js';
import { writeFileAtomic } from '../files/writeFileAtomic.js';
import { importEvents } from '../import/importEvents.js';
import type { ImportEventsResult } from '../import/types.js';
import { dumpYaml } from '../../parse/yaml.js';
import { contentDigest, type ContentDigest } from './contentDigest.js';
import { downloadArchive, GetError, type Downloaded } from './download.js';
import { extractArchive, type ExtractLimits } from './extract.js';
import { GET_SOURCES, resolveSource, type Snapshot } from './sources.js';

/** Options for {@link getSnapshot}. */
export interface GetSnapshotOptions {
  /** The folder to make: `DIR/seeds` and `DIR/data`. Default: the source's name. */
  out?: string;
  /** For an explicit URL: the events folder inside the archive, below its top folder. */
  path?: string;
  /** For an explicit URL: the SHA-256 of the archive's bytes (hex). */
  sha256?: string;
  /** Never touch the network: the archive must be in the cache. */
  offline?: boolean;
  /** Where archives are kept. Default: `downloads` in the user's cache folder. */
  cacheDir?: string;
  /** The most entries and bytes an archive may unpack to. */
  limits?: ExtractLimits;
  /** Called as the work goes: bytes downloaded, then files read and written by import and build. */
  onProgress?: (step: { phase: 'download' | 'import' | 'build'; done: number; total?: number }) => void;
  /** Stops a download (what came is kept, to resume). */
  signal?: AbortSignal;
}

/** What `get` got, and where it is. */
export interface GetSnapshotResult {
  snapshot: Snapshot;
  /** The folder made, its seeds and its data. */
  out: string;
  seeds: string;
  data: string;
  /** The archive, and whether it came from the cache (undefined when the seeds were already this snapshot). */
  archive?: Downloaded;
  /** The digest of the snapshot's event files. */
  content: ContentDigest;
  /** Whether the seeds were fetched and imported now (false: they were already this snapshot, untouched). */
  fetched: boolean;
  /** What import did with each file (now, or when the seeds were made). */
  imported: ImportEventsResult['counts'];
  /** The files import refused or could not read, relative to the snapshot's folder, each with its first error. */
  refused: { file: string; message: string }[];
  /** How many events the dataset holds, and the files build wrote. */
  events: number;
  files: string[];
  /** How to cite the data. */
  citation: string;
}

/** What `DIR/snapshot.json` records: which snapshot the seeds are, so a second `get` knows. */
interface Stamp {
  source: string;
  url: string;
  version?: string;
  content: ContentDigest;
  seeds: string;
  imported: ImportEventsResult['counts'];
  refused: GetSnapshotResult['refused'];
  license?: string;
  attribution?: string;
  citation: string;
}

const STAMP = 'snapshot.json';

/** What the seeds hold: their event files, `actors.yaml` and `dataset.yaml`. */
function seedsDigest(seeds: string): string {
  const hash = createHash('sha256').update(contentDigest(seeds).digest);
  for (const name of ['actors.yaml', 'dataset.yaml']) {
    hash.update(`\n${name}\n`);
    if (existsSync(join(seeds, name))) hash.update(readFileSync(join(seeds, name)));
  }
  return `sha256:${hash.digest('hex')}`;
}

function readStamp(out: string): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(join(out, STAMP), 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

function citationOf(snapshot: Snapshot, content: ContentDigest): string {
  const what = snapshot.version ? `${snapshot.homepage ?? snapshot.url} at commit ${snapshot.version}` : snapshot.url;
  return `${snapshot.attribution ?? snapshot.name}. Snapshot: ${what}${snapshot.path ? `, folder ${snapshot.path}` : ''}; ${content.files} event files, ${content.digest}.`;
}

/** `dataset.yaml` for the seeds: what the snapshot is, whose, under which licence, and how to cite it. */
function datasetYaml(source: string, snapshot: Snapshot, citation: string): string {
  const known = Object.hasOwn(GET_SOURCES, source) ? GET_SOURCES[source] : undefined;
  const meta = {
    name: source.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'snapshot',
    title: known?.title ?? snapshot.name,
    description: `A snapshot of ${snapshot.homepage ?? snapshot.url}${snapshot.version ? ` at commit ${snapshot.version}` : ''}, imported by democracy-timeline get.`,
    ...(snapshot.homepage ? { homepage: snapshot.homepage } : {}),
    ...(known ? { licenses: [{ name: known.license, path: known.licensePath, title: known.licenseTitle }] } : {}),
    citation,
    sources: [{ title: snapshot.version ? `${known?.title ?? snapshot.name} at commit ${snapshot.version}` : snapshot.name, ...(snapshot.homepage ? { path: snapshot.version ? `${snapshot.homepage}/tree/${snapshot.version}/${snapshot.path}` : snapshot.homepage } : {}) }],
  };
  return `# What this snapshot is: written by democracy-timeline get.\n${dumpYaml(meta)}`;
}

/** Fetches, checks, unpacks and imports the snapshot into `seeds`, replacing what an earlier get made there. */
async function fetchSeeds(source: string, snapshot: Snapshot, out: string, seeds: string, options: GetSnapshotOptions): Promise<{ archive: Downloaded; content: ContentDigest; imported: ImportEventsResult['counts']; refused: GetSnapshotResult['refused'] }> {
  const archive = await downloadArchive(snapshot, {
    cacheDir: options.cacheDir ?? join(userCacheRoot(), 'downloads'),
    offline: options.offline,
    signal: options.signal,
    onProgress: (done, total) => options.onProgress?.({ phase: 'download', done, total }),
  });
  const staging = mkdtempSync(join(out, '.get-'));
  try {
    const { root } = await extractArchive(archive.file, snapshot.format, join(staging, 'archive'), snapshot.path, options.limits);
    const events = join(root, snapshot.path);
    if (!statSync(events, { throwIfNoEntry: false })?.isDirectory()) throw new GetError(`${snapshot.url}: the archive has no folder ${snapshot.path || '(top)'}; nothing was imported`);
    const content = contentDigest(events);
    if (snapshot.digest && content.digest !== snapshot.digest) {
      throw new GetError(`${snapshot.url}: the event files are not the pinned snapshot: expected ${snapshot.digest} (${snapshot.files} files), got ${content.digest} (${content.files} files); nothing was imported`);
    }
    const fresh = join(staging, 'seeds');
    const result = await importEvents([events], { out: fresh, onProgress: (step) => options.onProgress?.({ phase: 'import', done: step.done, total: step.total }) });
    if (!result.counts.imported) throw new GetError(`${snapshot.url}: no event in ${snapshot.path || 'the archive'} could be imported; nothing was changed`);
    writeFileAtomic(join(fresh, 'dataset.yaml'), datasetYaml(source, snapshot, citationOf(snapshot, content)));
    // The new seeds replace the old whole: never a mix of two snapshots, and the old ones back if the swap fails.
    const old = join(staging, 'old-seeds');
    if (existsSync(seeds)) renameSync(seeds, old);
    try {
      renameSync(fresh, seeds);
    } catch (error) {
      if (existsSync(old)) renameSync(old, seeds);
      throw error;
    }
    const refused = result.files.flatMap((f) => (f.fate === 'refused' || f.fate === 'not-read' ? [{ file: relative(events, f.file).split(sep).join('/'), message: f.issues.find((i) => i.severity === 'error')?.message ?? f.fate }] : []));
    // Recorded as soon as the seeds are in place: a build that fails after this leaves a get that can run again.
    const citation = citationOf(snapshot, content);
    const record: Stamp = { source, url: snapshot.url, version: snapshot.version, content, seeds: seedsDigest(seeds), imported: result.counts, refused, license: snapshot.license, attribution: snapshot.attribution, citation };
    writeFileAtomic(join(out, STAMP), `${JSON.stringify(record, null, 2)}\n`);
    return { archive, content, imported: result.counts, refused };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Gets a pinned snapshot of a timeline in one step: downloads its archive
 * (or finds it in the cache; an interrupted download resumes), unpacks the
 * events folder refusing anything a hostile archive could do, checks the
 * event files against the digest the registry pins (a mismatch imports
 * nothing), imports them into `DIR/seeds` (with a `dataset.yaml` saying what
 * the snapshot is, its licence and how to cite it) and builds `DIR/data`.
 * `DIR/snapshot.json` records which snapshot the seeds are: a second `get`
 * of it, with the seeds unchanged, only builds (warm). `DIR/seeds` is
 * `get`'s: a folder there that `get` did not make, or seeds changed since
 * it made them, are refused, never replaced.
 *
 * @param source - a registry name (`kleptocracy-timeline`), `github:OWNER/REPO@COMMIT:PATH`, or an https URL of a `.tar.gz` or `.zip`
 * @param options - where to, `--path`/`--sha256` for a URL, offline, the cache, limits, progress
 * @returns what was got, and where
 * @throws GetError saying what went wrong and what to do; TypeError for a source that is none of the above
 *
 * @example Illustration: needs the network
 * ```ts
 * const got = await getSnapshot('kleptocracy-timeline', { out: 'klepto' });
 * (await loadDataset(got.data)).events.length;
 * // => 1934
 * ```
 */
export async function getSnapshot(source: string, options: GetSnapshotOptions = {}): Promise<GetSnapshotResult> {
  const snapshot = resolveSource(source, { path: options.path, sha256: options.sha256 });
  const out = options.out ?? snapshot.name.replace(/\.(?:tar\.gz|tgz|zip)$/i, '').replace(/[/\\]/g, '-');
  const seeds = join(out, 'seeds');
  const data = join(out, 'data');
  const stamp = readStamp(out);
  if (existsSync(seeds) && !stamp) throw new GetError(`${seeds} exists and was not made by get; choose another --out, or remove it`);
  mkdirSync(out, { recursive: true });

  // Seeds changed since get made them are someone's work: never replaced.
  const untouched = stamp !== undefined && existsSync(seeds) && seedsDigest(seeds) === stamp.seeds;
  if (stamp && existsSync(seeds) && !untouched) throw new GetError(`${seeds} has changed since get made it; get would replace it: move the changes elsewhere or remove ${seeds}, then run again`);
  // The seeds are this snapshot, untouched since: only the build is left to do.
  const same = untouched && stamp.url === snapshot.url && stamp.version === snapshot.version && (!snapshot.digest || stamp.content.digest === snapshot.digest);
  let fetched: Awaited<ReturnType<typeof fetchSeeds>> | undefined;
  if (!same) fetched = await fetchSeeds(source, snapshot, out, seeds, options);
  const content = fetched?.content ?? stamp!.content;
  const citation = citationOf(snapshot, content);

  const built = await buildDataset({ seeds, out: data, cache: cacheDirFor(seeds), onProgress: (step) => options.onProgress?.({ phase: 'build', done: step.done, total: step.total }) });
  if (!built.dataset) throw new GetError(`${seeds}: the seeds have errors, so ${data} was not built: ${built.issues.find((i) => i.severity === 'error')?.message ?? ''}`);
  return { snapshot, out, seeds, data, archive: fetched?.archive, content, fetched: fetched !== undefined, imported: fetched?.imported ?? stamp!.imported, refused: fetched?.refused ?? stamp!.refused, events: built.dataset.events.length, files: built.files, citation };
}
