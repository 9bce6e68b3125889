import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/lint/url.js';

describe('canonicalUrl', () => {
  it('drops tracking parameters, www., the fragment and trailing slashes', () => {
    expect(canonicalUrl('http://www.Example.org/a//?utm_source=x&b=2#top')).toBe('https://example.org/a?b=2');
  });

  it('takes time linear in the URL: 200,000 slashes', () => {
    const url = `https://example.org/${'/'.repeat(200_000)}x`;
    const started = performance.now();
    expect(canonicalUrl(url).endsWith('/x')).toBe(true);
    expect(canonicalUrl(`https://example.org/a${'/'.repeat(200_000)}`)).toBe('https://example.org/a');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('canonicalUrl on parameters', () => {
  it('drops what does not change the resource', () => {
    expect(canonicalUrl('http://www.Example.org/a/?utm_source=x&b=2&a=1#top')).toBe('https://example.org/a?a=1&b=2');
  });
});
