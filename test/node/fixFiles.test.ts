import * as fs from 'node:fs';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseEvent, stringifyEvent } from '../../src/index.js';
import { fixFiles } from '../../src/node/index.js';
import { makeEvent } from '../helpers/events.js';

const realWrite = vi.hoisted(() => ({ fn: undefined as unknown as typeof import('node:fs').writeSync }));
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  realWrite.fn = real.writeSync;
  return { ...real, writeSync: vi.fn(real.writeSync) };
});

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dt-fix-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('fixFiles', () => {
  it('never changes a value it was not asked to fix: long integers, leading zeros, overflowing floats, an indented first line', () => {
    const dir = join(root, 'values');
    mkdirSync(dir);
    const e = makeEvent();
    const file = join(dir, `${e.id}.md`);
    const text = stringifyEvent(e)
      .replace('importance: 5\n', 'importance: 5\nbig: 12345678901234567890\nzip: 01234\nhuge: 1e400\nlegacy_outlet: x\n')
      .replace('Kazakhstan would join', '    indented code\n\nKazakhstan would join');
    writeFileSync(file, text);
    const { files } = fixFiles(dir, { write: true });
    expect(files.map((f) => f.file)).toEqual([file]);
    const written = readFileSync(file, 'utf8');
    expect(written).toContain("big: '12345678901234567890'");
    expect(written).toContain("zip: '01234'");
    expect(written).toContain("huge: '1e400'");
    expect(written).toContain('\n\n    indented code\n');
    const { event } = parseEvent(written, { file });
    expect(event?.extra).toEqual({ big: '12345678901234567890', zip: '01234', huge: '1e400', legacy_outlet: 'x' });
    expect(event?.summary.startsWith('    indented code')).toBe(true);
  });

  it('leaves layout alone unless asked, keeps the file mode, and never writes through a symbolic link', () => {
    const dir = join(root, 'link');
    mkdirSync(dir);
    const e = makeEvent();
    const target = join(dir, 'real.md');
    const text = stringifyEvent(e).replace('title: ', 'title:   ');
    writeFileSync(target, text);
    chmodSync(target, 0o640);
    const link = join(dir, `${e.id}.md`);
    symlinkSync(target, link);
    expect(fixFiles(link, { write: true }).files).toEqual([]);
    // Named on the command line, a link is read (and its diff shown), but not written through.
    expect(fixFiles(link, { layout: 'canonical' }).files).toHaveLength(1);
    const refused = fixFiles(link, { write: true, layout: 'canonical' });
    expect(refused.files).toEqual([]);
    expect(refused.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'file/symlink-write', file: link })]);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(text);
    expect(fixFiles(target, { write: true, layout: 'canonical' }).files).toHaveLength(1);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readFileSync(target, 'utf8')).toBe(stringifyEvent(e));
  });

  it('writes every file or none: a write that fails leaves each file as it was', () => {
    const dir = join(root, 'all-or-none');
    mkdirSync(dir);
    const names = ['a', 'b', 'c'].map((slug) => {
      const e = makeEvent({ id: `2024-01-01--${slug}`, date: '2024-01-01' });
      const file = join(dir, `${e.id}.md`);
      writeFileSync(file, stringifyEvent(e).replace('publisher:', 'outlet:'));
      return file;
    });
    const before = names.map((f) => readFileSync(f, 'utf8'));
    // The disk fills up while the third file is written.
    const write = vi.mocked(fs.writeSync);
    let calls = 0;
    write.mockImplementation(((...args: Parameters<typeof fs.writeSync>) => {
      if (++calls === 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return (realWrite.fn as (...a: unknown[]) => number)(...args);
    }) as typeof fs.writeSync);
    try {
      expect(() => fixFiles(dir, { write: true })).toThrow(/no space left/);
    } finally {
      write.mockImplementation(realWrite.fn);
    }
    expect(calls).toBe(3);
    expect(names.map((f) => readFileSync(f, 'utf8'))).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(names.map((f) => f.slice(dir.length + 1)).sort());
    expect(fixFiles(dir, { write: true }).files).toHaveLength(3);
  });
});

describe('fixFiles after a killed fix', () => {
  it('removes the temporary files a dead process of this package left, and only those', () => {
    const dir = join(root, 'leftovers');
    mkdirSync(dir);
    const e = makeEvent();
    writeFileSync(join(dir, `${e.id}.md`), stringifyEvent(e));
    const dead = join(dir, `${e.id}.md.999999999.democracy-timeline.tmp`);
    const mine = join(dir, `${e.id}.md.${process.pid}.democracy-timeline.tmp`);
    // Not ours: a name that merely ends in .PID.tmp, with or without the file beside it.
    const lookalike = join(dir, `${e.id}.md.999999999.tmp`);
    const orphan = join(dir, 'notes.md.999999999.tmp');
    for (const f of [dead, mine, lookalike, orphan]) writeFileSync(f, 'half');
    const { removedTempFiles } = fixFiles(dir, { write: true });
    expect(removedTempFiles).toEqual([dead]);
    expect([mine, lookalike, orphan].every((f) => readFileSync(f, 'utf8') === 'half')).toBe(true);
  });
});
