import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHttpUrl } from '../../src/model/url.js';

function slow(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#]/i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

describe('isHttpUrl', () => {
  it('agrees with the URL parser on generated links and near-links', () => {
    const text = fc.oneof(
      fc.webUrl({ validSchemes: ['http', 'https', 'ftp'], withQueryParameters: true, withFragments: true }),
      fc.string({ unit: fc.constantFrom('h', 't', 'p', 's', ':', '/', '.', 'a', '-', '0', ' ', '?', '#', '%', '[', ']', '@') }),
      fc.string().map((s) => `https://${s}`),
    );
    fc.assert(fc.property(text, (value) => isHttpUrl(value) === slow(value)), { numRuns: 20_000 });
  });
});
