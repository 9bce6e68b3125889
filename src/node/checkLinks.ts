import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './writeFileAtomic.js';

/**
 * What a link check found:
 * - `ok`: a 2xx answer; `redirected`: a 2xx answer after redirects (see `finalUrl`);
 * - `dead`: 404 or 410; `blocked`: 401, 403 or 429 (the server refuses robots);
 * - `http-error`: another 4xx; `server-error`: a 5xx;
 * - `timeout`, `dns` (the host name resolves to nothing), `tls` (no secure
 *   connection: a bad certificate, or a server that does not speak TLS),
 *   `connection` (refused, or closed before the answer was complete);
 * - `redirect-loop`: redirects that come back or go on past the limit;
 * - `not-checkable`: not an http: or https: URL.
 */
export type LinkStatus = 'ok' | 'redirected' | 'dead' | 'blocked' | 'http-error' | 'server-error' | 'timeout' | 'dns' | 'tls' | 'connection' | 'redirect-loop' | 'not-checkable';

/**
 * Every {@link LinkStatus}, from the best to the worst.
 *
 * @example
 * ```ts
 * LINK_STATUSES.at(-1);
 * // => 'dead'
 * ```
 */
export const LINK_STATUSES: readonly LinkStatus[] = ['ok', 'redirected', 'not-checkable', 'blocked', 'timeout', 'connection', 'server-error', 'http-error', 'tls', 'dns', 'redirect-loop', 'dead'];

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
  /** A JSON file that remembers results: written atomically as the run goes, so a run cut short resumes. */
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

const CACHE_FORMAT = 'democracy-timeline-links/1';

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

const TRANSIENT = new Set<LinkStatus>(['timeout', 'connection', 'server-error']);

/** One request's answer, before classification. */
export interface Answer {
  code?: number;
  location?: string;
  retryAfter?: string;
  error?: NodeJS.ErrnoException;
  body?: Buffer;
}

class Timeout extends Error {
  code = 'ETIMEDOUT';
}

/** An error's kind of failure. */
function failureOf(error: NodeJS.ErrnoException): LinkStatus {
  const code = error.code ?? '';
  if (error instanceof Timeout) return 'timeout';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA' || code === 'EAI_FAIL') return 'dns';
  if (/^(?:ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|EPROTO$|ERR_SSL)/.test(code) || /SSL|TLS|certificate/i.test(error.message)) return 'tls';
  return 'connection';
}

/** The status a final HTTP code means. */
function statusOf(code: number, redirected: boolean): LinkStatus {
  if (code >= 200 && code < 300) return redirected ? 'redirected' : 'ok';
  if (code === 404 || code === 410) return 'dead';
  if (code === 401 || code === 403 || code === 429) return 'blocked';
  if (code >= 500) return 'server-error';
  return 'http-error';
}

/** Milliseconds a Retry-After header asks for: seconds, or an HTTP date. */
function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** How one request is made. */
export interface RequestSettings {
  lookup: LookupFunction;
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Keep the body read (up to the cap), for a JSON answer. */
  keepBody?: boolean;
}

/**
 * One HTTP request, never followed: the status code and the headers that
 * matter, or the error. A GET's body is read up to the cap and no further;
 * one that breaks off first is an error. `handles` holds a way to abort it
 * while it is in flight.
 */
export function httpAnswer(target: URL, method: 'HEAD' | 'GET', s: RequestSettings, handles?: Set<{ abort(): void }>): Promise<Answer> {
  return new Promise((resolve) => {
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    let done = false;
    const chunks: Buffer[] = [];
    const finish = (answer: Answer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      handles?.delete(handle);
      req.destroy();
      if (s.keepBody && !answer.error) answer.body = Buffer.concat(chunks).subarray(0, s.maxBodyBytes);
      resolve(answer);
    };
    const req = request(target, { method, headers: { 'user-agent': s.userAgent, accept: '*/*' }, lookup: s.lookup, agent: false });
    const handle = { abort: () => finish({ error: Object.assign(new Error('stopped'), { code: 'ABORTED' }) }) };
    handles?.add(handle);
    const timer = setTimeout(() => finish({ error: new Timeout(`no complete answer within ${s.timeoutMs} ms`) }), s.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish({ error }));
    req.on('response', (res: IncomingMessage) => {
      const answer: Answer = { code: res.statusCode, location: res.headers.location, retryAfter: res.headers['retry-after'] };
      if (method === 'HEAD' || (res.statusCode ?? 0) >= 300) return finish(answer);
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (s.keepBody) chunks.push(chunk);
        if (read >= s.maxBodyBytes) finish(answer);
      });
      res.on('end', () => finish(answer));
      res.on('aborted', () => finish({ error: Object.assign(new Error('the connection closed before the answer was complete'), { code: 'ECONNRESET' }) }));
      res.on('error', (error: NodeJS.ErrnoException) => finish({ error }));
    });
    req.end();
  });
}

