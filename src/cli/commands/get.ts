import { GetError } from '../../node/get/download.js';
import { getSnapshot, type GetSnapshotResult } from '../../node/get/getSnapshot.js';
import { GET_SOURCES } from '../../node/get/sources.js';
import { parse, UsageError } from '../args.js';
import { count, plural, printable, printJson, type Io } from '../io.js';
import { progress, type Progress } from '../progress.js';
import type { Command } from './types.js';

/** What a result says to a reader: what was got, how much, whose, and where. */
function report(io: Io, got: GetSnapshotResult): void {
  const { snapshot, content } = got;
  io.out(`got ${snapshot.name}${snapshot.version ? ` at ${snapshot.version}` : ''}${snapshot.path ? `, folder ${snapshot.path}` : ''}\n`);
  io.out(`  content   ${content.digest} (${plural(content.files, 'event file')}${snapshot.digest ? ', as pinned' : ''})\n`);
  if (got.archive) io.out(`  archive   ${got.archive.fromCache ? 'from the cache' : 'downloaded'}, ${count(got.archive.bytes)} bytes\n`);
  const c = got.imported;
  if (!got.fetched) io.out('  seeds     already this snapshot, unchanged: not fetched again\n');
  io.out(`  imported  ${plural(c.imported, 'event')}; ${count(c.merged)} merged into a twin, ${count(c.refused)} refused, ${count(c.notRead)} not read, ${count(c.idsRepaired)} ids repaired\n`);
  io.out(`  dataset   ${plural(got.events, 'event')}, ${plural(got.files.length, 'file')} in ${got.data}\n`);
  if (snapshot.license) io.out(`  licence   ${snapshot.license}\n`);
  io.out(`  cite      ${got.citation}\n`);
  io.out(`\nload it: const { events } = await loadDataset(${JSON.stringify(got.out)}); // democracy-timeline/node\n`);
}

export const get: Command = {
  name: 'get',
  summary: 'download, check, import and build a pinned snapshot of a timeline',
  help: `Usage: democracy-timeline get SOURCE [--out DIR] [--path SUBDIR] [--sha256 HEX]
                              [--offline] [--quiet] [--json]

Downloads a pinned snapshot of a timeline, checks it, imports its events
into DIR/seeds and builds DIR/data, then says what it got: the version
(the commit), counts, the licence, the citation and where the files are.
DIR/snapshot.json records which snapshot the seeds are; run again, and
with the seeds unchanged only the build runs.

SOURCE is one of:
  ${Object.keys(GET_SOURCES).join(', ')}
              a snapshot the package pins: a commit, and the digest of its
              event files (a snapshot that differs is refused)
  github:OWNER/REPO@COMMIT:PATH
              a folder of a GitHub repository at a commit (40 hex digits)
  https://HOST/FILE.tar.gz (or .tgz, .zip)
              an archive; --path names the events folder inside it (below
              its top folder); --sha256 checks its bytes. Plain http:// only
              from this machine.

  --out DIR      the folder to make (default: the source's name)
  --path SUBDIR  with a URL: the events folder inside the archive
  --sha256 HEX   with a URL: the SHA-256 of the archive's bytes
  --offline      never touch the network: the archive must be in the cache
  --quiet        no progress line
  --json         what was got, as one JSON document on stdout

Archives are kept in the user's cache folder (democracy-timeline/downloads)
and reused; an interrupted download resumes. An archive is refused whole,
nothing written outside DIR, when an entry is a link, a device or a FIFO,
has an absolute or '..' path or a name that is not UTF-8, or when it
unpacks to more than 200,000 entries or 4 GiB. DIR/seeds is get's: a folder
there that get did not make, or seeds changed since, are never replaced.

Exit status: 0 when every event file was imported (or merged into a twin)
and the dataset built; 1 when a file was refused or not read (the dataset
is built without it; each is named), or nothing could be got (the reason,
and what to do); 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parse('get', args, { out: { type: 'string' }, path: { type: 'string' }, sha256: { type: 'string' }, offline: { type: 'boolean' }, quiet: { type: 'boolean' }, json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError(`get: name one SOURCE (${Object.keys(GET_SOURCES).join(', ')}, github:OWNER/REPO@COMMIT:PATH or an https URL); run 'democracy-timeline get --help'`);
    const quiet = values.quiet ? { ...io, progress: false } : io;
    const lines: Partial<Record<'download' | 'import' | 'build', Progress>> = {};
    const labels = { download: 'downloading', import: 'importing', build: 'building' } as const;
    const started = Date.now();
    let got: GetSnapshotResult;
    try {
      got = await getSnapshot(positionals[0]!, {
        out: values.out,
        path: values.path,
        sha256: values.sha256,
        offline: values.offline,
        onProgress: ({ phase, done, total }) => {
          for (const [other, line] of Object.entries(lines)) if (other !== phase) line.end();
          const line = (lines[phase] ??= progress(quiet, labels[phase], phase === 'download' ? { unit: 'kB', units: 'kB' } : { unit: 'file' }));
          if (phase !== 'download') return line.update(done, total);
          const rate = done / 1024 / 1024 / Math.max(0.001, (Date.now() - started) / 1000);
          line.update(Math.round(done / 1024), total === undefined ? undefined : Math.round(total / 1024), `${rate.toFixed(1)} MB/s`);
        },
      });
    } catch (error) {
      if (error instanceof GetError || error instanceof TypeError) {
        io.err(`get: ${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      for (const line of Object.values(lines)) line.end();
    }
    for (const r of got.refused) io.err(`${printable(r.file)}: ${r.message}\n`);
    if (values.json) printJson(io, got);
    else report(io, got);
    if (got.refused.length) io.err(`\n${plural(got.refused.length, 'file')} of the snapshot refused or not read (named above): the dataset is built without them\n`);
    return got.refused.length ? 1 : 0;
  },
};
