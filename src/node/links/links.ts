import type { Event } from '../../model/event.js';
import { createIssue, type Issue } from '../../model/issue.js';
import { checkLinks, DEFAULT_USER_AGENT, httpAnswer, LINK_DEFAULTS, linkLookup, type LinkLookup, type CheckLinksOptions, type CheckLinksResult, type LinkResult, type LinkStatus } from './checkLinks.js';
import { placeFindings } from '../load/placeFindings.js';
import { compareText } from '../../model/compareText.js';

/** A link written in a source of an event file. */
export interface SourceLink {
  /** The file. */
  file: string;
  /** The event's id. */
  id: string;
  /** Which source of the event (0-based). */
  source: number;
  /** `url` or `archive_url`, as files spell the key. */
  key: 'url' | 'archive_url';
  /** The link. */
  url: string;
  /** The source's publisher, when given. */
  publisher?: string;
  /** True when the source has an archive link. */
  archived: boolean;
}

/**
 * Every link in the sources of the events: each source's `url` and
 * `archive_url`, with its file and place.
 *
 * @param events - the events
 * @param files - the file of each event (`files[i]` for `events[i]`)
 * @returns the links, in event order
 *
 * @example
 * ```ts
 * sourceLinks([event], ['seeds/x.md']).map((l) => `${l.file} ${l.key} ${new URL(l.url).hostname}`);
 * // => ['seeds/x.md url www.npr.org', 'seeds/x.md url www.axios.com', 'seeds/x.md url www.atlanticcouncil.org']
 * ```
 */
export function sourceLinks(events: readonly Event[], files: readonly string[]): SourceLink[] {
  const out: SourceLink[] = [];
  events.forEach((event, i) => {
    event.sources.forEach((source, n) => {
      const base = { file: files[i]!, id: event.id, source: n, publisher: source.publisher, archived: source.archiveUrl !== undefined };
      if (source.url !== undefined) out.push({ ...base, key: 'url', url: source.url });
      if (source.archiveUrl !== undefined) out.push({ ...base, key: 'archive_url', url: source.archiveUrl });
    });
  });
  return out;
}

/** The issue code of each link status; `ok` has none. */
function linkCode(status: Exclude<LinkStatus, 'ok'>): `links/${Exclude<LinkStatus, 'ok'>}` {
  return `links/${status}`;
}

/**
 * One finding per link that is not plainly fine, placed at the line where
 * the file writes it: `dead` links are errors, the rest warnings
 * (`redirected` says where the link now lands).
 *
 * @param links - the links, as {@link sourceLinks} gives them
 * @param results - each URL's check
 * @returns the findings, with file, line and column
 *
 * @example Illustration: needs the network
 * ```ts
 * const { results } = await checkLinks(links.map((l) => l.url));
 * linkFindings(links, new Map(results.map((r) => [r.url, r])))[0]?.code; // when the first link that is not fine is dead
 * // => 'links/dead'
 * ```
 */
export function linkFindings(links: readonly SourceLink[], results: ReadonlyMap<string, LinkResult>): Issue[] {
  const findings: Issue[] = [];
  for (const link of links) {
    const result = results.get(link.url);
    if (!result || result.status === 'ok') continue;
    const code = result.code === undefined ? '' : ` (${result.code})`;
    const why = result.status === 'redirected' ? `, now lands at ${result.finalUrl}` : result.message ? `: ${result.message}` : '';
    const path = `sources[${link.source}].${link.key}`;
    findings.push(createIssue(result.status === 'dead' ? 'error' : 'warning', linkCode(result.status as Exclude<LinkStatus, 'ok'>), `${path}: ${result.status}${code} ${link.url}${why}`, { file: link.file, path }));
  }
  return placeFindings(findings);
}

/** Counts per status, and per publisher the links that are not fine. */
export interface LinkSummary {
  /** Distinct links per status. */
  byStatus: Partial<Record<LinkStatus, number>>;
  /** Per publisher (`(none)` when a source names none): links written, and how many of them are not fine, by status. */
  byPublisher: { publisher: string; links: number; problems: Partial<Record<LinkStatus, number>> }[];
}

/**
 * Sums the results up: distinct links by status; and by publisher, the
 * links written and those that are not fine, worst first.
 *
 * @param links - the links
 * @param results - each URL's check
 * @returns the summary
 *
 * @example Illustration: counts from a run over a corpus
 * ```ts
 * summarizeLinks(links, results).byStatus;
 * // => { ok: 1800, redirected: 100, dead: 30 }
 * ```
 */
export function summarizeLinks(links: readonly SourceLink[], results: ReadonlyMap<string, LinkResult>): LinkSummary {
  const byStatus: Partial<Record<LinkStatus, number>> = {};
  for (const result of results.values()) byStatus[result.status] = (byStatus[result.status] ?? 0) + 1;
  const publishers = new Map<string, { publisher: string; links: number; problems: Partial<Record<LinkStatus, number>> }>();
  for (const link of links) {
    const name = link.publisher ?? '(none)';
    let row = publishers.get(name);
    if (!row) publishers.set(name, (row = { publisher: name, links: 0, problems: {} }));
    row.links++;
    const status = results.get(link.url)?.status;
    if (status && status !== 'ok') row.problems[status] = (row.problems[status] ?? 0) + 1;
  }
  const bad = (row: { problems: Partial<Record<LinkStatus, number>> }) => Object.entries(row.problems).reduce((n, [s, c]) => n + (s === 'redirected' ? 0 : c!), 0);
  const byPublisher = [...publishers.values()].sort((a, b) => bad(b) - bad(a) || b.links - a.links || compareText(a.publisher, b.publisher));
  return { byStatus, byPublisher };
}

