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

describe.skipIf(!HAS_CORPUS)('fix on the real corpus', () => {
  it('changes a third of the lines the canonical layout changes, and means the same', async () => {
    const { structuredPatch } = await import('diff');
    const { fixFiles } = await import('../../src/node/index.js');
    const { parseEvent } = await import('../../src/index.js');
    const changed = (files: { before: string; after: string }[]) =>
      files.reduce((n, f) => n + structuredPatch('a', 'b', f.before, f.after, '', '', { context: 0 }).hunks.reduce((m, h) => m + h.oldLines + h.newLines, 0), 0);
    const minimal = fixFiles(CORPUS, { layout: 'keep' });
    const canonical = fixFiles(CORPUS, { layout: 'canonical' });
    const lines = { minimal: changed(minimal.files), canonical: changed(canonical.files) };
    console.log(`fix on the corpus: ${minimal.files.length} files and ${lines.minimal} lines changed in place; ${canonical.files.length} files and ${lines.canonical} lines in the canonical layout`);
    expect(lines.minimal * 3).toBeLessThan(lines.canonical);
    expect(minimal.files.filter((f) => f.rewritten).every((f) => f.file.endsWith('.json'))).toBe(true);
    // Every file edited in place holds what the canonical layout holds.
    const byFile = new Map(canonical.files.map((f) => [f.file, f.after]));
    for (const f of minimal.files) {
      expect(parseEvent(f.after, { file: f.file, mode: 'lenient' }).event, f.file).toEqual(parseEvent(byFile.get(f.file)!, { file: f.file, mode: 'lenient' }).event);
    }
  }, 120_000);
});
