import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { httpAnswer, type Answer, type RequestSettings } from './httpAnswer.js';
import { HostQueue } from './hostQueue.js';
import { isFresh, linkCacheFile, readLinkCache, saveLinkCache } from './linkCache.js';
import { failureOf, NETWORK_FAILURES, retryAfterMs, statusOf, TRANSIENT, type LinkStatus } from './linkStatus.js';
import { publicOnly } from './publicAddress.js';

export { LINK_STATUSES, type LinkStatus } from './linkStatus.js';
export { httpAnswer, type Answer, type RequestSettings } from './httpAnswer.js';

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

/** Options for {@link checkLinks}; every limit has a polite default. */
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

/** The outcome of {@link checkLinks}. */
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
 * The defaults of {@link checkLinks}, as the help text states them.
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

/**
 * The lookup link checks use: the one given (or the system's), guarded so
 * that no host resolving to an address that is not public is asked, unless
 * `allowPrivate`.
 *
 * @param options - the lookup and whether private addresses are allowed
 * @returns the lookup to pass to a request
 */
export function linkLookup(options: { lookup?: LinkLookup; allowPrivate?: boolean }): LookupFunction {
  const lookup = (options.lookup ?? dnsLookup) as unknown as LookupFunction;
  return options.allowPrivate ? lookup : publicOnly(lookup);
}

/**
 * A lookup that asks once a run for each host name (and way of asking):
 * the system resolves names on a few threads it cannot cancel, so
 * thousands of links to a few hundred hosts must not queue thousands of
 * lookups, least of all on a machine whose resolver never answers.
 */
function onceAHost(lookup: LookupFunction): LookupFunction {
  type Answer = [Error | null, string | { address: string; family: number }[], number | undefined];
  const asked = new Map<string, { answer?: Answer; waiting: ((...a: Answer) => void)[] }>();
  return ((hostname: string, options: object, callback: (...a: Answer) => void) => {
    const key = `${hostname}\u0000${JSON.stringify(options)}`;
    let entry = asked.get(key);
    if (entry?.answer) return queueMicrotask(() => callback(...entry!.answer!));
    if (entry) return entry.waiting.push(callback);
    asked.set(key, (entry = { waiting: [callback] }));
    lookup(hostname, options as never, ((error: Error | null, address: string | { address: string; family: number }[], family?: number) => {
      entry!.answer = [error, address, family];
      for (const waiting of entry!.waiting.splice(0)) waiting(error, address, family);
    }) as never);
  }) as LookupFunction;
}

/** With this many hosts failing to resolve or connect and none answering, the machine is taken to be offline and the run stops. */
const OFFLINE_AFTER_HOSTS = 16;

/** A URL being checked: where it is now (after redirects) and what it cost so far. */
interface Job {
  url: string;
  target: URL;
  seen: Set<string>;
  redirects: number;
  attempts: number;
  retries: number;
}

/** The key a host is queued under: its name and port. */
const hostKey = (url: URL) => url.host.toLowerCase();

/**
 * Checks links over HTTP, politely: HEAD first, then GET when HEAD fails
 * in any way (an error code, a refusal, a reset, a timeout; a host where
 * HEAD failed and GET answered is asked with GET from then on); redirects
 * followed up to a limit, each hop waiting its turn in its host's queue;
 * transient failures retried with backoff, `Retry-After` honoured; one
 * request at a time per host with a delay between them, a global limit on
 * requests in flight, a timeout per request and for the run, and a cap on
 * the body read. Hosts that are not on the public internet (loopback,
 * private, link-local, reserved) are never asked, by name or after a
 * redirect, unless `allowPrivate`. Results are remembered in a cache file,
 * written as the run goes and merged with what is there, so a run that is
 * stopped resumes where it was. Each distinct URL is checked once.
 *
 * @param urls - the URLs (duplicates are checked once)
 * @param options - limits, the cache, a signal to stop
 * @returns a result per settled URL, and what was left unchecked
 *
 * @example
 * ```ts
 * const { results } = await checkLinks(['https://example.org/', 'mailto:x@example.org'], { cacheFile: 'links.json' });
 * results.map((r) => r.status);
 * // => ['ok', 'not-checkable']
 * ```
 */
