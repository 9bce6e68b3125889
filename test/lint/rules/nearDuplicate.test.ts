import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, run } from '../../helpers/lint.js';
import { titleSimilarity } from '../../../src/model/titleSimilarity.js';

describe('near-duplicate', () => {
  it('near-duplicate: same day, near-identical titles; not other days or other titles', () => {
    const a = at('2025-01-01', 'a', { title: 'Heritage Foundation Established With Coors Funding' });
    const b = at('2025-01-01', 'b', { title: 'Heritage Foundation Established with Coors funding' });
    const c = at('2025-01-01', 'c', { title: 'Kazakhstan joins the Abraham Accords' });
    const d = at('2025-01-02', 'd', { title: 'Heritage Foundation Established With Coors Funding' });
    const findings = run([a, b, c, d], 'lint/near-duplicate');
    expect(findings.map((f) => [f.file, f.related])).toEqual([[a.file, [b.file]]]);
    expect(findings[0]!.message).toBe('2 events on 2025-01-01 have near-identical titles ("Heritage Foundation Established With Coors Funding", "Heritage Foundation Established with Coors funding"); merge them if they are one event');
  });

  it('reports a group once with every member, however large, instead of every pair', () => {
    const copies = Array.from({ length: 40 }, (_, i) => at('2017-01-11', `copy-${i}`, { title: `Rex Tillerson Confirmation Hearing Reveals ExxonMobil Conflicts${i % 2 ? '' : ' Again'}` }));
    const other = at('2017-01-11', 'other', { title: 'Something else entirely happened' });
    const findings = run([...copies, other], 'lint/near-duplicate');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.file).toBe(copies[0]!.file);
    expect(findings[0]!.related).toEqual(copies.slice(1).map((c) => c.file));
    // Twins (one id in two files) are the duplicate-id rule's, not this one's.
    expect(run([at('2017-01-12', 'x'), at('2017-01-12', 'x')], 'lint/near-duplicate')).toEqual([]);
  });

  it('groups exactly the events a comparison of every pair links, for random titles', () => {
    const vocabulary = ['court', 'ruling', 'trump', 'order', 'ban', 'judge', 'blocks', 'signs', 'new', 'federal'];
    const title = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(title, { minLength: 2, maxLength: 12 }), (titles) => {
        const entries = titles.map((t, i) => at('2020-05-05', `e${i}`, { title: t }));
        // The naive answer: connected components of the pairs alike enough.
        const parent = titles.map((_, i) => i);
        const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
        for (let i = 0; i < titles.length; i++) for (let j = i + 1; j < titles.length; j++) if (titleSimilarity(titles[i]!, titles[j]!) >= 0.7) parent[find(i)] = find(j);
        const naive = new Map<number, string[]>();
        titles.forEach((_, i) => naive.set(find(i), [...(naive.get(find(i)) ?? []), entries[i]!.file!]));
        const expected = [...naive.values()].filter((g) => g.length > 1).map((g) => g.sort()).sort();
        const got = run(entries, 'lint/near-duplicate').map((f) => [f.file!, ...f.related!].sort()).sort();
        expect(got).toEqual(expected);
      }),
    );
  });
});
