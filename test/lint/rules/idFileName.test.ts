import { describe, expect, it } from 'vitest';
import { at, run, src } from '../../helpers/lint.js';
import { makeEvent } from '../../helpers/events.js';

describe('identity/file-name', () => {
  it('finds a file not named after its id, and nothing in a good id', () => {
    const e = { event: makeEvent({ id: '2025-01-01--alec-(x)-1757454606', date: '2025-01-02' }), file: 'events/other.md' };
    expect(run([e], 'identity/file-name').map((f) => [f.code, f.path])).toEqual([['identity/file-name', 'id']]);
    expect(run([at('2025-01-01', 'fine')], 'identity/file-name')).toEqual([]);
  });
});
