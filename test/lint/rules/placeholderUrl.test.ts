import { describe, expect, it } from 'vitest';
import { at, run, src } from '../../helpers/lint.js';
import { makeEvent } from '../../helpers/events.js';

describe('placeholder-url', () => {
  it('finds example.com and other placeholders, in links and archive links', () => {
    const e = at('2025-01-01', 'a', { sources: [src('https://example.com/test'), src('https://www.reuters.com/world/x', { archiveUrl: 'http://localhost/x' })] });
    expect(run([e], 'lint/placeholder-url').map((f) => [f.path, f.severity])).toEqual([['sources[0].url', 'error'], ['sources[1].archive_url', 'error']]);
  });
});
