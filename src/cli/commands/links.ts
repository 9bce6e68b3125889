import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { LINK_DEFAULTS, LINK_STATUSES, type LinkResult, type LinkStatus } from '../../node/links/checkLinks.js';
import { cacheDirFor, evictCaches, userCacheRoot } from '../../node/files/cacheDir.js';
import { addArchiveUrl } from '../../lint/addArchiveUrl.js';
import { checkEventLinks, type ArchiveSuggestion, type CheckEventLinksOptions, type CheckEventLinksResult } from '../../node/links/links.js';
import { DEFAULT_MAX_FILE_BYTES, readTextFileLimited } from '../../node/files/readTextFile.js';
import { writeFilesAtomic } from '../../node/files/writeFileAtomic.js';
import { int, parse, UsageError } from '../args.js';
import { count, plural, printable, printDiff, printIssues, printJson, type Io } from '../io.js';
import { progress } from '../progress.js';
import { open, pathsOf, reportDropped } from '../load.js';
import type { Command } from './types.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration flag: `500ms`, `30s`, `10m`, `12h`, `7d`; a bare number is milliseconds where `bare` allows it. */
function duration(flag: string, value: string | undefined, bare: boolean): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)(ms|s|m|h|d)?$/.exec(value.trim());
  if (!match || (!match[2] && !bare)) throw new UsageError(`links: --${flag} takes a duration such as 30s, 10m, 12h or 7d, got "${value}"`);
  return Number(match[1]) * UNITS[match[2] ?? 'ms']!;
}

/** `1,800 ok, 30 dead`, worst last, in the statuses' order. */
function statusCounts(counts: Partial<Record<LinkStatus, number>>): string {
  return LINK_STATUSES.filter((s) => counts[s]).map((s) => `${count(counts[s]!)} ${s}`).join(', ');
}

/** Applies the suggestions of one file in turn; each is checked on its own. */
function withArchives(text: string, file: string, list: ArchiveSuggestion[]): { text: string; added: number } {
  let added = 0;
  for (const s of list) {
    const next = addArchiveUrl(text, file, s.source, s.archiveUrl);
    if (next !== undefined) {
      text = next;
      added++;
    }
  }
  return { text, added };
}

