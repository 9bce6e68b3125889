import { describe, expect, it } from 'vitest';
import { at, run, src } from '../../helpers/lint.js';
import { makeEvent } from '../../helpers/events.js';
import { createActorRegistry } from '../../../src/index.js';
import { fixEvent, lintEvents } from '../../../src/lint.js';

describe('duplicate-source', () => {
  it('duplicate-source: the same resource twice in one event, however spelled', () => {
    const twice = at('2025-01-01', 'a', { sources: [src('https://www.npr.org/x/'), src('http://npr.org/x?utm_source=tw')] });
    const once = at('2025-01-02', 'b', { sources: [src('https://npr.org/x'), src('https://npr.org/y')] });
    expect(run([twice, once], 'lint/duplicate-source').map((f) => f.file)).toEqual([twice.file]);
  });
});
