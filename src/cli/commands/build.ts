import { buildDataset } from '../../node/build/buildDataset.js';
import { cacheDirFor, evictCaches, userCacheRoot } from '../../node/files/cacheDir.js';
import { parse, UsageError } from '../args.js';
import { plural, printIssues } from '../io.js';
import { progress, type Progress } from '../progress.js';
import type { Command } from './types.js';

export const build: Command = {
  name: 'build',
  summary: 'build data/ from seeds/',
  help: `Usage: democracy-timeline build [SEEDS | --seeds DIR] [--out DIR] [--check] [--no-cache]
                                [--previous DATA] [--data-version VERSION]

Loads the seeds strictly (event files, actors.yaml, and dataset.yaml: what
the dataset says of itself) and writes the dataset: JSON, NDJSON, CSV,
Parquet, JSON Schema, changes.json, tombstones.json and datapackage.json.
The dataset's name, title, licence, sources, citation and version come
from dataset.yaml; without it, datapackage.json says the dataset has not
said what it is.

  SEEDS, --seeds DIR  the seeds folder (default: seeds)
  --out DIR    the output folder (default: data)
  --check      write nothing; exit 1 and name each file that is out of date
  --previous DATA  the previous release, for changes.json (what changed,
               record by record) and tombstones.json (every id that found
               an event there and finds none now, and where it went): a
               data folder, an events file, 'installed' (the installed
               package's data), or 'none' (the default: every event is new)
  --data-version VERSION  the data's version (such as 1.2.0), for
               datapackage.json, changes.json and new tombstones; default:
               version in dataset.yaml (needed with --previous)
  --no-cache   parse every file (by default unchanged files are reused from
               a cache in node_modules/.cache/democracy-timeline of the
               project the seeds belong to, or in the user's cache folder,
               where caches unused for 30 days, or past 256 MiB in all, are
               removed)

Exit status: 0, 1 when the seeds have errors or (--check) data is stale, 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parse('build', args, { seeds: { type: 'string' }, out: { type: 'string' }, check: { type: 'boolean' }, 'no-cache': { type: 'boolean' }, previous: { type: 'string' }, 'data-version': { type: 'string' } });
    const version = values['data-version'];
    if (version !== undefined && !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) throw new UsageError(`build: --data-version takes a version such as 1.2.0, got "${version}"`);
    // One seeds folder, named either way: anything more is refused, never ignored.
    if (positionals.length > 1 || (positionals.length === 1 && values.seeds !== undefined)) {
      throw new UsageError(`build: one seeds folder, as SEEDS or --seeds, got ${[...positionals, ...(values.seeds !== undefined ? [values.seeds] : [])].map((p) => JSON.stringify(p)).join(', ')}; run 'democracy-timeline build --help'`);
    }
    const seeds = positionals[0] ?? values.seeds;
    const cache = values['no-cache'] ? undefined : cacheDirFor(seeds ?? 'seeds');
    const reading = progress(io, `reading ${seeds ?? 'seeds'}`, { unit: 'file' });
    // Its clock starts with the first file written, so its estimate is of
    // writing alone; like every progress line, it shows once the command has
    // taken about a second.
    const started = Date.now();
    let writing: Progress | undefined;
    const result = await buildDataset({
      onProgress: (step) => {
        if (step.phase === 'read') reading.update(step.done, step.total);
        else {
          reading.end();
          writing ??= progress(io, values.check ? 'checking' : 'writing', { unit: 'file', delayMs: Math.max(0, 1000 - (Date.now() - started)) });
          writing.update(step.done, step.total, step.file);
        }
      },
      seeds,
      out: values.out,
      check: values.check,
      version,
      previous: values.previous,
      cache,
    }).finally(() => {
      reading.end();
      writing?.end();
    });
    // The user's cache folder stays bounded: caches unused for a month, or past 256 MiB in all, go.
    if (cache) evictCaches(userCacheRoot(), { keep: cache });
    if (result.issues.length) printIssues({ ...io, out: io.err }, result.issues);
    if (!result.dataset) {
      io.err('\nbuild stopped: the seeds have errors\n');
      return 1;
    }
    if (values.check) {
      for (const name of result.stale) io.err(`stale: ${name}\n`);
      io.out(result.ok ? `data is up to date (${plural(result.files.length, 'file')})\n` : `${plural(result.stale.length, 'stale file')}; run democracy-timeline build\n`);
      return result.ok ? 0 : 1;
    }
    io.out(`built ${plural(result.files.length, 'file')} from ${plural(result.dataset.events.length, 'event')}\n`);
    return 0;
  },
};
