const MARKS = /[\u0300-\u036f]/g;

/**
 * Text as the text search compares it: lower case, accents removed.
 *
 * @param text - any text
 * @returns the folded text
 *
 * @example
 * ```ts
 * foldText('Élysée Café');
 * // => 'elysee cafe'
 * ```
 */
export function foldText(text: string): string {
  // ASCII needs no decomposition.
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u007f]*$/.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/**
 * The words of a text query, folded; empty words dropped.
 *
 * @param text - the query text
 * @returns the words every match must contain
 *
 * @example
 * ```ts
 * queryWords('  Abraham   ACCORDS ');
 * // => ['abraham', 'accords']
 * ```
 */
export function queryWords(text: string): string[] {
  return foldText(text).split(/\s+/).filter(Boolean);
}
