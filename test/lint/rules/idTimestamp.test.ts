import { describe, expect, it } from 'vitest';
import { at, run, src } from '../../helpers/lint.js';
import { makeEvent } from '../../helpers/events.js';

describe('lint/id-timestamp', () => {
  it('finds an id ending in a unix timestamp, and nothing in a good id', () => {
    const e = { event: makeEvent({ id: '2025-01-01--alec-(x)-1757454606', date: '2025-01-02' }), file: 'events/other.md' };
    expect(run([e], 'lint/id-timestamp').map((f) => [f.code, f.path])).toEqual([['lint/id-timestamp', 'id']]);
    expect(run([at('2025-01-01', 'fine')], 'lint/id-timestamp')).toEqual([]);
  });
});
