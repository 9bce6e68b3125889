import * as fs from 'node:fs';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFileBatch, fileHolds, writeFileAtomic, writeFilesAtomic } from '../../src/node/index.js';

const realWrite = vi.hoisted(() => ({ fn: undefined as unknown as typeof import('node:fs').writeSync }));
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  realWrite.fn = real.writeSync;
  return { ...real, writeSync: vi.fn(real.writeSync) };
});

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dt-write-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const dir = (name: string) => {
  const d = join(root, name);
  mkdirSync(d);
  return d;
};

describe('writeFilesAtomic', () => {
  it('writes every file or none: a failure on the way leaves each target as it was and no temporary file', () => {
    const d = dir('all-or-none');
    writeFileSync(join(d, 'a.txt'), 'old a');
    writeFileSync(join(d, 'b.txt'), 'old b');
    const failing = function* () {
      yield [join(d, 'a.txt'), 'new a'] as const;
      yield [join(d, 'b.txt'), 'new b'] as const;
      throw new Error('the renderer failed');
    };
    expect(() => writeFilesAtomic(failing())).toThrow('the renderer failed');
    expect(readdirSync(d).sort()).toEqual(['a.txt', 'b.txt']);
    expect([readFileSync(join(d, 'a.txt'), 'utf8'), readFileSync(join(d, 'b.txt'), 'utf8')]).toEqual(['old a', 'old b']);
    // A full disk half way through the second file: the same.
    const write = vi.mocked(fs.writeSync);
    let calls = 0;
    write.mockImplementation(((...args: Parameters<typeof fs.writeSync>) => {
      if (++calls === 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return (realWrite.fn as (...a: unknown[]) => number)(...args);
    }) as typeof fs.writeSync);
    try {
      expect(() => writeFilesAtomic([[join(d, 'a.txt'), 'new a'], [join(d, 'b.txt'), ['new ', 'b']]])).toThrow('no space left');
    } finally {
      write.mockImplementation(realWrite.fn);
    }
    expect(calls).toBe(3);
    expect(readdirSync(d).sort()).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(join(d, 'b.txt'), 'utf8')).toBe('old b');
    expect(writeFilesAtomic([[join(d, 'a.txt'), 'new a'], [join(d, 'b.txt'), ['new ', 'b']]])).toEqual([join(d, 'a.txt'), join(d, 'b.txt')]);
    expect(readFileSync(join(d, 'b.txt'), 'utf8')).toBe('new b');
  });

  it('refuses to write through a symbolic link, and leaves the file it points to alone', () => {
    const d = dir('links');
    const target = join(d, 'target.txt');
    writeFileSync(target, 'precious');
    symlinkSync(target, join(d, 'link.txt'));
    expect(() => writeFileAtomic(join(d, 'link.txt'), 'overwritten')).toThrow(expect.objectContaining({ code: 'ESYMLINK', path: join(d, 'link.txt') }));
    expect(() => writeFilesAtomic([[join(d, 'other.txt'), 'x'], [join(d, 'link.txt'), 'precious']], { skipUnchanged: true })).toThrow(/symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(readdirSync(d).sort()).toEqual(['link.txt', 'target.txt']);
  });

  it('keeps a file that already holds the content untouched, its modification time included, and keeps permissions', () => {
    const d = dir('unchanged');
    const file = join(d, 'x.json');
    writeFileSync(file, '[1]\n');
    chmodSync(file, 0o640);
    utimesSync(file, 1_000_000, 1_000_000);
    expect(writeFilesAtomic([[file, ['[1', ']\n']]], { skipUnchanged: true })).toEqual([]);
    expect(statSync(file).mtimeMs).toBe(1_000_000_000);
    expect(writeFilesAtomic([[file, '[2]\n']], { skipUnchanged: true })).toEqual([file]);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(fileHolds(file, '[2]\n')).toBe(true);
    expect(fileHolds(file, '[2]\n\n')).toBe(false);
    expect(fileHolds(join(d, 'missing'), '')).toBe(false);
  });

  it('stages files between awaits in a batch, and a discarded batch leaves nothing behind', async () => {
    const d = dir('batch');
    const batch = createFileBatch();
    batch.add(join(d, 'a'), 'a');
    await Promise.resolve();
    batch.add(join(d, 'b'), new Uint8Array([98]));
    batch.discard();
    expect(readdirSync(d)).toEqual([]);
    const again = createFileBatch();
    again.add(join(d, 'a'), 'a');
    expect(again.commit()).toEqual([join(d, 'a')]);
    expect(readdirSync(d)).toEqual(['a']);
  });
});
