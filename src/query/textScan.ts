import { foldText } from '../model/foldText.js';

/**
 * Every code point that folds (as {@link foldText} folds) to one ASCII
 * character lies below this one: Latin letters with marks, and a few signs
 * (`;` `` ` `` `K` `Å` `≠` `≮` `≯`) that decompose to ASCII. A test checks
 * every code point: none above folds to ASCII, and only U+0300-U+036F fold
 * to nothing.
 */
export const FOLDS_TO_ASCII_BELOW = 0x2270;

let classes: string[] | undefined;

/** For each ASCII character, the regular-expression class of every character that folds to it. */
function asciiClasses(): string[] {
  if (classes) return classes;
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  const out: string[] = Array.from({ length: 128 }, () => '');
  const add = (c: number) => {
    const folded = foldText(String.fromCharCode(c));
    if (folded.length === 1 && folded.charCodeAt(0) < 128) out[folded.charCodeAt(0)] += hex(c);
  };
  for (let c = 0; c < FOLDS_TO_ASCII_BELOW; c++) add(c);
  return (classes = out);
}

/**
 * A regular expression that finds a folded ASCII word in unfolded text:
 * `pattern.test(text)` is exactly `foldText(text).includes(word)`, without
 * folding the text. Each character of the word becomes the class of every
 * character that folds to it, with the marks folding removes allowed
 * between them. A word with a character beyond ASCII gives `undefined`.
 *
 * @param word - a folded word
 * @returns the pattern, or undefined
 *
 * @example
 * ```ts
 * wordPattern('elysee')!.test('Palais de l’Élysée');
 * // => true
 * ```
 */
export function wordPattern(word: string): RegExp | undefined {
  const at = asciiClasses();
  let source = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return undefined;
    // An upper-case letter gives an empty class, which matches nothing, as
    // it never appears in folded text.
    source += `${i ? '[\\u0300-\\u036f]*' : ''}[${at[c]}]`;
  }
  return new RegExp(source);
}
