import { describe, expect, it } from 'vitest';
import { at, run, src } from '../../helpers/lint.js';
import { makeEvent } from '../../helpers/events.js';
import { createActorRegistry } from '../../../src/index.js';
import { fixEvent, lintEvents } from '../../../src/lint.js';

describe('mojibake', () => {
  it('mojibake: finds â€” and Ã©, not real accents', () => {
    expect(run([at('2025-01-01', 'a', { summary: 'since 1992â€”over; cafÃ©' })], 'lint/mojibake')).toHaveLength(1);
    expect(run([at('2025-01-01', 'a', { summary: 'naïve café — Ångström' })], 'lint/mojibake')).toEqual([]);
  });

  it('mojibake: checks every text field fix repairs, capture lanes included, and fix repairs each one it flags', () => {
    const e = at('2025-01-01', 'a', { captureLanes: ['Regulatory CaptureÂ·Courts'], location: 'BogotÃ¡', sources: [{ title: 'CafÃ©', publisher: 'DÃ¼sseldorf Post' }] });
    const findings = run([e], 'lint/mojibake');
    expect(findings.map((f) => [f.path, f.fixable])).toEqual([['sources[0].title', true], ['sources[0].publisher', true], ['location', true], ['capture_lanes[0]', true]]);
    const fixed = fixEvent(e.event);
    expect(fixed.changes).toHaveLength(findings.length);
    expect(run([{ ...e, event: fixed.event }], 'lint/mojibake')).toEqual([]);
    expect(fixed.event.captureLanes).toEqual(['Regulatory Capture·Courts']);
  });
});
