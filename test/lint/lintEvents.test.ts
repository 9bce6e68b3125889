import { describe, expect, it } from 'vitest';
import { lintEvents, RULES } from '../../src/lint.js';
import { makeEvent } from '../helpers/events.js';

describe('lintEvents', () => {
  it('every rule has a lint/ code (or an identity code the loader shares), a severity and a description that says what to do', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of RULES) {
      expect(rule.code).toMatch(/^(?:lint\/[a-z-]+|identity\/(?:file-name|duplicate-id|former-id))$/);
      expect(rule.description.length).toBeGreaterThan(20);
    }
  });

  it('takes any number of findings from a rule: 200,000 from one call, and from one event', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ severity: 'warning' as const, code: 'lint/test' as const, message: `finding ${i}` }));
    const rule = { code: 'lint/test' as const, severity: 'warning' as const, description: 'Finds a great many things, for the test.', checkAll: () => many(200_000), check: () => many(150_000) };
    const findings = lintEvents([{ event: makeEvent() }], { rules: [rule] });
    expect(findings).toHaveLength(350_000);
    expect(findings.at(-1)!.message).toBe('finding 199999');
  });

  it('says which rule it runs, and when it is done', () => {
    const calls: [number, number, string][] = [];
    lintEvents([{ event: makeEvent() }], { rules: ['lint/tag-variant', 'lint/near-duplicate'], onProgress: (done, total, code) => calls.push([done, total, code]) });
    expect(calls).toEqual([[0, 2, 'lint/tag-variant'], [1, 2, 'lint/near-duplicate']]);
  });

  it('refuses an unknown rule name', () => {
    expect(() => lintEvents([], { rules: ['lint/nope'] })).toThrow(TypeError);
  });
});
