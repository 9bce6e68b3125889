import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/node/links/httpAnswer.js';
import { judge, type Job } from '../../src/node/links/linkJob.js';

const O = { maxRedirects: 2, retries: 2, backoffMs: 1000, maxRetryAfterMs: 60_000 };
const T = Date.UTC(2026, 0, 1);
const job = (url = 'http://a.test/x'): Job => ({ url, target: new URL(url), seen: new Set([url]), redirects: 0, attempts: 1, retries: 0 });

// Each decision of the link checker, with no network and no clock: what an answer means for its link.
describe('judge', () => {
  it('settles a page that answers, naming where it landed after redirects', () => {
    expect(judge(job(), { code: 200 } as Answer, T, O)).toEqual({ result: { url: 'http://a.test/x', status: 'ok', code: 200, attempts: 1, checkedAt: '2026-01-01T00:00:00.000Z' } });
    const j = job();
    expect(judge(j, { code: 301, location: '/y' } as Answer, T, O)).toEqual({ again: true });
    expect(j).toMatchObject({ redirects: 1, target: new URL('http://a.test/y') });
    expect(judge(j, { code: 200 } as Answer, T, O)).toMatchObject({ result: { status: 'redirected', finalUrl: 'http://a.test/y' } });
  });

  it('ends a loop, a chain past the limit and a hop to another scheme', () => {
    const loop = job();
    judge(loop, { code: 302, location: '/y' } as Answer, T, O);
    expect(judge(loop, { code: 302, location: '/x' } as Answer, T, O)).toMatchObject({ result: { status: 'redirect-loop', message: 'redirects back to http://a.test/x' } });
    const long = job();
    for (const hop of ['/1', '/2']) judge(long, { code: 302, location: hop } as Answer, T, O);
    expect(judge(long, { code: 302, location: '/3' } as Answer, T, O)).toMatchObject({ result: { status: 'redirect-loop', message: 'more than 2 redirects' } });
    expect(judge(job(), { code: 302, location: 'ftp://a.test/f' } as Answer, T, O)).toMatchObject({ result: { status: 'not-checkable', finalUrl: 'ftp://a.test/f' } });
  });

  it('retries a transient failure after a doubling backoff, then gives up', () => {
    const j = job();
    expect(judge(j, { code: 503 } as Answer, T, O)).toEqual({ again: true, restUntil: T + 1000 });
    expect(judge(j, { code: 503 } as Answer, T, O)).toEqual({ again: true, restUntil: T + 2000 });
    expect(judge(j, { code: 503 } as Answer, T, O)).toMatchObject({ result: { status: 'server-error', code: 503 } });
    expect(judge(job(), { code: 404 } as Answer, T, O)).toMatchObject({ result: { status: 'dead' } });
  });

  it('honours Retry-After, unless it asks for longer than allowed', () => {
    expect(judge(job(), { code: 429, retryAfter: '5' } as Answer, T, O)).toEqual({ again: true, restUntil: T + 5000 });
    expect(judge(job(), { code: 429, retryAfter: '3600' } as Answer, T, O)).toMatchObject({ result: { code: 429 } });
  });

  it('says the system error of a request that got no answer', () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND a.test'), { code: 'ENOTFOUND' });
    expect(judge(job(), { error } as Answer, T, O)).toMatchObject({ result: { status: 'dns', message: 'getaddrinfo ENOTFOUND a.test' } });
  });
});
