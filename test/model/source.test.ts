import { describe, expect, it } from 'vitest';
import { SourceSchema } from '../../src/index.js';
import { isDangerousUrl, isHttpUrl } from '../../src/model/url.js';

describe('SourceSchema', () => {
  it('accepts a source without a URL (a book, a filing)', () => {
    expect(SourceSchema.safeParse({ title: 'Executive Order 13771' }).success).toBe(true);
  });

  it('refuses dangerous schemes, bare words and relative links', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'Wikipedia', '/relative', '', 'https://', 'http://exa mple.com']) {
      expect(SourceSchema.safeParse({ title: 't', url }).success, url).toBe(false);
    }
  });

  it('accepts dates at their real precision only', () => {
    for (const date of ['2024', '2024-05', '2024-05-31']) expect(SourceSchema.safeParse({ title: 't', date }).success, date).toBe(true);
    for (const date of ['2024-13', '2024-02-30', 'June 2024', '24']) expect(SourceSchema.safeParse({ title: 't', date }).success, date).toBe(false);
  });

  it('refuses tiers outside 1-3', () => {
    for (const tier of [0, 4, 1.5]) expect(SourceSchema.safeParse({ title: 't', tier }).success).toBe(false);
  });
});

describe('isHttpUrl', () => {
  it('accepts http and https links with a host', () => {
    expect(isHttpUrl('https://www.npr.org/2025/11/07/x')).toBe(true);
    expect(isHttpUrl('HTTP://EXAMPLE.ORG')).toBe(true);
    expect(isHttpUrl('ftp://example.org')).toBe(false);
  });
});

describe('isDangerousUrl', () => {
  it('sees through case, spaces and control characters', () => {
    expect(isDangerousUrl(' JavaScript:alert(1)')).toBe(true);
    expect(isDangerousUrl('java\tscript:alert(1)')).toBe(true);
    expect(isDangerousUrl('https://example.org/javascript:')).toBe(false);
  });
});
