import { describe, expect, it } from 'vitest';
import { at, run, src } from '../../helpers/lint.js';
import { makeEvent } from '../../helpers/events.js';
import { createActorRegistry } from '../../../src/index.js';
import { fixEvent, lintEvents } from '../../../src/lint.js';

describe('source-date', () => {
  it('source-date: years after the event, or prose kept in extra', () => {
    const e = at('2015-01-01', 'a', { sources: [src('https://a.org/x', { date: '2024' }), src('https://a.org/y', { date: '2016-02' }), src('https://a.org/z', { extra: { date: '1990s' } })] });
    expect(run([e], 'lint/source-date').map((f) => f.path)).toEqual(['sources[0].date', 'sources[2].date']);
  });
});
