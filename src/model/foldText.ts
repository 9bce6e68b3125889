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
 * The words of a text query, folded, each once; empty words dropped. More
 * than {@link MAX_QUERY_WORDS} different words is a TypeError.
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
  // A word given twice asks nothing more: each is kept once.
  const words = [...new Set(foldText(text).split(/\s+/).filter(Boolean))];
  if (words.length > MAX_QUERY_WORDS) throw new TypeError(`text: at most ${MAX_QUERY_WORDS} different words, got ${words.length}`);
  return words;
}

/**
 * The most different words a text query may hold: each word costs a pass
 * over the vocabulary.
 */
const MAX_QUERY_WORDS = 64;
