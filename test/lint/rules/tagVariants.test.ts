import { describe, expect, it } from 'vitest';
import { at, run, src } from '../../helpers/lint.js';
import { makeEvent } from '../../helpers/events.js';
import { createActorRegistry } from '../../../src/index.js';
import { fixEvent, lintEvents } from '../../../src/lint.js';

describe('tag-variant', () => {
  it('tag-variant: groups case, separator and plural spellings, not a lone plural', () => {
    const entries = [
      at('2025-01-01', 'a', { tags: ['conflict-of-interest'] }),
      at('2025-01-02', 'b', { tags: ['conflicts-of-interest'] }),
      at('2025-01-03', 'c', { tags: ['conflict-of-interest', 'elections'] }),
      at('2025-01-04', 'd', { tags: ['news'] }),
      at('2025-01-05', 'e', { tags: ['new'] }),
    ];
    const [group, ...rest] = run(entries, 'lint/tag-variant');
    expect(rest).toEqual([]);
    expect(group!.group).toEqual({
      names: ['conflict-of-interest', 'conflicts-of-interest'],
      counts: [2, 1],
      canonical: 'conflict-of-interest',
      field: 'tags',
      places: { 'conflict-of-interest': ['events/2025-01-01--a.md', 'events/2025-01-03--c.md'], 'conflicts-of-interest': ['events/2025-01-02--b.md'] },
    });
    // The finding has a place: the file to change, and every other one in related.
    expect([group!.file, group!.related]).toEqual(['events/2025-01-02--b.md', ['events/2025-01-02--b.md']]);
  });
});
