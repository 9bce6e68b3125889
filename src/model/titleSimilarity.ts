import { foldText } from './foldText.js';

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'and', 'as', 'at', 'by', 'with', 'from', 'is', 'its']);

/** The words of a title that say something: folded, split on what is not a letter or digit, stop words left out. */
export const titleWords = (title: string): Set<string> => new Set(foldText(title).split(/[^a-z0-9]+/).filter((w) => w && !STOP.has(w)));

/** Shared items over all items (Jaccard); two empty sets are alike. */
export function jaccard(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const all = x.size + y.size - shared;
  return all === 0 ? 1 : shared / all;
}

/** Similarity of two titles: shared words over all words (Jaccard). */
export function titleSimilarity(a: string, b: string): number {
  return jaccard(titleWords(a), titleWords(b));
}

/** How alike two titles must be to count as near-identical: by the near-duplicate lint and by `diff`'s likely renames. */
export const NEAR_TITLE = 0.7;
