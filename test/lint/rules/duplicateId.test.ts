import { describe, expect, it } from 'vitest';
import { at, run, src } from '../../helpers/lint.js';
import { makeEvent } from '../../helpers/events.js';
import { createActorRegistry } from '../../../src/index.js';
import { fixEvent, lintEvents } from '../../../src/lint.js';

describe('duplicate-id', () => {
  it('duplicate-id: a .md and .json twin', () => {
    const md = at('2025-01-01', 'a');
    const json = { ...md, file: 'events/2025-01-01--a.json' };
    const [f] = run([md, json], 'identity/duplicate-id');
    expect(f!.file).toBe('events/2025-01-01--a.json');
    expect(f!.related).toEqual(['events/2025-01-01--a.md']);
  });
});