/** Reads a cache file: results by URL; a missing or unreadable one is empty. */
function readCache(file: string | undefined): Map<string, LinkResult> {
  const out = new Map<string, LinkResult>();
  if (!file) return out;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; results?: unknown };
    if (data.format !== CACHE_FORMAT || !Array.isArray(data.results)) return out;
    for (const r of data.results as LinkResult[]) if (r && typeof r.url === 'string' && typeof r.checkedAt === 'string' && LINK_STATUSES.includes(r.status)) out.set(r.url, r);
  } catch {
    // no cache yet, or one that cannot be read: start afresh
  }
  return out;
}

/**
 * Checks links over HTTP, politely: HEAD first, then GET where a server
 * refuses HEAD or answers it with an error; redirects followed up to a
 * limit; transient failures retried with backoff, `Retry-After` honoured;
 * one request at a time per host with a delay between them, a global limit
 * on requests in flight, a timeout per request and for the run, and a cap
 * on the body read. Results are remembered in a cache file, written
 * atomically as the run goes, so a run that is stopped resumes where it
 * was. Each distinct URL is checked once.
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
  const userAgent = o.userAgent ?? DEFAULT_USER_AGENT;
  const lookup = (o.lookup ?? dnsLookup) as unknown as LookupFunction;
  const started = now();

  const order = [...new Set(urls)];
  const settled = new Map<string, LinkResult>();
  const cache = readCache(o.cacheFile);
  let fromCache = 0;
  let checked = 0;
  const total = order.length;
  const settle = (result: LinkResult, cached = false) => {
    settled.set(result.url, result);
    if (cached) fromCache++;
    else {
      checked++;
      cache.set(result.url, result);
      saveSoon();
    }
    o.onResult?.(result, settled.size, total);
  };

  // The cache is written at most every second while the run goes, and at its end.
  let lastSave = 0;
  let dirty = false;
  const save = () => {
    if (!o.cacheFile || !dirty) return;
    dirty = false;
    lastSave = now();
    writeFileAtomic(o.cacheFile, `${JSON.stringify({ format: CACHE_FORMAT, results: [...cache.values()] })}\n`);
  };
  const saveSoon = () => {
    dirty = true;
    if (now() - lastSave >= 1000) save();
  };

  // Hosts, each with its queue and the time its next request may start.
  interface Job {
    url: string;
    attempts: number;
    retries: number;
  }
  interface Host {
    queue: Job[];
    /** The next job to start. */
    head: number;
    nextAt: number;
  }
  const hosts = new Map<string, Host>();
  for (const url of order) {
    const fresh = cache.get(url);
    if (fresh && now() - Date.parse(fresh.checkedAt) < o.maxAgeMs) {
      settle(fresh, true);
      continue;
    }
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      settle({ url, status: 'not-checkable', attempts: 0, message: parsed ? `${parsed.protocol} is not http: or https:` : 'not a URL', checkedAt: new Date(now()).toISOString() });
      continue;
    }
    const key = parsed.host.toLowerCase();
    let host = hosts.get(key);
    if (!host) hosts.set(key, (host = { queue: [], head: 0, nextAt: 0 }));
    host.queue.push({ url, attempts: 0, retries: 0 });
  }

  const inFlight = new Set<{ abort(): void }>();

  const settings: RequestSettings = { lookup, userAgent, timeoutMs: o.timeoutMs, maxBodyBytes: o.maxBodyBytes };
  const send = (target: URL, method: 'HEAD' | 'GET') => httpAnswer(target, method, settings, inFlight);

  /** One attempt at a URL: redirects followed; HEAD, then GET when HEAD is refused or fails. */
  const attempt = async (job: Job): Promise<{ result: LinkResult; retryAfter?: string }> => {
    let target = new URL(job.url);
    const seen = new Set([target.href]);
    let redirects = 0;
    let answer: Answer;
    for (;;) {
      job.attempts++;
      answer = await send(target, 'HEAD');
      // HEAD refused or failed: GET decides, unless the server asked to slow down.
      if (!answer.error && (answer.code ?? 0) >= 400 && answer.code !== 429 && answer.code !== 503) {
        job.attempts++;
        answer = await send(target, 'GET');
      }
      const location = answer.location;
      if (answer.error || !location || !answer.code || answer.code < 300 || answer.code >= 400) break;
      let next: URL;
      try {
        next = new URL(location, target);
      } catch {
        break;
      }
      if (seen.has(next.href) || redirects >= o.maxRedirects) {
        const why = seen.has(next.href) ? `redirects back to ${next.href}` : `more than ${o.maxRedirects} redirects`;
        return { result: { url: job.url, status: 'redirect-loop', code: answer.code, attempts: job.attempts, message: why, checkedAt: new Date(now()).toISOString() } };
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        return { result: { url: job.url, status: 'not-checkable', code: answer.code, finalUrl: next.href, attempts: job.attempts, message: `redirects to ${next.protocol}`, checkedAt: new Date(now()).toISOString() } };
      }
      seen.add(next.href);
      target = next;
      redirects++;
    }
    const checkedAt = new Date(now()).toISOString();
    if (answer.error) return { result: { url: job.url, status: failureOf(answer.error), attempts: job.attempts, message: answer.error.code && !answer.error.message.includes(answer.error.code) ? `${answer.error.code}: ${answer.error.message}` : answer.error.message, checkedAt } };
    const code = answer.code!;
    const result: LinkResult = { url: job.url, status: statusOf(code, redirects > 0), code, attempts: job.attempts, checkedAt };
    if (redirects > 0) result.finalUrl = target.href;
    return { result, retryAfter: answer.retryAfter };
  };

  return await new Promise<CheckLinksResult>((resolve) => {
    let active = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    const finishRun = () => {
      if (timer) clearTimeout(timer);
      if (deadline) clearTimeout(deadline);
      o.signal?.removeEventListener('abort', stop);
      dirty = true;
      save();
      const unchecked = order.filter((url) => !settled.has(url));
      resolve({ results: order.filter((url) => settled.has(url)).map((url) => settled.get(url)!), fromCache, checked, unchecked, complete: unchecked.length === 0 });
    };
    const stop = () => {
      if (stopped) return;
      stopped = true;
      for (const handle of [...inFlight]) handle.abort();
      if (active === 0) finishRun();
    };
    o.signal?.addEventListener('abort', stop);
    if (o.signal?.aborted) stop();

    // Hosts ready to be asked, in turn; hosts resting until their next
    // request may start, in a heap by that time. A host with a request in
    // flight is in neither: one request at a time per host.
    const ready: Host[] = [...hosts.values()];
    let readyHead = 0;
    const resting: Host[] = [];
    const rest = (host: Host) => {
      resting.push(host);
      for (let i = resting.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (resting[parent]!.nextAt <= resting[i]!.nextAt) break;
        [resting[parent], resting[i]] = [resting[i]!, resting[parent]!];
        i = parent;
      }
    };
    const wakeFirst = (): Host => {
      const top = resting[0]!;
      const last = resting.pop()!;
      if (resting.length) {
        resting[0] = last;
        for (let i = 0; ; ) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < resting.length && resting[l]!.nextAt < resting[m]!.nextAt) m = l;
          if (r < resting.length && resting[r]!.nextAt < resting[m]!.nextAt) m = r;
          if (m === i) break;
          [resting[m], resting[i]] = [resting[i]!, resting[m]!];
          i = m;
        }
      }
      return top;
    };

    const pump = () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (stopped) return;
      const t = now();
      while (resting.length && resting[0]!.nextAt <= t) ready.push(wakeFirst());
      while (active < concurrency && readyHead < ready.length) {
        const host = ready[readyHead++]!;
        const job = host.queue[host.head++]!;
        active++;
        void attempt(job).then(({ result, retryAfter }) => {
          active--;
          const t2 = now();
          host.nextAt = t2 + o.hostDelayMs;
          if (stopped) {
            // A request cut short by the stop says nothing about the link.
            if (active === 0) finishRun();
            return;
          }
          // A transient failure goes back to the front of its host's queue,
          // after the wait the server asked for or a doubling backoff.
          const transient = TRANSIENT.has(result.status) || result.code === 429 || (result.status === 'dns' && /EAI_AGAIN/.test(result.message ?? ''));
          const asked = retryAfterMs(retryAfter, t2);
          if (transient && job.retries < o.retries && (asked === undefined || asked <= o.maxRetryAfterMs)) {
            host.nextAt = Math.max(host.nextAt, t2 + (asked ?? o.backoffMs * 2 ** job.retries));
            job.retries++;
            host.queue[--host.head] = job;
          } else settle(result);
          if (host.head < host.queue.length) rest(host);
          pump();
        });
      }
      // Compact the ready queue now and then, so it never grows past the hosts.
      if (readyHead > 1024 && readyHead * 2 > ready.length) {
        ready.splice(0, readyHead);
        readyHead = 0;
      }
      if (active === 0 && readyHead === ready.length && !resting.length) return finishRun();
      if (resting.length && active < concurrency) timer = setTimeout(pump, Math.max(0, resting[0]!.nextAt - now()));
    };
    if (o.deadlineMs !== undefined && !stopped) deadline = setTimeout(stop, Math.max(0, o.deadlineMs - (now() - started)));
    if (!stopped) pump();
  });
}
