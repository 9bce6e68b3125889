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

  // Which folders each folder may import from. query imports only model, so
  // the query bundle stays small; nothing imports cli.
  const ALLOWED: Record<string, readonly string[]> = {
    model: ['model'],
    normalize: ['model', 'normalize'],
    parse: ['model', 'normalize', 'parse'],
    query: ['model', 'query'],
    lint: ['model', 'normalize', 'parse', 'query', 'lint'],
    format: ['model', 'parse', 'format'],
    diff: ['model', 'diff'],
    site: ['model', 'format', 'diff', 'site'],
    node: ['model', 'normalize', 'parse', 'query', 'lint', 'format', 'diff', 'site', 'node'],
    cli: ['model', 'normalize', 'parse', 'query', 'lint', 'format', 'diff', 'site', 'node', 'cli'],
  };
  const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => join(file, '..', m[1]!).replace(/\.js$/, '.ts'));
  const folderOf = (file: string) => file.slice(SRC.length + 1).split('/')[0]!;

  it('imports only along the allowed edges between folders (query only from model)', () => {
    const outside: string[] = [];
    for (const file of files(SRC)) {
      const allowed = ALLOWED[folderOf(file)];
      if (!allowed) {
        if (file.slice(SRC.length + 1).includes('/')) outside.push(`${file.slice(SRC.length + 1)}: a folder with no allowed edges`);
        continue;
      }
      for (const target of importsOf(file)) if (!allowed.includes(folderOf(target))) outside.push(`${file.slice(SRC.length + 1)} -> ${target.slice(SRC.length + 1)}`);
    }
    expect(outside).toEqual([]);
  });

  it('has no circle of imports between files', () => {
    const graph = new Map(files(SRC).map((f) => [f, importsOf(f).filter((t) => t.startsWith(SRC))]));
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].map((f) => f.slice(SRC.length + 1)).join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });

  it("puts each module's tests in a file named after it", () => {
    // Tests of the whole (the CLI binary, a replayed release history, the corpus, the package) are named after what they test.
    const WHOLE = new Set(['cli', 'corpus', 'docs', 'tarball', 'metadata', 'layout', 'page', 'types', 'fuzz', 'timelines', 'golden', 'replay', 'bundle', 'surface', 'examples']);
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
