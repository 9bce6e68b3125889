import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractArchive } from '../../src/node/get/extract.js';
import { rawTarGz, rawZip, type RawEntry } from '../helpers/archives.js';

const work = mkdtempSync(join(tmpdir(), 'dt-extract-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const EVENT = '---\nid: 2025-11-06--x\n---\n';
let n = 0;

/** Unpacks an archive into a fresh folder inside a fresh parent, and lists what the parent then holds. */
async function unpack(bytes: Buffer, format: 'tar.gz' | 'zip', folder = 'events', limits = {}) {
  const parent = join(work, String(n++));
  mkdirSync(parent);
  const file = join(parent, `a.${format}`);
  writeFileSync(file, bytes);
  const dest = join(parent, 'out', 'inside');
  mkdirSync(dest, { recursive: true });
  const result = await extractArchive(file, format, dest, folder, limits).then(
    (r) => ({ ok: r }),
    (error: Error) => ({ error }),
  );
  return { ...result, dest, parent, around: readdirSync(parent).sort(), aboveDest: readdirSync(join(parent, 'out')) };
}

describe('extractArchive', () => {
  it('unpacks the folder below the top folder, and nothing else', async () => {
    const got = await unpack(rawTarGz([{ name: 'repo-abc/', type: '5' }, { name: 'repo-abc/README.md', body: 'x' }, { name: 'repo-abc/events/2025-11-06--x.md', body: EVENT }]), 'tar.gz');
    expect('ok' in got && got.ok).toMatchObject({ root: join(got.dest, 'repo-abc'), written: 1, entries: 3 });
    expect(readFileSync(join(got.dest, 'repo-abc/events/2025-11-06--x.md'), 'utf8')).toBe(EVENT);
    expect(readdirSync(join(got.dest, 'repo-abc'))).toEqual(['events']);
  });

  it('keeps a backslash in a name, which POSIX allows (the corpus has one)', async () => {
    const got = await unpack(rawTarGz([{ name: 'repo/events/2024-08-29--mbapp\\u00e9.md', body: EVENT }]), 'tar.gz');
    expect(readdirSync(join(got.dest, 'repo/events'))).toEqual(['2024-08-29--mbapp\\u00e9.md']);
    const sneaky = await unpack(rawTarGz([{ name: 'repo/events/..\\..\\evil.md', body: EVENT }]), 'tar.gz');
    expect('error' in sneaky && sneaky.error.message).toMatch(/leads out of the folder/);
  });

  it('unpacks a zip the same way', async () => {
    const got = await unpack(rawZip([{ name: 'repo/events/2025-11-06--x.md', body: EVENT }, { name: 'repo/other.txt', body: 'x' }]), 'zip');
    expect('ok' in got && got.ok).toMatchObject({ root: join(got.dest, 'repo'), written: 1 });
  });

  const hostileTars: [string, RawEntry[], RegExp][] = [
    ['a ../ name', [{ name: 'repo/events/../../../evil.md', body: 'x' }], /leads out of the folder/],
    ['an absolute name', [{ name: '/tmp/evil.md', body: 'x' }], /absolute path/],
    ['a symbolic link', [{ name: 'repo/events/link.md', type: '2', link: '/etc/passwd' }], /symbolic link/],
    ['a hard link', [{ name: 'repo/events/hard.md', type: '1', link: 'repo/events/x.md' }], /hard link/],
    ['a device file', [{ name: 'repo/events/dev', type: '3' }], /device file/],
    ['a FIFO', [{ name: 'repo/events/fifo', type: '6' }], /FIFO/],
    ['a name that is not UTF-8', [{ name: Buffer.from([0x72, 0x2f, 0xff, 0xfe, 0x2e, 0x6d, 0x64]), body: 'x' }], /not UTF-8/],
  ];
  it.each(hostileTars)('refuses a tar with %s, writing nothing outside its folder', async (_what, entries, message) => {
    const got = await unpack(rawTarGz([{ name: 'repo/events/2025-11-06--x.md', body: EVENT }, ...entries]), 'tar.gz');
    expect('error' in got && got.error.message).toMatch(message);
    expect('error' in got && got.error.name).toBe('GetError');
    expect(got.around).toEqual(['a.tar.gz', 'out']);
    expect(got.aboveDest).toEqual(['inside']);
  });

  const hostileZips: [string, Parameters<typeof rawZip>[0], RegExp][] = [
    ['a ../ name', [{ name: 'repo/../../evil.md', body: 'x' }], /leads out of the folder|invalid relative path/],
    ['an absolute name', [{ name: '/evil.md', body: 'x' }], /absolute path/],
    ['a symbolic link', [{ name: 'repo/events/link.md', body: '/etc/passwd', mode: 0o120777 }], /symbolic link/],
    ['a name that is not UTF-8', [{ name: Buffer.from([0x72, 0x2f, 0xff, 0xfe, 0x2e, 0x6d, 0x64]), body: 'x' }], /not UTF-8/],
  ];
  it.each(hostileZips)('refuses a zip with %s, writing nothing outside its folder', async (_what, entries, message) => {
    const got = await unpack(rawZip(entries), 'zip');
    expect('error' in got && got.error.message).toMatch(message);
    expect(got.around).toEqual(['a.zip', 'out']);
    expect(got.aboveDest).toEqual(['inside']);
  });

  it('refuses more entries or bytes than its limits (archive bombs), gzip-compressed however small', async () => {
    const many = rawTarGz(Array.from({ length: 50 }, (_, i) => ({ name: `repo/events/${i}.md`, body: EVENT })));
    const tooMany = await unpack(many, 'tar.gz', 'events', { maxEntries: 20 });
    expect('error' in tooMany && tooMany.error.message).toMatch(/more than 20 entries/);
    // 64 MiB of zeros: about 64 KiB gzipped.
    const bomb = rawTarGz([{ name: 'repo/events/zeros.md', body: Buffer.alloc(64 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const tooBig = await unpack(bomb, 'tar.gz', 'events', { maxBytes: 16 * 1024 * 1024 });
    expect('error' in tooBig && tooBig.error.message).toMatch(/more than 16777216 bytes/);
    expect(readdirSync(tooBig.dest)).toEqual([]);
  });

  it('says an archive is damaged when its bytes are', async () => {
    const good = rawTarGz(Array.from({ length: 40 }, (_, i) => ({ name: `repo/events/${i}.md`, body: `${EVENT}${'text '.repeat(200)}${i}` })));
    const bad = Buffer.from(good);
    for (let i = 40; i < bad.length - 40; i += 7) bad[i] = bad[i]! ^ 0x5a;
    const got = await unpack(bad, 'tar.gz');
    expect('error' in got && got.error.message).toMatch(/damaged/);
    const zip = await unpack(Buffer.from('PK\u0003\u0004 not a zip at all'), 'zip');
    expect('error' in zip && zip.error.message).toMatch(/damaged/);
  });
});
