import { foldText } from '../../model/foldText.js';
import { finding, groupBy } from '../finding.js';
import type { LintFinding, LintRule } from '../types.js';

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'and', 'as', 'at', 'by', 'with', 'from', 'is', 'its']);
const words = (title: string) => new Set(foldText(title).split(/[^a-z0-9]+/).filter((w) => w && !STOP.has(w)));

/** Similarity of two titles: shared words over all words (Jaccard). */
export function titleSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const all = x.size + y.size - shared;
  return all === 0 ? 1 : shared / all;
}

/** How alike two titles must be to count as near-identical. */
const NEAR = 0.7;

/** Two events on one day with near-identical titles. */
export const nearDuplicateRule: LintRule = {
  code: 'lint/near-duplicate',
  severity: 'warning',
  description: 'Two events on the same day with near-identical titles (seven in ten of their words shared). Merge them if they are one event.',
  checkAll(entries) {
    const byDate = groupBy(entries, (entry) => entry.event.date);
    const out: LintFinding[] = [];
    for (const list of byDate.values()) {
      // Pairs only within one day, so the work grows with the busiest day, not the folder.
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]!;
          const b = list[j]!;
          if (a.event.id === b.event.id) continue; // twins are their own rule
          const score = titleSimilarity(a.event.title, b.event.title);
          if (score >= NEAR) {
            out.push(finding(this, b, `"${b.event.title}" is ${Math.round(score * 100)}% like "${a.event.title}" (${a.file ?? a.event.id}) on the same day`, { path: 'title', related: [a.file ?? a.event.id] }));
          }
        }
      }
    }
    return out;
  },
};
