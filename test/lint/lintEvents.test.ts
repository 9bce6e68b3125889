import { describe, expect, it } from 'vitest';
import { lintEvents, RULES } from '../../src/lint.js';

describe('lintEvents', () => {
  it('every rule has a lint/ code (or an identity code the loader shares), a severity and a description that says what to do', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of RULES) {
      expect(rule.code).toMatch(/^(?:lint\/[a-z-]+|identity\/(?:file-name|duplicate-id))$/);
      expect(rule.description.length).toBeGreaterThan(20);
    }
  });

  it('refuses an unknown rule name', () => {
    expect(() => lintEvents([], { rules: ['lint/nope'] })).toThrow(TypeError);
  });
});
