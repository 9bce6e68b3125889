/**
 * Escapes text for HTML: `&`, `<`, `>`, `"` and `'`.
 *
 * @param text - plain text
 * @returns text safe inside an element or a quoted attribute
 *
 * @example
 * ```ts
 * escapeHtml('<b>"Tom & Jerry"</b>');
 * // => '&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
