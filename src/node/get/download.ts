import { createHash } from 'node:crypto';
import { closeSync, createReadStream, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fetchableUrl, type Snapshot } from './sources.js';

/** A download that failed or was refused: the message says what happened and what to do. */
export class GetError extends Error {
  override name = 'GetError';
}

/** Options for {@link downloadArchive}. */
export interface DownloadOptions {
  /** The folder downloads are kept in (the user's cache folder by default, chosen by the caller). */
  cacheDir: string;
  /** Never touch the network: the archive must be in the cache. */
  offline?: boolean;
  /** Bytes received so far (this run and before), and the whole size when the host says it. */
  onProgress?: (received: number, total: number | undefined) => void;
  /** Stops the download; what came is kept, to resume. */
  signal?: AbortSignal;
  /** With no byte for this long, the download stops, to resume later. Default 30,000 ms. */
  idleMs?: number;
}

/** Where an archive is, and whether it had to be fetched. */
export interface Downloaded {
  file: string;
  fromCache: boolean;
  bytes: number;
}

const MAX_REDIRECTS = 5;

/** A file's SHA-256, hex. */
async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Follows redirects by hand, so each hop is held to the same rule (https, or http on this machine). */
async function request(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
  let target = new URL(url);
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(target, { headers, redirect: 'manual', signal });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if (signal.aborted) throw new GetError(`the download from ${target.host} was stopped`);
      throw new GetError(`could not reach ${target.host} (${cause?.code ?? cause?.message ?? (error as Error).message}): no network? With the archive in the cache, --offline works without one`);
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return response;
    await response.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw new GetError(`${url}: more than ${MAX_REDIRECTS} redirects`);
    target = new URL(location, target);
    if (!fetchableUrl(target)) throw new GetError(`${url}: redirected to ${target.href}, which is not https`);
  }
}

/** The archive from the cache, when it is there (and has the SHA-256 asked for); with `offline`, an error when it is not. */
async function inCache(file: string, snapshot: Snapshot, options: DownloadOptions): Promise<Downloaded | undefined> {
  const cached = statSync(file, { throwIfNoEntry: false });
  if (cached?.isFile()) {
    if (!snapshot.sha256 || (await sha256Of(file)) === snapshot.sha256) return { file, fromCache: true, bytes: cached.size };
    rmSync(file, { force: true });
    if (options.offline) throw new GetError(`the cached archive of ${snapshot.url} does not have the SHA-256 given (${snapshot.sha256}); it was removed; run without --offline to fetch it again`);
  }
  if (options.offline) throw new GetError(`${snapshot.url} is not in the cache (${options.cacheDir}); run without --offline to download it`);
  return undefined;
}

/** How much of this URL an earlier download kept, and the validator (ETag or Last-Modified) it came with. */
function partial(part: string, meta: string, url: string): { have: number; validator?: string } {
  try {
    const before = JSON.parse(readFileSync(meta, 'utf8')) as { url?: string; validator?: string };
    if (before.url !== url) return { have: 0 };
    return { have: statSync(part, { throwIfNoEntry: false })?.size ?? 0, validator: before.validator };
  } catch {
    return { have: 0 };
  }
}

/**
 * Fetches a snapshot's archive into the cache, or finds it there. A
 * download goes to `NAME.part` beside its final name and becomes the
 * archive only when whole (and, with a `sha256`, only when its bytes match);
 * an interrupted one is resumed from where it stopped when the host allows
 * (`Range`, checked with `If-Range`), else restarted. `offline` never
 * touches the network.
 *
 * @param snapshot - what to fetch
 * @param options - the cache folder, offline, progress, a signal
 * @returns the archive's path, whether it came from the cache, its size
 * @throws GetError when it cannot be had, saying why and what to do
 *
 * @example Illustration: needs the network
 * ```ts
 * (await downloadArchive(resolveSource('kleptocracy-timeline'), { cacheDir: '.cache' })).fromCache;
 * // => false
 * ```
 */
export async function downloadArchive(snapshot: Snapshot, options: DownloadOptions): Promise<Downloaded> {
  const key = createHash('sha256').update(snapshot.url).digest('hex').slice(0, 32);
  mkdirSync(options.cacheDir, { recursive: true });
  const file = join(options.cacheDir, `${key}.${snapshot.format}`);
  const part = `${file}.part`;
  const meta = `${part}.json`;
  const cached = await inCache(file, snapshot, options);
  if (cached) return cached;
  // What came before, when it was this URL.
  let { have, validator } = partial(part, meta, snapshot.url);
  const controller = new AbortController();
  const stop = () => controller.abort();
  options.signal?.addEventListener('abort', stop);
  let idle: ReturnType<typeof setTimeout> | undefined;
  const still = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(stop, options.idleMs ?? 30_000);
  };
  try {
    still();
    const headers: Record<string, string> = { 'user-agent': 'democracy-timeline-get' };
    if (have > 0) {
      headers.range = `bytes=${have}-`;
      if (validator) headers['if-range'] = validator;
    }
    const response = await request(snapshot.url, headers, controller.signal);
    if (response.status === 416 && have > 0) {
      // The host cannot give what follows the part kept: start again.
      await response.body?.cancel();
      rmSync(part, { force: true });
      rmSync(meta, { force: true });
      return await downloadArchive(snapshot, options);
    }
    const resumed = response.status === 206 && new RegExp(`^bytes ${have}-`).test(response.headers.get('content-range') ?? '');
    if (!response.ok || !response.body) throw new GetError(`${snapshot.url}: the host answered ${response.status} ${response.statusText}`.trimEnd());
    if (!resumed) have = 0;
    const length = Number(response.headers.get('content-length') ?? NaN);
    const total = Number.isFinite(length) ? have + length : undefined;
    writeFileSync(meta, `${JSON.stringify({ url: snapshot.url, validator: response.headers.get('etag') ?? response.headers.get('last-modified') ?? undefined })}\n`);
    let received = have;
    // Each chunk is on disk before the next is read: an interrupted download keeps every byte that came, to resume from.
    const fd = openSync(part, resumed ? 'a' : 'w');
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        writeSync(fd, chunk);
        received += chunk.length;
        still();
        options.onProgress?.(received, total);
      }
    } catch {
      throw new GetError(`the download of ${snapshot.url} stopped after ${received} bytes${total ? ` of ${total}` : ''}; run again to resume`);
    } finally {
      closeSync(fd);
    }
    if (total !== undefined && received !== total) throw new GetError(`the download of ${snapshot.url} ended after ${received} of ${total} bytes; run again to resume`);
    if (snapshot.sha256) {
      const got = await sha256Of(part);
      if (got !== snapshot.sha256) {
        rmSync(part, { force: true });
        throw new GetError(`${snapshot.url}: expected SHA-256 ${snapshot.sha256}, got ${got}; nothing was imported`);
      }
    }
    renameSync(part, file);
    rmSync(meta, { force: true });
    return { file, fromCache: false, bytes: received };
  } finally {
    if (idle) clearTimeout(idle);
    options.signal?.removeEventListener('abort', stop);
  }
}
