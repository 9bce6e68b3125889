import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvent, stringifyEvent } from '../../src/index.js';
import { fixFiles } from '../../src/node/index.js';
import { makeEvent } from '../helpers/events.js';

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

  it('leaves layout alone unless asked; writes through a symbolic link named on the command line and keeps the file mode', () => {
    const dir = join(root, 'link');
    mkdirSync(dir);
    const e = makeEvent();
    const target = join(dir, 'real.md');
    writeFileSync(target, stringifyEvent(e).replace('title: ', 'title:   '));
    chmodSync(target, 0o640);
    const link = join(dir, `${e.id}.md`);
    symlinkSync(target, link);
    expect(fixFiles(link, { write: true }).files).toEqual([]);
    expect(fixFiles(link, { write: true, layout: 'canonical' }).files).toHaveLength(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readFileSync(target, 'utf8')).toBe(stringifyEvent(e));
  });
});

describe('fixFiles after a killed fix', () => {
  it('removes the temporary files a dead process left, and only those', () => {
    const dir = join(root, 'leftovers');
    mkdirSync(dir);
    const e = makeEvent();
    writeFileSync(join(dir, `${e.id}.md`), stringifyEvent(e));
    const dead = join(dir, `${e.id}.md.999999999.tmp`);
    const mine = join(dir, `${e.id}.md.${process.pid}.tmp`);
    const other = join(dir, 'notes.txt.999999999.tmp');
    for (const f of [dead, mine, other]) writeFileSync(f, 'half');
    const { removedTempFiles } = fixFiles(dir, { write: true });
    expect(removedTempFiles).toEqual([dead]);
    expect([mine, other].every((f) => readFileSync(f, 'utf8') === 'half')).toBe(true);
  });
});
