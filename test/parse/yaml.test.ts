import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/index.js';
import { loadYaml, MAX_YAML_EXPANDED_CHARS } from '../../src/parse/yaml.js';

describe('loadYaml', () => {
  it('refuses aliases that repeat a long string past the size budget', () => {
    const long = 'x'.repeat(850_000);
    const text = `a: &u "https://example.org/${long}"\nlist: [${Array(33_000).fill('*u').join(', ')}]\n`;
    const started = performance.now();
    const result = loadYaml(text);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.value).toBeUndefined();
    expect(result.issues.map((p) => p.code)).toEqual(['yaml/alias-limit']);
    expect(result.issues[0]!.message).toContain(String(MAX_YAML_EXPANDED_CHARS));
  });

  it('keeps aliases whose expansion is small', () => {
    const result = loadYaml('a: &a { title: T, url: "https://example.org/x" }\nlist: [*a, *a, *a]\n');
    expect(result.issues).toEqual([]);
    expect((result.value as { list: unknown[] }).list).toHaveLength(3);
  });

  it('reads a long text past 100,000 values that names AT&T and M*A*S*H but expands nothing', () => {
    const text = `${Array.from({ length: 60_000 }, (_, i) => `- id: a${i}\n  name: AT&T M*A*S*H ${i}\n`).join('')}`;
    const result = loadYaml(text);
    expect(result.issues).toEqual([]);
    expect(result.value).toHaveLength(60_000);
  });
});

describe('parseEvent and alias size bombs', () => {
  it('refuses an event whose sources are thousands of aliases of one huge source', () => {
    const url = `https://example.org/${'a'.repeat(850_000)}`;
    const front = [
      'id: 2025-11-06--x',
      "date: '2025-11-06'",
      'title: T',
      'importance: 5',
      'tags: [t]',
      'actors: []',
      `anchor: &s { title: S, url: "${url}" }`,
      `sources: [${Array(33_000).fill('*s').join(',')}]`,
    ].join('\n');
    const text = `---\n${front}\n---\nbody\n`;
    const { event, issues } = parseEvent(text, { maxLength: 2 * 1024 * 1024 });
    expect(event).toBeUndefined();
    expect(issues.map((i) => i.code)).toEqual(['yaml/alias-limit']);
  });
});
