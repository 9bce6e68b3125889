import { compareText } from '../model/compareText.js';

const TRACKING = /^(?:utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref_src|ref_url|cmpid|smid|smtyp|_ga|yclid|mkt_tok)$/i;

/**
 * A URL reduced to the resource it names: https, host without `www.` and in
 * lower case, no trailing slash, no fragment, no tracking parameters
 * (`utm_*`, `fbclid`, `gclid`...), remaining parameters sorted.
 *
 * @param url - an absolute http(s) URL
 * @returns the comparison form, or the input when it does not parse
 *
 * @example
 * ```ts
 * canonicalUrl('http://www.Example.org/a/?utm_source=x&b=2#top');
 * // => 'https://example.org/a?b=2'
 * ```
 */
export function canonicalUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...parsed.searchParams].filter(([k]) => !TRACKING.test(k)).sort((a, b) => compareText(a[0], b[0]));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  // Trailing slashes, trimmed by a loop: /\/+$/ backtracks on long runs of slashes.
  let end = parsed.pathname.length;
  while (end > 0 && parsed.pathname.charCodeAt(end - 1) === 47) end--;
  const path = parsed.pathname.slice(0, end);
  return `https://${host}${parsed.port ? `:${parsed.port}` : ''}${path}${query}`;
}

/** Hosts that are placeholders, never real sources. */
export function isPlaceholderHost(host: string): boolean {
  return /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost)$/i.test(host) || host === '127.0.0.1';
}