/** Options for {@link findArchive}. */
export interface FindArchiveOptions {
  /** A Wayback-style availability endpoint, asked `?url=...` (e.g. `https://archive.org/wayback/available`). */
  endpoint: string;
  /** How host names are resolved (default: the system's). */
  lookup?: LinkLookup;
  /** Ask an endpoint that is not on the public internet (a local archive, a test). Default false. */
  allowPrivate?: boolean;
  /** The User-Agent sent. */
  userAgent?: string;
  /** Milliseconds the request may take. */
  timeoutMs?: number;
}

/**
 * Asks a Wayback-style availability endpoint for the snapshot of a URL
 * closest to now: `{ archived_snapshots: { closest: { available, url,
 * status } } }`. Only a snapshot that was available and answered 2xx is
 * given.
 *
 * @param url - the link
 * @param options - the endpoint (there is no default: nothing is asked unless one is named)
 * @returns the snapshot's address, or undefined
 *
 * @example Illustration: needs the network
 * ```ts
 * await findArchive('https://example.com/', { endpoint: 'https://archive.org/wayback/available' });
 * // => 'http://web.archive.org/web/20250101000000/https://example.com/'
 * ```
 */
export async function findArchive(url: string, options: FindArchiveOptions): Promise<string | undefined> {
  const target = new URL(options.endpoint);
  target.searchParams.set('url', url);
  const answer = await httpAnswer(target, 'GET', {
    lookup: linkLookup(options),
    allowPrivate: options.allowPrivate,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    timeoutMs: options.timeoutMs ?? LINK_DEFAULTS.timeoutMs,
    maxBodyBytes: 1024 * 1024,
    keepBody: true,
  });
  if (answer.error || answer.code !== 200 || !answer.body) return undefined;
  try {
    const closest = (JSON.parse(answer.body.toString('utf8')) as { archived_snapshots?: { closest?: { available?: unknown; url?: unknown; status?: unknown } } }).archived_snapshots?.closest;
    if (!closest || closest.available !== true || typeof closest.url !== 'string' || !/^https?:\/\//i.test(closest.url)) return undefined;
    if (closest.status !== undefined && !/^2\d\d$/.test(String(closest.status))) return undefined;
    return closest.url;
  } catch {
    return undefined;
  }
}

/** Options for {@link checkEventLinks}. */
export interface CheckEventLinksOptions extends CheckLinksOptions {
  /** Also ask this Wayback-style endpoint for a snapshot of each link that is dead or has no archive link. */
  archiveEndpoint?: string;
}

/** One archive link to add. */
export interface ArchiveSuggestion {
  /** The file. */
  file: string;
  /** Which source. */
  source: number;
  /** The source's link. */
  url: string;
  /** The snapshot's address. */
  archiveUrl: string;
}

/** The outcome of {@link checkEventLinks}. */
export interface CheckEventLinksResult extends CheckLinksResult {
  /** Every link found in the sources. */
  links: SourceLink[];
  /** A finding per link that is not fine, placed. */
  findings: Issue[];
  /** Counts by status and by publisher. */
  summary: LinkSummary;
  /** Archive links to add, when an endpoint was named. */
  suggestions: ArchiveSuggestion[];
  /** With an endpoint: the distinct links that should have been asked about and were not (the run stopped or ran out of time). */
  notAsked: number;
}

/**
 * Checks every link in the sources of the events (see {@link checkLinks}
 * for the politeness and the cache), and says which are not fine, where,
 * and, with an availability endpoint, which archive snapshot could be
 * added for a dead or unarchived link.
 *
 * @param events - the events
 * @param files - the file of each event
 * @param options - the check's limits and cache, and the endpoint
 * @returns the results, findings, summary and suggestions
 *
 * @example Illustration: needs the network
 * ```ts
 * const { events, files } = await loadEvents('seeds');
 * const { findings, summary } = await checkEventLinks(events, files, { cacheFile: '.cache/links.json' });
 * summary.byStatus;
 * // => { ok: 2 }
 * ```
 */
export async function checkEventLinks(events: readonly Event[], files: readonly string[], options: CheckEventLinksOptions = {}): Promise<CheckEventLinksResult> {
  const started = Date.now();
  const links = sourceLinks(events, files);
  const checked = await checkLinks(
    links.map((l) => l.url),
    options,
  );
  const results = new Map(checked.results.map((r) => [r.url, r]));
  const suggestions: ArchiveSuggestion[] = [];
  let notAsked = 0;
  if (options.archiveEndpoint) {
    // The links to ask about: dead or unarchived ones (checked or not), each once.
    const wanted = [...new Set(links.filter((l) => l.key === 'url' && !l.archived && results.get(l.url)?.status !== 'not-checkable').map((l) => l.url))];
    const asked = new Map<string, string | undefined>();
    // Asked only after a complete check, and within the same deadline and signal.
    const stop = () => !checked.complete || options.signal?.aborted || (options.deadlineMs !== undefined && Date.now() - started >= options.deadlineMs);
    for (const url of wanted) {
      if (stop()) break;
      if (asked.size) await new Promise((r) => setTimeout(r, options.hostDelayMs ?? LINK_DEFAULTS.hostDelayMs));
      asked.set(url, await findArchive(url, { endpoint: options.archiveEndpoint, lookup: options.lookup, allowPrivate: options.allowPrivate, userAgent: options.userAgent, timeoutMs: options.timeoutMs }));
    }
    notAsked = wanted.length - asked.size;
    for (const link of links) {
      const archiveUrl = link.key === 'url' && !link.archived ? asked.get(link.url) : undefined;
      if (archiveUrl) suggestions.push({ file: link.file, source: link.source, url: link.url, archiveUrl });
    }
  }
  return { ...checked, links, findings: linkFindings(links, results), summary: summarizeLinks(links, results), suggestions, notAsked };
}
