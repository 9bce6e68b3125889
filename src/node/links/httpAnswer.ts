import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress, privateAddressError } from './publicAddress.js';
import { Timeout } from './linkStatus.js';

/** One request's answer, before classification. */
export interface Answer {
  code?: number;
  location?: string;
  retryAfter?: string;
  error?: NodeJS.ErrnoException;
  body?: Buffer;
}

/** How one request is made. */
export interface RequestSettings {
  /** How host names are resolved: a guarded lookup refuses addresses that are not public. */
  lookup: LookupFunction;
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Keep the body read (up to the cap), for a JSON answer. */
  keepBody?: boolean;
  /** Ask hosts written as a private, loopback or link-local address (off: they are refused unasked). */
  allowPrivate?: boolean;
}

/**
 * One HTTP request, never followed: the status code and the headers that
 * matter, or the error. A GET's body is read up to the cap and no further;
 * one that breaks off first is an error. A host written as an address that
 * is not public is refused before anything is sent (a name is refused by
 * the lookup). `handles` holds a way to abort it while it is in flight.
 *
 * @param target - the URL
 * @param method - HEAD or GET
 * @param s - the lookup, timeout, body cap and User-Agent
 * @param handles - where an abort handle is kept while the request is in flight
 * @returns the answer or the error
 */
export function httpAnswer(target: URL, method: 'HEAD' | 'GET', s: RequestSettings, handles?: Set<{ abort(): void }>): Promise<Answer> {
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!s.allowPrivate && isIP(host) && !isPublicAddress(host)) return Promise.resolve({ error: privateAddressError(host, host) });
  return new Promise((resolve) => {
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    let done = false;
    const chunks: Buffer[] = [];
    const finish = (answer: Answer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      handles?.delete(handle);
      req.destroy();
      if (s.keepBody && !answer.error) answer.body = Buffer.concat(chunks).subarray(0, s.maxBodyBytes);
      resolve(answer);
    };
    const req = request(target, { method, headers: { 'user-agent': s.userAgent, accept: '*/*' }, lookup: s.lookup, agent: false });
    const handle = { abort: () => finish({ error: Object.assign(new Error('stopped'), { code: 'ABORTED' }) }) };
    handles?.add(handle);
    const timer = setTimeout(() => finish({ error: new Timeout(`no complete answer within ${s.timeoutMs} ms`) }), s.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish({ error }));
    req.on('response', (res: IncomingMessage) => {
      const answer: Answer = { code: res.statusCode, location: res.headers.location, retryAfter: res.headers['retry-after'] };
      if (method === 'HEAD' || (res.statusCode ?? 0) >= 300) return finish(answer);
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (s.keepBody) chunks.push(chunk);
        if (read >= s.maxBodyBytes) finish(answer);
      });
      res.on('end', () => finish(answer));
      res.on('aborted', () => finish({ error: Object.assign(new Error('the connection closed before the answer was complete'), { code: 'ECONNRESET' }) }));
      res.on('error', (error: NodeJS.ErrnoException) => finish({ error }));
    });
    req.end();
  });
}
