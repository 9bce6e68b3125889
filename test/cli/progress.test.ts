import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { progress } from '../../src/cli/progress.js';

const fakeIo = (terminal: boolean) => {
  const err: string[] = [];
  const io: Io = { out: () => {}, err: (t) => err.push(t), color: false, progress: terminal, columns: 100 };
  return { io, err };
};

describe('progress', () => {
  it('stays quiet for the first second, then shows how far, the share done and the time left', () => {
    const { io, err } = fakeIo(true);
    let t = 0;
    const line = progress(io, 'reading seeds', { unit: 'file', now: () => t });
    t = 500;
    line.update(1_000, 30_000);
    expect(err).toEqual([]);
    t = 1_500;
    line.update(10_000, 30_000);
    // 10,000 in 1.5 s: 20,000 more take about 3 s.
    expect(err).toEqual(['reading seeds: 10,000 of 30,000 files (33%), about 3 s left\x1b[K\r']);
    t = 1_550;
    line.update(11_000, 30_000);
    expect(err).toHaveLength(1); // at most ten lines a second
    t = 2_000;
    line.update(30_000, 30_000, 'events.json');
    expect(err.at(-1)).toBe('reading seeds: 30,000 of 30,000 files (100%) events.json\x1b[K\r');
    line.end();
    expect(err.at(-1)).toBe('\x1b[K');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { io, err } = fakeIo(false);
    let t = 0;
    const line = progress(io, 'linting', { unit: 'rule', now: () => t });
    t = 5_000;
    line.update(3, 20, 'lint/tag-variant');
    line.end();
    expect(err).toEqual([]);
  });
});
