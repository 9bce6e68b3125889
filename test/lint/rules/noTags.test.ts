import { describe, expect, it } from 'vitest';
import { at, run } from '../../helpers/lint.js';

describe('no-tags', () => {
  it('no-tags: an event with no tag, and only that', () => {
    const none = at('2025-01-01', 'none', { tags: [] });
    const some = at('2025-01-02', 'some', { tags: ['courts'] });
    expect(run([none, some], 'lint/no-tags').map((f) => [f.file, f.path])).toEqual([[none.file, 'tags']]);
  });
});
