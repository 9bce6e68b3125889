import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/index.js';
import { jsonLocator } from '../../src/parse/jsonLocator.js';
import { yamlLocator } from '../../src/parse/yamlLocator.js';
import { makeEvent } from '../helpers/events.js';

describe('jsonLocator', () => {
  it('finds values by path, the last of duplicate keys, and nested lists', () => {
    const text = '{\n  "a": 1,\n  "b": [10, {"c": "x"}],\n  "a": 2\n}';
    const at = jsonLocator(text);
    expect(at(['a'])).toEqual({ line: 4, column: 8 });
    expect(at(["b", 1, "c"])).toEqual({ line: 3, column: 19 });
    expect(at(['b', 5])).toEqual({ line: 3, column: 8 });
    expect(at(['missing'])).toBeUndefined();
  });

  it('locates 50,000 issues in one JSON file in linear time', () => {
    const event = { ...makeEvent(), tags: Array.from({ length: 50_000 }, (_, i) => `Bad Tag ${i}`) };
    const text = JSON.stringify(event, null, 1);
    const started = performance.now();
    const { issues } = parseEvent(text, { format: 'json' });
    expect(performance.now() - started).toBeLessThan(10_000);
    const bad = issues.filter((i) => i.code === 'schema/tags');
    expect(bad.length).toBe(50_000);
    expect(text.split('\n')[bad[49_999]!.line! - 1]).toContain('Bad Tag 49999');
  });
});

describe('yamlLocator', () => {
  it('locates 20,000 bad tags and 20,000 unknown keys in linear time', () => {
    const lines = ['id: 2025-11-06--x', "date: '2025-11-06'", 'title: T', 'importance: 5', 'tags:'];
    for (let i = 0; i < 20_000; i++) lines.push(`- Bad_Tag_${i}`);
    for (let i = 0; i < 20_000; i++) lines.push(`key${i}: ${i}`);
    lines.push('actors: []', 'sources:', '- title: S');
    const text = `---\n${lines.join('\n')}\n---\nbody\n`;
    const started = performance.now();
    const { issues } = parseEvent(text);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(issues.filter((i) => i.code === 'schema/tags')).toHaveLength(20_000);
    expect(issues.filter((i) => i.code === 'legacy/extra-key')).toHaveLength(20_000);
    const last = issues.find((i) => i.message.includes('Bad_Tag_19999'));
    expect(last?.line).toBe(6 + 19_999 + 1);
    expect(yamlLocator('a:\n  b:\n  - x\n  - y\n')(['a', 'b', 1])).toEqual({ line: 4, column: 5 });
  });
});
