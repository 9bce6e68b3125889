import type { LinkStatus } from './linkStatus.js';

/** One URL's check. */
export interface LinkResult {
  /** The URL as written. */
  url: string;
  /** What was found. */
  status: LinkStatus;
  /** The last HTTP status code received. */
  code?: number;
  /** Where the URL lands after its redirects, when that is elsewhere. */
  finalUrl?: string;
  /** Requests made, retries and the GET after a refused HEAD included. */
  attempts: number;
  /** Why, for a failure: the system's error or the server's status text. */
  message?: string;
  /** When it was checked (ISO 8601). */
  checkedAt: string;
}

/**
 * How a host name is resolved: the shape of Node's `dns.lookup` (written
 * out here so that the types need nothing from `@types/node`).
 */
export type LinkLookup = (
  hostname: string,
  options: object,
  callback: (error: Error | null, address: string | { address: string; family: number }[], family?: number) => void,
) => void;

/** Options for `checkLinks`; every limit has a polite default. */
export interface CheckLinksOptions {
  /** Requests in flight at once, over all hosts (default 8, at most 32). */
  concurrency?: number;
  /** Milliseconds between two requests to one host (default 1000); one host never has two requests in flight. */
  hostDelayMs?: number;
  /** Milliseconds one request may take, body included (default 15,000). */
  timeoutMs?: number;
  /** Milliseconds the whole run may take; what is left is not checked and `complete` is false. */
  deadlineMs?: number;
  /** Retries of a transient failure (timeout, connection, 429, 5xx, DNS try-again), default 2. */
  retries?: number;
  /** The first retry's wait in milliseconds, doubled each time (default 2000). */
  backoffMs?: number;
  /** The longest `Retry-After` honoured, in milliseconds (default 60,000); a longer one ends the retries. */
  maxRetryAfterMs?: number;
  /** Redirects followed at most (default 5). */
  maxRedirects?: number;
  /** Body bytes read at most from a GET (default 64 KiB): a large file is never downloaded. */
  maxBodyBytes?: number;
  /** The User-Agent sent. */
  userAgent?: string;
  /** How host names are resolved (default: the system's); tests inject their own. */
  lookup?: LinkLookup;
  /**
   * Ask hosts that are not on the public internet: loopback, private,
   * link-local (cloud metadata) and other reserved addresses, named or
   * reached by a redirect. Default false: they are never asked, and the
   * link is `not-checkable`.
   */
  allowPrivate?: boolean;
  /**
   * A JSON file that remembers results (or a folder, for `links.json` in
   * it): written atomically as the run goes, merged with what another run
   * wrote meanwhile, so a run cut short resumes and two runs sharing it
   * keep both their results. Its folder is made when missing.
   */
  cacheFile?: string;
  /** Results younger than this (milliseconds) are taken from the cache, not checked again (default 7 days). */
  maxAgeMs?: number;
  /** Stops the run: requests in flight are dropped, what was checked is kept (and cached). */
  signal?: AbortSignal;
  /** Called after each URL is settled, from the cache or checked. */
  onResult?: (result: LinkResult, settled: number, total: number) => void;
  /** The clock, for tests (default Date.now). */
  now?: () => number;
}

/** The outcome of `checkLinks`. */
export interface CheckLinksResult {
  /** One result per distinct URL settled, in the order the URLs were given. */
  results: LinkResult[];
  /** How many came from the cache. */
  fromCache: number;
  /** How many were checked over the network in this run. */
  checked: number;
  /** Distinct URLs not settled: the run was stopped or ran out of time. */
  unchecked: string[];
  /** False when the run was stopped or ran out of time before every URL was settled. */
  complete: boolean;
  /**
   * True when links were asked over the network and not one host answered:
   * every one failed to resolve or connect, as on a machine with no
   * network. Those failures are then not cached.
   */
  offline: boolean;
  /** Why the cache could not be written, when it could not (the results stand). */
  cacheError?: string;
}

/**
 * The defaults of `checkLinks`, as the help text states them.
 *
 * @example
 * ```ts
 * [LINK_DEFAULTS.concurrency, LINK_DEFAULTS.hostDelayMs];
 * // => [8, 1000]
 * ```
 */
export const LINK_DEFAULTS = {
  concurrency: 8,
  hostDelayMs: 1000,
  timeoutMs: 15_000,
  retries: 2,
  backoffMs: 2000,
  maxRetryAfterMs: 60_000,
  maxRedirects: 5,
  maxBodyBytes: 64 * 1024,
  maxAgeMs: 7 * 24 * 3600 * 1000,
} as const;


/**
 * The User-Agent link checks send unless told otherwise: the package, and
 * where to read about it.
 *
 * @example
 * ```ts
 * DEFAULT_USER_AGENT.startsWith('democracy-timeline-links');
 * // => true
 * ```
 */
export const DEFAULT_USER_AGENT = 'democracy-timeline-links (+https://www.npmjs.com/package/democracy-timeline)';
