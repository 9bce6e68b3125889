/** Characters XML 1.0 does not allow, even escaped: controls but tab and line breaks, lone surrogates, U+FFFE and U+FFFF. */
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text for XML (an element's content or a quoted attribute): `&`, `<`,
 * `>`, `"` and `'` escaped, and the characters XML cannot hold at all
 * dropped, so a feed or a sitemap always parses.
 *
 * @param text - plain text
 * @returns text safe in XML
 *
 * @example
 * ```ts
 * escapeXml('Tom & "Jerry"\u0007');
 * // => 'Tom &amp; &quot;Jerry&quot;'
 * ```
 */
export function escapeXml(text: string): string {
  return text.replace(INVALID, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
