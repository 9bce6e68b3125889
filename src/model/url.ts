const PLAIN_URL = /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z](?:[a-z0-9-]*[a-z0-9])?(?:[/?#][\x21-\x7e]*)?$/i;

/**
 * Tells whether a string is an absolute `http:` or `https:` URL with a host.
 *
 * @param value - the text to check
 * @returns true only for web links that are safe to put in an `href`
 *
 * @example
 * ```ts
 * isHttpUrl('https://www.npr.org/2025/11/07/x');
 * isHttpUrl('javascript:alert(1)');
 * // => false
 * ```
 */
export function isHttpUrl(value: string): boolean {
  // Most links are plain: an ASCII host and printable ASCII after it. Those
  // are valid without asking the URL parser, which is costly per call.
  if (PLAIN_URL.test(value)) return true;
  // Control and bidirectional characters: the URL parser would take some of
  // them, and a terminal showing the link would run them.
  // eslint-disable-next-line no-control-regex
  if (!/^https?:\/\/[^\s/?#]/i.test(value) || /[\s\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * Tells whether a string uses a scheme that must never reach a link:
 * `javascript:`, `data:`, `vbscript:` or `file:` (any case, any leading space).
 *
 * @param value - the text to check
 * @returns true for a dangerous scheme
 *
 * @example
 * ```ts
 * isDangerousUrl(' JavaScript:alert(1)');
 * // => true
 * ```
 */
export function isDangerousUrl(value: string): boolean {
  if (/^https?:/i.test(value)) return false;
  // Browsers ignore control characters and spaces inside a scheme.
  // eslint-disable-next-line no-control-regex
  const compact = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return /^(?:javascript|data|vbscript|file):/.test(compact);
}
