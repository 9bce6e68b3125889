import { httpAnswer, type Answer, type RequestSettings } from './httpAnswer.js';
import { HostQueue } from './hostQueue.js';
import { isFresh, linkCacheFile, readLinkCache } from './linkCache.js';
import { LinkRecord } from './linkRecord.js';
import { hostKey, judge, type Job } from './linkJob.js';
import { linkLookup, onceAHost } from './linkLookup.js';
import { DEFAULT_USER_AGENT, LINK_DEFAULTS, type CheckLinksOptions, type CheckLinksResult, type LinkResult } from './linkOptions.js';
import { failureOf, NETWORK_FAILURES } from './linkStatus.js';

export { LINK_STATUSES, type LinkStatus } from './linkStatus.js';
export { httpAnswer, type Answer, type RequestSettings } from './httpAnswer.js';
export { DEFAULT_USER_AGENT, LINK_DEFAULTS, type CheckLinksOptions, type CheckLinksResult, type LinkLookup, type LinkResult } from './linkOptions.js';
export { linkLookup } from './linkLookup.js';

/** With this many hosts failing to resolve or connect and none answering, the machine is taken to be offline and the run stops. */
const OFFLINE_AFTER_HOSTS = 16;

/**
 * One request to where a job now is: HEAD, and GET when HEAD fails in any
 * way. A host where HEAD failed and GET answered is asked with GET from
 * then on.
 */
function headThenGet(send: (target: URL, method: 'HEAD' | 'GET') => Promise<Answer>): (job: Job) => Promise<Answer> {
  const getOnly = new Set<string>();
  return async (job) => {
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
}

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
 * @example Illustration: needs the network
 * ```ts
 * const { results } = await checkLinks(['https://example.org/', 'mailto:x@example.org'], { cacheFile: 'links.json' });
 * results.map((r) => r.status);
 * // => ['ok', 'not-checkable']
 * ```
 */
export async function checkLinks(urls: Iterable<string>, options: CheckLinksOptions = {}): Promise<CheckLinksResult> {
  const o = { ...LINK_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Settings;
  const now = o.now ?? Date.now;
  const started = now();
  const cacheFile = o.cacheFile === undefined ? undefined : linkCacheFile(o.cacheFile);
  const order = [...new Set(urls)];
  const record = new LinkRecord(cacheFile, now, order.length, o.onResult);
  const queue = new HostQueue<Job>(now);
  const cache = readLinkCache<LinkResult>(cacheFile);
  for (const url of order) {
    const known = cache.get(url);
    if (known && isFresh(known, now(), o.maxAgeMs)) record.settle(known, true);
    else {
      const job = jobFor(url);
      if ('status' in job) record.settle({ ...job, checkedAt: new Date(now()).toISOString() });
      else queue.add(hostKey(job.target), job);
    }
  }
  const settings: RequestSettings = { lookup: onceAHost(linkLookup(o)), userAgent: o.userAgent ?? DEFAULT_USER_AGENT, timeoutMs: o.timeoutMs, maxBodyBytes: o.maxBodyBytes, allowPrivate: o.allowPrivate };
  const inFlight = new Set<{ abort(): void }>();
  await drive(queue, headThenGet((target, method) => httpAnswer(target, method, settings, inFlight)), inFlight, record, o, started);
  return record.result(order);
}

type Settings = typeof LINK_DEFAULTS & CheckLinksOptions;

/** A URL's first job, or why it cannot be checked. */
function jobFor(url: string): Job | Omit<LinkResult, 'checkedAt'> {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return { url, status: 'not-checkable', attempts: 0, message: parsed ? `${parsed.protocol} is not http: or https:` : 'not a URL' };
  return { url, target: parsed, seen: new Set([parsed.href]), redirects: 0, attempts: 0, retries: 0 };
}

/**
 * Runs the queued jobs: as many requests as the limit allows, one at a time
 * per host, each answer judged (settled, retried, or a redirect hop queued
 * at its host); until the queue is done, the signal stops it, the deadline
 * passes, or enough hosts fail to be reached with none answering.
 */
function drive(queue: HostQueue<Job>, ask: (job: Job) => Promise<Answer>, inFlight: Set<{ abort(): void }>, record: LinkRecord, o: Settings, started: number): Promise<void> {
  const now = o.now ?? Date.now;
  const concurrency = Math.max(1, Math.min(32, Math.floor(o.concurrency)));
  return new Promise<void>((resolve) => {
    let active = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const finish = () => {
      if (timer) clearTimeout(timer);
      if (deadline) clearTimeout(deadline);
      o.signal?.removeEventListener('abort', stop);
      resolve();
    };
    const stop = () => {
      if (stopped) return;
      stopped = true;
      for (const handle of [...inFlight]) handle.abort();
      if (active === 0) finish();
    };
    o.signal?.addEventListener('abort', stop);
    if (o.signal?.aborted) stop();

    // Hosts that failed to resolve or connect: when enough do and none answers, the machine is offline.
    const unreachable = new Set<string>();
    const after = (job: Job, answer: Answer, rest: (at: number) => void) => {
      const t = now();
      if (answer.code !== undefined) record.answered++;
      else if (answer.error && NETWORK_FAILURES.has(failureOf(answer.error)) && record.answered === 0) {
        unreachable.add(hostKey(job.target));
        if (unreachable.size >= OFFLINE_AFTER_HOSTS) queueMicrotask(stop);
      }
      rest(t + o.hostDelayMs);
      const verdict = judge(job, answer, t, o);
      if ('result' in verdict) return record.settle(verdict.result);
      if (verdict.restUntil !== undefined) rest(verdict.restUntil);
      queue.add(hostKey(job.target), job, true);
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
            if (active === 0) finish();
            return;
          }
          after(job, answer, (t) => (restAt = Math.max(restAt, t)));
          queue.release(host, restAt);
          pump();
        });
      }
      if (active === 0 && queue.done) return finish();
      const wake = queue.wakeAt();
      if (wake !== undefined && active < concurrency) timer = setTimeout(pump, Math.max(0, wake - now()));
    };
    if (o.deadlineMs !== undefined && !stopped) deadline = setTimeout(stop, Math.max(0, o.deadlineMs - (now() - started)));
    if (!stopped) pump();
  });
}
