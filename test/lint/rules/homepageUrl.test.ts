import { describe, expect, it } from 'vitest';
import { at, run, src } from '../../helpers/lint.js';
import { makeEvent } from '../../helpers/events.js';

describe('homepage-url', () => {
  it('finds a link to a home page, not to an article', () => {
    const e = at('2025-01-01', 'a', { sources: [src('https://example.com/test'), src('https://www.reuters.com/'), src('https://www.reuters.com/world/x')] });
    expect(run([e], 'lint/homepage-url').map((f) => f.path)).toEqual(['sources[1].url']);
  });
});
