import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/model/foldText.js';
import { FOLDS_TO_ASCII_BELOW, wordPattern } from '../../src/query/textScan.js';

describe('wordPattern', () => {
  it('knows every code point that folds to ASCII or to nothing', () => {
    const missed: string[] = [];
    for (let c = 0x80; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const folded = foldText(String.fromCodePoint(c));
      // Folding to nothing: only the marks the pattern allows between letters.
      if (folded === '') {
        if (c < 0x300 || c > 0x36f) missed.push(`U+${c.toString(16)} folds to nothing`);
        continue;
      }
      // eslint-disable-next-line no-control-regex
      const ascii = /[\u0000-\u007f]/.test(folded);
      if (ascii && (folded.length !== 1 || c >= FOLDS_TO_ASCII_BELOW)) missed.push(`U+${c.toString(16)} folds to ${JSON.stringify(folded)}`);
    }
    expect(missed).toEqual([]);
  });

  it('finds a folded word in unfolded text exactly when the folded text holds it', () => {
    const unit = fc.constantFrom('a', 'A', 'e', 'É', 'E\u0301', 'é', 'İ', 'i', 'ß', 's', 'K', '\u212a', 'k', '\u037e', ';', '\u0338', '=', '≠', '.', '*', '[', ']', '\\', '^', '$', '-', ' ', '\u0301', '\u1dc2', 'ü', 'u\u0308\u0301', 'ω');
    const ascii = fc.constantFrom('a', 'e', 'i', 's', 'k', ';', '=', '.', '*', '[', ']', '\\', '^', '$', '-', 'u', 'A');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), fc.string({ unit: ascii, minLength: 1, maxLength: 4 }), (text, word) => {
        expect(wordPattern(word)!.test(text)).toBe(foldText(text).includes(word));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives no pattern for a word beyond ASCII', () => {
    expect(wordPattern('кремль')).toBeUndefined();
    expect(wordPattern('elysee')!.test('Palais de l’Élysée')).toBe(true);
  });
});
