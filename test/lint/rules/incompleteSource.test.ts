import { describe, expect, it } from 'vitest';
import { at, run, src } from '../../helpers/lint.js';
import { makeEvent } from '../../helpers/events.js';
import { createActorRegistry } from '../../../src/index.js';
import { fixEvent, lintEvents } from '../../../src/lint.js';

describe('incomplete-source', () => {
  it('incomplete-source: names what is missing', () => {
    const e = at('2025-01-01', 'a', { sources: [{ title: 'A book' }, src('https://a.org/x')] });
    expect(run([e], 'lint/incomplete-source').map((f) => f.message)).toEqual(['sources[0]: no url, no tier, no publisher']);
  });
});