export const links: Command = {
  name: 'links',
  summary: 'check every source link, and find archive copies',
  help: `Usage: democracy-timeline links [paths...] [options]

Checks every distinct source link (url and archive_url) of the event files
under the paths (default: seeds) over HTTP: HEAD, then GET when HEAD fails
in any way (refused, reset, timed out; a host where only GET works is asked
with GET from then on); redirects followed; each link classed as ok,
redirected (and where it lands), dead (404, 410), blocked (401, 403, 429),
http-error, server-error, timeout, dns, tls, connection, redirect-loop or
not-checkable. Politely: one request at a time per host with a delay
between them (a redirect waits its turn at the host it leads to), a limit
on requests in flight, Retry-After honoured, transient failures retried
with backoff, a timeout per request, at most
${LINK_DEFAULTS.maxBodyBytes / 1024} KiB of any body read. Safely: a host that
is not on the public internet (loopback, private, link-local such as the
cloud metadata address, reserved) is never asked, named or reached by a
redirect; such a link is not-checkable.

Results are cached with the time they were checked, written as the run
goes and merged with what another run wrote meanwhile: a later run checks
again only what is older than --max-age, and a run that is stopped
(Ctrl-C) or killed resumes where it was. When no host answers at all (16
hosts failing to resolve or connect with none answering is enough), the
machine looks offline: the run says so, stops, and caches none of it.

  --json              one JSON document on stdout: { links, checked,
                      fromCache, complete, unchecked, byStatus,
                      byPublisher, findings, suggestions, notAsked,
                      written }
  --max-age AGE       check again what is older (default 7d): 30m, 12h, 7d
  --cache FILE        the cache, or a folder for links.json in it (default:
                      the project's node_modules/.cache/democracy-timeline,
                      or the user's cache folder; made when missing)
  --no-cache          neither read nor write a cache
  --concurrency N     requests in flight at most (default ${LINK_DEFAULTS.concurrency}, at most 32)
  --host-delay MS     between two requests to one host (default ${LINK_DEFAULTS.hostDelayMs})
  --timeout MS        per request (default ${LINK_DEFAULTS.timeoutMs})
  --retries N         retries of a transient failure (default ${LINK_DEFAULTS.retries})
  --deadline AGE      stop after this long (what is left is listed)
  --archive URL       ask this Wayback-style availability endpoint
                      (e.g. https://archive.org/wayback/available) for a
                      snapshot of each dead or unarchived link, and show
                      the archive_url each would add as a diff; off unless
                      given
  --write             add those archive_url lines (url is never changed;
                      every file written, or none)
  --allow-private     also ask hosts that are not on the public internet
                      (a local test server, an intranet)

Exit status: 0 when no link is dead and every link was checked; 1 when a
link is dead, the run ran out of time, no host answered (offline), or a
file was not loaded; 130 when stopped with Ctrl-C; 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parse('links', args, {
      json: { type: 'boolean' },
      'max-age': { type: 'string' },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean' },
      concurrency: { type: 'string' },
      'host-delay': { type: 'string' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      deadline: { type: 'string' },
      archive: { type: 'string' },
      write: { type: 'boolean' },
      'allow-private': { type: 'boolean' },
    });
    if (values.write && !values.archive) throw new UsageError("links: --write adds archive links, so it needs --archive URL; run 'democracy-timeline links --help'");
    if (values.archive !== undefined && !/^https?:\/\//i.test(values.archive)) throw new UsageError(`links: --archive takes an http(s) URL, got "${values.archive}"`);
    if (values.cache !== undefined && values['no-cache']) throw new UsageError('links: --cache and --no-cache contradict each other');
    const paths = pathsOf(positionals);
    const project = await open(io, paths, { mode: 'lenient' });
    const cacheDir = values['no-cache'] || values.cache !== undefined ? undefined : cacheDirFor(paths[0]!);
    const cacheFile = values['no-cache'] ? undefined : (values.cache ?? join(cacheDirFor(paths[0]!), 'links.json'));

    // Ctrl-C stops the run; what was checked is kept in the cache.
    const controller = new AbortController();
    const interrupt = () => controller.abort();
    process.once('SIGINT', interrupt);
    const options: CheckEventLinksOptions = {
      cacheFile,
      maxAgeMs: duration('max-age', values['max-age'], false),
      concurrency: int('links', 'concurrency', values.concurrency),
      hostDelayMs: duration('host-delay', values['host-delay'], true),
      timeoutMs: duration('timeout', values.timeout, true),
      retries: int('links', 'retries', values.retries),
      deadlineMs: duration('deadline', values.deadline, false),
      archiveEndpoint: values.archive,
      allowPrivate: values['allow-private'],
      signal: controller.signal,
    };
    const result = await withProgress(io, (onResult) => checkEventLinks(project.events, project.files, { ...options, onResult })).finally(() => process.removeListener('SIGINT', interrupt));
    if (cacheDir) evictCaches(userCacheRoot(), { keep: cacheDir });
    if (result.offline) {
      const left = result.unchecked.length ? `; stopped there, ${plural(result.unchecked.length, 'link')} not checked` : '';
      io.err(`no host answered: ${plural(result.checked, 'link')} failed to resolve or connect, as on a machine with no network${left}; none of it is cached (check the connection, then run again)\n`);
    }
    if (result.cacheError) io.err(`the cache could not be written (${result.cacheError}); the results stand, the next run checks them again\n`);

    const edits = archiveEdits(result.suggestions);
    // A link is never written through; the other files are written together, or none is.
    const linked = values.write ? edits.filter((e) => lstatSync(e.file).isSymbolicLink()) : [];
    for (const e of linked) io.err(`${printable(e.file)}: a symbolic link: not written through; add its archive links to the file it points to\n`);
    if (values.write) writeFilesAtomic(edits.filter((e) => !linked.includes(e)).map((e) => [e.file, e.after] as const));
    const added = edits.reduce((n, e) => n + (linked.includes(e) ? 0 : e.added), 0);

    const distinct = result.results.length + result.unchecked.length;
    if (values.json) {
      printJson(io, {
        links: distinct,
        checked: result.checked,
        fromCache: result.fromCache,
        complete: result.complete,
        unchecked: result.unchecked,
        byStatus: result.summary.byStatus,
        byPublisher: result.summary.byPublisher,
        findings: result.findings,
        suggestions: result.suggestions,
        notAsked: result.notAsked,
        written: values.write ? added : 0,
      });
    } else printReport(io, result, { edits, added, cacheFile, write: values.write, archive: values.archive });
    if (values.archive && result.notAsked) io.err(`archive lookups: ${plural(result.notAsked, 'link')} not asked about (the run stopped or ran out of time); run again\n`);
    if (!result.complete && !result.offline) {
      io.err(`${controller.signal.aborted ? 'stopped' : 'out of time'}: ${plural(result.unchecked.length, 'link')} of ${count(distinct)} not checked; run again to resume${cacheFile ? ' from the cache' : ''}\n`);
    }
    const dropped = reportDropped(io, project);
    if (controller.signal.aborted) return 130;
    return result.findings.some((f) => f.severity === 'error') || !result.complete || result.offline || dropped || linked.length ? 1 : 0;
  },
};

/** An event file's text before and after its archive links are added. */
interface ArchiveEdit {
  file: string;
  before: string;
  after: string;
  added: number;
}

/** The archive links, file by file: each file read once, its links added in place. */
function archiveEdits(suggestions: readonly ArchiveSuggestion[]): ArchiveEdit[] {
  const byFile = new Map<string, ArchiveSuggestion[]>();
  for (const s of suggestions) {
    const list = byFile.get(s.file);
    if (list) list.push(s);
    else byFile.set(s.file, [s]);
  }
  const edits: ArchiveEdit[] = [];
  for (const [file, list] of byFile) {
    const before = readTextFileLimited(file, DEFAULT_MAX_FILE_BYTES, []);
    if (before === undefined) continue;
    const { text: after, added } = withArchives(before, file, list);
    if (added) edits.push({ file, before, after, added });
  }
  return edits;
}

/** The report for a reader: findings, the diffs of archive links to add, counts by status and the publishers with most problems. */
function printReport(io: Io, result: CheckEventLinksResult, run: { edits: ArchiveEdit[]; added: number; cacheFile: string | undefined; write?: boolean; archive?: string }): void {
  printIssues(io, result.findings);
  if (!run.write) for (const e of run.edits) printDiff(io, e.file, e.before, e.after);
  const distinct = result.results.length + result.unchecked.length;
  io.out(`\n${plural(distinct, 'distinct link')} in ${plural(result.links.length, 'source link')}: ${statusCounts(result.summary.byStatus) || 'none checked'}\n`);
  io.out(`${count(result.checked)} checked now, ${count(result.fromCache)} from the cache${run.cacheFile ? ` (${run.cacheFile})` : ''}\n`);
  const worst = result.summary.byPublisher.filter((p) => Object.keys(p.problems).some((s) => s !== 'redirected')).slice(0, 10);
  if (worst.length) {
    io.out('\nby publisher, most problems first:\n');
    for (const p of worst) io.out(`  ${p.publisher}: ${plural(p.links, 'link')}; ${statusCounts(p.problems)}\n`);
  }
  if (run.archive) io.out(`\n${plural(run.added, 'archive link')} ${run.write ? 'added' : 'to add (run with --write)'}${result.suggestions.length > run.added ? `; ${result.suggestions.length - run.added} could not be added in place` : ''}\n`);
}

/** Runs a check with a progress line on a terminal that counts the dead links found so far. */
async function withProgress<T>(io: Io, check: (onResult: (r: LinkResult, settled: number, total: number) => void) => Promise<T>): Promise<T> {
  let dead = 0;
  const line = progress(io, 'checking links', { unit: 'link' });
  try {
    return await check((r, settled, total) => {
      if (r.status === 'dead') dead++;
      line.update(settled, total, dead ? `(${count(dead)} dead)` : undefined);
    });
  } finally {
    line.end();
  }
}
