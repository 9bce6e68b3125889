import { describe, expect, it } from 'vitest';
import { at, run } from '../../helpers/lint.js';

describe('control-character', () => {
  it('finds an escape sequence or a bidi override in the summary, not line breaks or tabs', () => {
    const bad = at('2025-01-01', 'a', { summary: 'Fine text\u001b[2K then more', notes: 'a \u202e b' });
    expect(run([bad], 'lint/control-character').map((f) => [f.path, f.message])).toEqual([['summary', 'summary: holds U+001B'], ['notes', 'notes: holds U+202E']]);
    expect(run([at('2025-01-01', 'b', { summary: 'Two\n\nparagraphs\twith a tab' })], 'lint/control-character')).toEqual([]);
  });
});
