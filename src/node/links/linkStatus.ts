/**
 * What a link check found:
 * - `ok`: a 2xx answer; `redirected`: a 2xx answer after redirects (see `finalUrl`);
 * - `dead`: 404 or 410; `blocked`: 401, 403 or 429 (the server refuses robots);
 * - `http-error`: another 4xx; `server-error`: a 5xx;
 * - `timeout`, `dns` (the host name resolves to nothing), `tls` (no secure
 *   connection: a bad certificate, or a server that does not speak TLS),
 *   `connection` (refused, or closed before the answer was complete);
 * - `redirect-loop`: redirects that come back or go on past the limit;
 * - `not-checkable`: not an http: or https: URL, or one whose host is not a
 *   public address (a private, loopback or link-local one is never asked).
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

/** Failures that may pass: a later try may succeed. */
export const TRANSIENT: ReadonlySet<LinkStatus> = new Set<LinkStatus>(['timeout', 'connection', 'server-error']);

/** Failures of the network itself, not of a page: what a machine with no network gets for every link. */
export const NETWORK_FAILURES: ReadonlySet<LinkStatus> = new Set<LinkStatus>(['dns', 'connection', 'timeout']);

/** A request that took too long. */
export class Timeout extends Error {
  code = 'ETIMEDOUT';
}

/**
 * The kind of failure an error means.
 *
 * @param error - a request's error
 * @returns its status
 */
export function failureOf(error: NodeJS.ErrnoException): LinkStatus {
  const code = error.code ?? '';
  if (error instanceof Timeout) return 'timeout';
  if (code === 'EPRIVATE') return 'not-checkable';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA' || code === 'EAI_FAIL') return 'dns';
  if (/^(?:ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|EPROTO$|ERR_SSL)/.test(code) || /SSL|TLS|certificate/i.test(error.message)) return 'tls';
  return 'connection';
}

/**
 * The status a final HTTP code means.
 *
 * @param code - the HTTP status code
 * @param redirected - whether redirects led there
 * @returns the status
 */
export function statusOf(code: number, redirected: boolean): LinkStatus {
  if (code >= 200 && code < 300) return redirected ? 'redirected' : 'ok';
  if (code === 404 || code === 410) return 'dead';
  if (code === 401 || code === 403 || code === 429) return 'blocked';
  if (code >= 500) return 'server-error';
  return 'http-error';
}

/**
 * Milliseconds a Retry-After header asks for: seconds, or an HTTP date.
 *
 * @param value - the header
 * @param now - the time now
 * @returns the wait, or undefined when there is none
 */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
