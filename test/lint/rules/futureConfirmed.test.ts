import { describe, expect, it } from 'vitest';
import { at, run, src } from '../../helpers/lint.js';
import { makeEvent } from '../../helpers/events.js';
import { createActorRegistry } from '../../../src/index.js';
import { fixEvent, lintEvents } from '../../../src/lint.js';

describe('future-confirmed', () => {
  it('future-confirmed: only future and confirmed', () => {
    expect(run([at('2027-01-01', 'a', { status: 'confirmed' })], 'lint/future-confirmed')).toHaveLength(1);
    expect(run([at('2027-01-01', 'a', { status: 'predicted' }), at('2025-01-01', 'b', { status: 'confirmed' })], 'lint/future-confirmed')).toEqual([]);
  });
});
