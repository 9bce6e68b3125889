import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('the source layout', () => {
  it('imports Node built-ins only under src/node and src/cli, so the root entry is browser-safe', () => {
    const offenders = files(SRC)
      .filter((f) => !f.startsWith(join(SRC, 'node')) && !f.startsWith(join(SRC, 'cli')) && !f.endsWith('node.ts'))
      .filter((f) => /from ['"]node:|require\(['"]node:|\bprocess\.|\bBuffer\./.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('imports zod as a namespace, never { z }, which would pull every locale into a bundle', () => {
    const offenders = files(SRC).filter((f) => /import\s*\{\s*z\s*\}\s*from\s*['"]zod['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('points every import down the layers: model, normalize, parse, query, lint, format, node, cli', () => {
    const LAYERS = ['model', 'normalize', 'parse', 'query', 'lint', 'format', 'node', 'cli'];
    const layerOf = (file: string) => LAYERS.indexOf(file.slice(SRC.length + 1).split('/')[0]!);
    const upward: string[] = [];
    for (const file of files(SRC)) {
      const from = layerOf(file);
      if (from < 0) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const to = layerOf(join(file, '..', m[1]!));
        if (to > from) upward.push(`${file.slice(SRC.length + 1)} -> ${m[1]}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("puts each module's tests in a file named after it", () => {
    // Tests of the whole (the CLI binary, a replayed release history, the corpus, the package) are named after what they test.
    const WHOLE = new Set(['cli', 'corpus', 'docs', 'tarball', 'metadata', 'layout', 'page', 'types', 'fuzz', 'timelines', 'golden', 'replay']);
    const modules = new Set(files(SRC).map((f) => f.replace(/^.*\//, '').replace(/\.ts$/, '')));
    const TESTS = join(SRC, '..', 'test');
    const orphans = files(TESTS)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => f.replace(/^.*\//, '').replace(/\.test\.ts$/, ''))
      .filter((name) => !modules.has(name) && !WHOLE.has(name));
    expect(orphans).toEqual([]);
  });

  it('keeps each lint rule in its own file', () => {
    for (const f of files(join(SRC, 'lint/rules')).filter((f) => !f.endsWith('index.ts'))) {
      expect((readFileSync(f, 'utf8').match(/: LintRule = \{/g) ?? []).length, f).toBe(1);
    }
  });
});