export async function checkLinks(urls: Iterable<string>, options: CheckLinksOptions = {}): Promise<CheckLinksResult> {
  const o = { ...LINK_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as typeof LINK_DEFAULTS & CheckLinksOptions;
  const concurrency = Math.max(1, Math.min(32, Math.floor(o.concurrency)));
  const now = o.now ?? Date.now;
  const started = now();
  const cacheFile = o.cacheFile === undefined ? undefined : linkCacheFile(o.cacheFile);
  const settings: RequestSettings = { lookup: onceAHost(linkLookup(o)), userAgent: o.userAgent ?? DEFAULT_USER_AGENT, timeoutMs: o.timeoutMs, maxBodyBytes: o.maxBodyBytes, allowPrivate: o.allowPrivate };
  const inFlight = new Set<{ abort(): void }>();
  const send = (target: URL, method: 'HEAD' | 'GET') => httpAnswer(target, method, settings, inFlight);

  const order = [...new Set(urls)];
  const settled = new Map<string, LinkResult>();
  const cache = readLinkCache<LinkResult>(cacheFile);
  // This run's results, for the cache; and whether any host answered at all.
  const checkedNow = new Map<string, LinkResult>();
  let answered = 0;
  let fromCache = 0;
  let cacheError: string | undefined;
  const total = order.length;
  const settle = (result: LinkResult, cached = false) => {
    settled.set(result.url, result);
    if (cached) fromCache++;
    else {
      checkedNow.set(result.url, result);
      saveSoon();
    }
    o.onResult?.(result, settled.size, total);
  };
  const offline = () => checkedNow.size > 0 && answered === 0 && [...checkedNow.values()].every((r) => NETWORK_FAILURES.has(r.status) || r.status === 'not-checkable');

  // The cache is written at most every second while the run goes, and at its end.
  let lastSave = 0;
  let dirty = false;
  const save = () => {
    if (!cacheFile || !dirty) return;
    dirty = false;
    lastSave = now();
    // With no answer from any host, failures say more about this machine than about the links.
    const keep = offline() ? [...checkedNow.values()].filter((r) => !NETWORK_FAILURES.has(r.status)) : checkedNow.values();
    const error = saveLinkCache(cacheFile, keep);
    if (error && !cacheError) cacheError = `${cacheFile}: ${error.message}`;
  };
  const saveSoon = () => {
    dirty = true;
    if (now() - lastSave >= 1000) save();
  };
  const at = () => new Date(now()).toISOString();

  const queue = new HostQueue<Job>(now);
  for (const url of order) {
    const known = cache.get(url);
    if (known && isFresh(known, now(), o.maxAgeMs)) {
      settle(known, true);
      continue;
    }
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      settle({ url, status: 'not-checkable', attempts: 0, message: parsed ? `${parsed.protocol} is not http: or https:` : 'not a URL', checkedAt: at() });
      continue;
    }
    queue.add(hostKey(parsed), { url, target: parsed, seen: new Set([parsed.href]), redirects: 0, attempts: 0, retries: 0 });
  }

  // Hosts where HEAD failed and GET answered: asked with GET from then on.
  const getOnly = new Set<string>();

  /** One request to where a job now is: HEAD, and GET when HEAD fails in any way. */
  const ask = async (job: Job): Promise<Answer> => {
    const host = hostKey(job.target);
    job.attempts++;
    if (getOnly.has(host)) return send(job.target, 'GET');
    const head = await send(job.target, 'HEAD');
    const refused = !head.error && (head.code ?? 0) >= 400 && head.code !== 429 && head.code !== 503;
    // A name that does not resolve, a refused address or a stop: GET would fare no better.
    const failed = head.error !== undefined && !['ENOTFOUND', 'EAI_NODATA', 'EAI_FAIL', 'EPRIVATE', 'ABORTED'].includes(head.error.code ?? '');
    if (!refused && !failed) return head;
    job.attempts++;
    const get = await send(job.target, 'GET');
    if (failed && !get.error) getOnly.add(host);
    return get;
  };

  return await new Promise<CheckLinksResult>((resolve) => {
    let active = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const finishRun = () => {
      if (timer) clearTimeout(timer);
      if (deadline) clearTimeout(deadline);
      o.signal?.removeEventListener('abort', stop);
      dirty = true;
      save();
      const unchecked = order.filter((url) => !settled.has(url));
      const result: CheckLinksResult = { results: order.filter((url) => settled.has(url)).map((url) => settled.get(url)!), fromCache, checked: checkedNow.size, unchecked, complete: unchecked.length === 0, offline: offline() };
      if (cacheError) result.cacheError = cacheError;
      resolve(result);
    };
    const stop = () => {
      if (stopped) return;
      stopped = true;
      for (const handle of [...inFlight]) handle.abort();
      if (active === 0) finishRun();
    };
    o.signal?.addEventListener('abort', stop);
    if (o.signal?.aborted) stop();

    // Hosts that failed to resolve or connect: when enough do and none answers, the machine is offline.
    const unreachable = new Set<string>();
    /** What one request's answer means for its job: settled, retried, or a redirect hop queued at its host. */
    const after = (job: Job, answer: Answer, rest: (at: number) => void) => {
      const t = now();
      if (answer.code !== undefined) answered++;
      else if (answer.error && NETWORK_FAILURES.has(failureOf(answer.error)) && answered === 0) {
        unreachable.add(hostKey(job.target));
        if (unreachable.size >= OFFLINE_AFTER_HOSTS) queueMicrotask(stop);
      }
      rest(t + o.hostDelayMs);
      const result: LinkResult = { url: job.url, status: 'ok', attempts: job.attempts, checkedAt: at() };
      if (answer.error) {
        result.status = failureOf(answer.error);
        const code = answer.error.code;
        result.message = code && !answer.error.message.includes(code) ? `${code}: ${answer.error.message}` : answer.error.message;
      } else {
        const code = answer.code!;
        const location = answer.location;
        if (location && code >= 300 && code < 400) {
          let next: URL | undefined;
          try {
            next = new URL(location, job.target);
          } catch {
            next = undefined;
          }
          if (next) {
            if (job.seen.has(next.href) || job.redirects >= o.maxRedirects) {
              return settle({ ...result, status: 'redirect-loop', code, message: job.seen.has(next.href) ? `redirects back to ${next.href}` : `more than ${o.maxRedirects} redirects` });
            }
            if (next.protocol !== 'http:' && next.protocol !== 'https:') return settle({ ...result, status: 'not-checkable', code, finalUrl: next.href, message: `redirects to ${next.protocol}` });
            // The next hop waits its turn at its own host, like any request there.
            job.seen.add(next.href);
            job.target = next;
            job.redirects++;
            job.retries = 0;
            return queue.add(hostKey(next), job, true);
          }
        }
        result.status = statusOf(code, job.redirects > 0);
        result.code = code;
        if (job.redirects > 0) result.finalUrl = job.target.href;
      }
      // A transient failure goes back to the front of its host's queue,
      // after the wait the server asked for or a doubling backoff.
      const transient = TRANSIENT.has(result.status) || result.code === 429 || (result.status === 'dns' && /EAI_AGAIN/.test(result.message ?? ''));
      const asked = retryAfterMs(answer.retryAfter, t);
      if (transient && job.retries < o.retries && (asked === undefined || asked <= o.maxRetryAfterMs)) {
        rest(t + (asked ?? o.backoffMs * 2 ** job.retries));
        job.retries++;
        return queue.add(hostKey(job.target), job, true);
      }
      settle(result);
    };

    const pump = () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (stopped) return;
      for (let next = active < concurrency ? queue.next() : undefined; next; next = active < concurrency ? queue.next() : undefined) {
        const { job, host } = next;
        active++;
        let restAt = 0;
        void ask(job).then((answer) => {
          active--;
          if (stopped) {
            // A request cut short by the stop says nothing about the link.
            if (active === 0) finishRun();
            return;
          }
          after(job, answer, (t) => (restAt = Math.max(restAt, t)));
          queue.release(host, restAt);
          pump();
        });
      }
      if (active === 0 && queue.done) return finishRun();
      const wake = queue.wakeAt();
      if (wake !== undefined && active < concurrency) timer = setTimeout(pump, Math.max(0, wake - now()));
    };
    if (o.deadlineMs !== undefined && !stopped) deadline = setTimeout(stop, Math.max(0, o.deadlineMs - (now() - started)));
    if (!stopped) pump();
  });
}
