import { describe, expect, it } from 'vitest';
import { at, run, src } from '../../helpers/lint.js';
import { makeEvent } from '../../helpers/events.js';
import { createActorRegistry } from '../../../src/index.js';
import { fixEvent, lintEvents } from '../../../src/lint.js';

describe('url-variant', () => {
  it('url-variant: one resource spelled differently across events', () => {
    const a = at('2025-01-01', 'a', { sources: [src('https://npr.org/x')] });
    const b = at('2025-01-02', 'b', { sources: [src('https://www.npr.org/x/')] });
    const c = at('2025-01-03', 'c', { sources: [src('https://npr.org/x')] });
    expect(run([a, b, c], 'lint/url-variant')[0]!.group!.names).toEqual(['https://npr.org/x', 'https://www.npr.org/x/']);
    expect(run([a, c], 'lint/url-variant')).toEqual([]);
  });
});
