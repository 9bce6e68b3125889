import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../src/model/issue.js';
import { readTextFile } from '../../src/node/files/readTextFile.js';

const HAS_MKFIFO = spawnSync('mkfifo', ['--version']).status === 0;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dt-read-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A folder's listing says a file is regular; by the time it is read it may
// have become something else. Trusting the listing must never hang, follow a
// link or read past the limit.
describe('readTextFile with a listing that said "regular file"', () => {
  const read = (file: string, limit = 64) => {
    const issues: Issue[] = [];
    const text = readTextFile(file, Buffer.alloc(limit + 1), issues, { followLinks: false, regular: true });
    return { text, issues };
  };

  it('reads a regular file whole', () => {
    writeFileSync(join(dir, 'a.md'), 'x'.repeat(64));
    expect(read(join(dir, 'a.md'))).toEqual({ text: 'x'.repeat(64), issues: [] });
  });

  it('refuses a file over the limit without reading past it', () => {
    writeFileSync(join(dir, 'big.md'), 'x'.repeat(65));
    const { text, issues } = read(join(dir, 'big.md'));
    expect(text).toBeUndefined();
    expect(issues.map((i) => i.code)).toEqual(['file/too-large']);
  });

  it('reports a folder that took the file’s place', () => {
    mkdirSync(join(dir, 'now-a-folder.md'));
    const { text, issues } = read(join(dir, 'now-a-folder.md'));
    expect(text).toBeUndefined();
    expect(issues.map((i) => i.code)).toEqual(['file/read']);
    expect(issues[0]!.message).toContain('EISDIR');
  });

  it('does not follow a link that took the file’s place', () => {
    writeFileSync(join(dir, 'target.md'), 'secret');
    symlinkSync(join(dir, 'target.md'), join(dir, 'now-a-link.md'));
    const { text, issues } = read(join(dir, 'now-a-link.md'));
    expect(text).toBeUndefined();
    expect(issues.map((i) => i.code)).toEqual(['file/symlink']);
  });

  it.skipIf(!HAS_MKFIFO)('does not wait on a FIFO that took the file’s place', () => {
    spawnSync('mkfifo', [join(dir, 'now-a-pipe.md')]);
    // Opened without blocking, a FIFO with no writer reads as empty: the parse then refuses it.
    expect(read(join(dir, 'now-a-pipe.md'))).toEqual({ text: '', issues: [] });
  });
});
