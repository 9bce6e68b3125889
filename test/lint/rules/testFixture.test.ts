import { describe, expect, it } from 'vitest';
import { at, run, src } from '../../helpers/lint.js';
import { makeEvent } from '../../helpers/events.js';
import { createActorRegistry } from '../../../src/index.js';
import { fixEvent, lintEvents } from '../../../src/lint.js';

describe('test-fixture', () => {
  it('test-fixture: test data, not words that merely contain "test"', () => {
    expect(run([at('2025-11-01', 'test-markdown-creation-final')], 'lint/test-fixture')).toHaveLength(1);
    expect(run([at('2025-11-01', 'protest-at-capitol', { title: 'Protesters contest the results' })], 'lint/test-fixture')).toEqual([]);
  });
});
