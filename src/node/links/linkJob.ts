import type { Answer } from './httpAnswer.js';
import type { LinkResult } from './linkOptions.js';
import { failureOf, retryAfterMs, statusOf, TRANSIENT } from './linkStatus.js';

/** A URL being checked: where it is now (after redirects) and what it cost so far. */
export interface Job {
  url: string;
  target: URL;
  seen: Set<string>;
  redirects: number;
  attempts: number;
  retries: number;
}

/** The key a host is queued under: its name and port. */
export const hostKey = (url: URL) => url.host.toLowerCase();

/** What an answer means for its job: a result, or the job queued again (a redirect's next hop, or a retry after `restUntil`). */
export type Verdict = { result: LinkResult } | { again: true; restUntil?: number };

/**
 * What one answer means for its job, at time `t`: a result; or, for a
 * redirect, the job moved to its next hop (loops, too many hops and
 * schemes other than http(s) are results); or, for a transient failure
 * (timeout, connection, 429, 5xx, DNS try-again) with retries left, the
 * job to retry after the wait the server asked for (`Retry-After`, if not
 * longer than allowed) or a doubling backoff. Updates the job.
 */
export function judge(job: Job, answer: Answer, t: number, o: { maxRedirects: number; retries: number; backoffMs: number; maxRetryAfterMs: number }): Verdict {
  const result: LinkResult = { url: job.url, status: 'ok', attempts: job.attempts, checkedAt: new Date(t).toISOString() };
  if (answer.error) {
    result.status = failureOf(answer.error);
    const code = answer.error.code;
    result.message = code && !answer.error.message.includes(code) ? `${code}: ${answer.error.message}` : answer.error.message;
  } else {
    const code = answer.code!;
    const next = answer.location && code >= 300 && code < 400 ? nextHop(answer.location, job.target) : undefined;
    if (next) {
      if (job.seen.has(next.href) || job.redirects >= o.maxRedirects) {
        return { result: { ...result, status: 'redirect-loop', code, message: job.seen.has(next.href) ? `redirects back to ${next.href}` : `more than ${o.maxRedirects} redirects` } };
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return { result: { ...result, status: 'not-checkable', code, finalUrl: next.href, message: `redirects to ${next.protocol}` } };
      // The next hop waits its turn at its own host, like any request there.
      job.seen.add(next.href);
      job.target = next;
      job.redirects++;
      job.retries = 0;
      return { again: true };
    }
    result.status = statusOf(code, job.redirects > 0);
    result.code = code;
    if (job.redirects > 0) result.finalUrl = job.target.href;
  }
  const transient = TRANSIENT.has(result.status) || result.code === 429 || (result.status === 'dns' && /EAI_AGAIN/.test(result.message ?? ''));
  const asked = retryAfterMs(answer.retryAfter, t);
  if (transient && job.retries < o.retries && (asked === undefined || asked <= o.maxRetryAfterMs)) {
    const restUntil = t + (asked ?? o.backoffMs * 2 ** job.retries);
    job.retries++;
    return { again: true, restUntil };
  }
  return { result };
}

/** Where a redirect leads, resolved against where it came from; undefined when it is no URL. */
function nextHop(location: string, from: URL): URL | undefined {
  try {
    return new URL(location, from);
  } catch {
    return undefined;
  }
}
