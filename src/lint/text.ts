import { foldText } from '../model/foldText.js';

/**
 * English singular of a word, for comparing tags: `conflicts` -> `conflict`,
 * `agencies` -> `agency`; `press`, `status`, `analysis` stay.
 */
const NOT_PLURAL = new Set(['news', 'politics', 'economics', 'ethics', 'series', 'species', 'physics', 'analytics', 'logistics', 'whereabouts']);

export function singular(word: string): string {
  if (word.length <= 3 || NOT_PLURAL.has(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (/(?:sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/**
 * The key under which tag spellings are compared: case, separators and plurals ignored.
 *
 * @example
 * ```ts
 * tagKey('Conflicts_of Interest');
 * // => 'conflict-of-interest'
 * ```
 */
export function tagKey(tag: string): string {
  return foldText(tag)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(singular)
    .join('-');
}

/** Titles that come before a name (`President`, `Chief Justice`): dropped from actor keys. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'president', 'vice', 'former', 'secretary', 'sen', 'senator', 'rep', 'representative', 'gov', 'governor', 'dr', 'mr',
  'mrs', 'ms', 'judge', 'justice', 'chief', 'attorney', 'general', 'speaker', 'prime', 'minister', 'gen', 'adm',
  'admiral', 'sir', 'lord', 'king', 'queen', 'prince', 'crown', 'ceo', 'the', 'hon', 'honorable', 'deputy', 'acting',
  'ambassador', 'chairman', 'chair', 'director', 'commissioner', 'mayor',
]);

/**
 * The key under which actor spellings are compared: folded, punctuation
 * and hyphens as spaces (so `peter-thiel` is `peter thiel`), a parenthetical
 * dropped (`Elon Musk (DOGE)`), leading titles dropped (`President Donald
 * Trump`).
 *
 * @example
 * ```ts
 * actorKey('President Donald J. Trump (R)');
 * // => 'donald j trump'
 * ```
 */
export function actorKey(name: string): string {
  const words = foldText(name.replace(/\([^)]*\)/g, ' '))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let start = 0;
  while (start < words.length && HONORIFICS.has(words[start]!)) start++;
  // A name that is only titles (`Chief Justice`) stays whole: its last word is not a name.
  return (start === words.length ? words : words.slice(start)).join(' ');
}
