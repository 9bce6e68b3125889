import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { measure, SIZE_CASES } from '../../bench/size.js';

const BUILT = existsSync(fileURLToPath(new URL('../../dist/index.js', import.meta.url)));

// The browser budgets `npm run size` prints, held by every test run: what a
// page pays for each import, minified and gzipped, with no Node built-in.
describe.skipIf(!BUILT && !process.env.CI)('the browser bundles', () => {
  it.each(SIZE_CASES)('%s stays within its budget', async (_name, code, goal) => {
    const { gzip, node } = await measure(code);
    expect(node).toEqual([]);
    expect(gzip).toBeLessThanOrEqual(goal);
  });
});
