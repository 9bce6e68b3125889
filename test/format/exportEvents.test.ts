import { describe, expect, it } from 'vitest';
import { exportEvents, withDerivedDates } from '../../src/index.js';
import { makeEvent } from '../helpers/events.js';

describe('exportEvents', () => {
  it('writes each format, and CSV with a byte-order mark only when asked', () => {
    const events = [makeEvent({ title: 'Café' })];
    expect(exportEvents(events, 'csv').startsWith('id,date,')).toBe(true);
    const bom = exportEvents(events, 'csv', { bom: true });
    expect(bom.charCodeAt(0)).toBe(0xfeff);
    expect(bom.slice(1)).toBe(exportEvents(events, 'csv'));
    // JSON and NDJSON spell out the date as events.json does.
    expect(JSON.parse(exportEvents(events, 'json'))).toEqual(events.map(withDerivedDates));
    expect(exportEvents(events, 'ndjson').trim().split('\n').map((line) => JSON.parse(line))).toEqual(events.map(withDerivedDates));
    expect(JSON.parse(exportEvents(events, 'timelinejs')).events).toHaveLength(1);
    // One band unless a grouping is asked for.
    // vis: the items, the groups in band order, and the window to open on.
    const plain = JSON.parse(exportEvents(events, 'vis'));
    expect([plain.items[0].group, plain.groups, plain.window]).toEqual([undefined, undefined, { start: '2025-10-30', end: '2025-11-13' }]);
    const banded = JSON.parse(exportEvents(events, 'vis', { group: 'tag' }));
    expect([banded.items[0].group, banded.groups]).toEqual(['foreign-policy', [{ id: 'foreign-policy', content: 'foreign-policy' }]]);
    expect(JSON.parse(exportEvents(events, 'timelinejs', { group: 'importance' })).events[0].group).toBe('importance 5');
    expect(() => exportEvents(events, 'xml' as 'csv')).toThrow(TypeError);
    expect(() => exportEvents(events, 'vis', { group: 'actor' as 'tag' })).toThrow(TypeError);
  });
});
