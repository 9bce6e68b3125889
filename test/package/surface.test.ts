import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The names each entry exports at run time, pinned: the list changes only
// on purpose, with this file, the CHANGELOG and the docs in the same commit.
// Regenerate after a deliberate change with: UPDATE_SURFACE=1 npx vitest run test/package/surface.test.ts
const ENTRIES = { '.': '../../src/index.js', './node': '../../src/node.js', './lint': '../../src/lint.js', './json-schema': '../../src/json-schema.js', './data': '../../src/data.js' } as const;
const PINNED = new URL('./surface.json', import.meta.url);

describe('the public surface', () => {
  it('exports exactly the names pinned in surface.json, entry by entry', async () => {
    const actual: Record<string, string[]> = {};
    for (const [entry, path] of Object.entries(ENTRIES)) actual[entry] = Object.keys(await import(path)).sort();
    if (process.env.UPDATE_SURFACE) (await import('node:fs')).writeFileSync(PINNED, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(PINNED, 'utf8')));
  });
});
