import { describe, expect, it } from 'vitest';
import { lintEvents } from '../../src/lint.js';
import { loadEvents } from '../../src/node/index.js';
import { CORPUS, HAS_CORPUS } from '../helpers/corpus.js';

// The figures below are an independent count on this snapshot of the corpus.
describe.skipIf(!HAS_CORPUS)('lint on the real corpus', () => {
  it('finds what an independent count found', async () => {
    const { events, files } = await loadEvents(CORPUS, { mode: 'lenient', keepDuplicates: true });
    const findings = lintEvents(events.map((event, i) => ({ event, file: files[i] })), { today: '2025-11-11' });
    const count = (code: string) => findings.filter((f) => f.code === code).length;
    expect(count('identity/duplicate-id')).toBe(117);
    expect(count('lint/id-timestamp')).toBe(93);
    expect(count('lint/id-date')).toBe(18);
    expect(count('lint/placeholder-url')).toBe(2);
    expect(new Set(findings.filter((f) => f.code === 'lint/duplicate-source').map((f) => f.file)).size).toBe(11);
    const trump = findings.find((f) => f.code === 'lint/actor-variant' && f.group?.canonical === 'Donald Trump');
    expect(trump?.group?.names.slice(0, 3)).toEqual(['Donald Trump', 'Trump', 'President Donald Trump']);
    // Close to the independent 228 actor groups and about 69 near-duplicate pairs.
    expect(count('lint/actor-variant')).toBeGreaterThan(200);
    expect(count('lint/near-duplicate')).toBeGreaterThan(55);
    expect(count('lint/near-duplicate')).toBeLessThan(85);
  });
});
