import { describe, expect, it } from 'vitest';
import { at, run, src } from '../../helpers/lint.js';
import { makeEvent } from '../../helpers/events.js';
import { createActorRegistry } from '../../../src/index.js';
import { fixEvent, lintEvents } from '../../../src/lint.js';

describe('near-duplicate', () => {
  it('near-duplicate: same day, near-identical titles; not other days or other titles', () => {
    const a = at('2025-01-01', 'a', { title: 'Heritage Foundation Established With Coors Funding' });
    const b = at('2025-01-01', 'b', { title: 'Heritage Foundation Established with Coors funding' });
    const c = at('2025-01-01', 'c', { title: 'Kazakhstan joins the Abraham Accords' });
    const d = at('2025-01-02', 'd', { title: 'Heritage Foundation Established With Coors Funding' });
    expect(run([a, b, c, d], 'lint/near-duplicate').map((f) => f.file)).toEqual([b.file]);
  });
});
