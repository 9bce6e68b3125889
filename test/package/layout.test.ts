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

  it('keeps each lint rule in its own file', () => {
    for (const f of files(join(SRC, 'lint/rules')).filter((f) => !f.endsWith('index.ts'))) {
      expect((readFileSync(f, 'utf8').match(/: LintRule = \{/g) ?? []).length, f).toBe(1);
    }
  });
});
