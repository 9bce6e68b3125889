import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringifyEvent } from '../../src/index.js';
import { lintEvents } from '../../src/lint.js';
import { loadEvents, placeFindings } from '../../src/node/index.js';
import { makeEvent } from '../helpers/events.js';

const dir = mkdtempSync(join(tmpdir(), 'dt-place-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('placeFindings', () => {
  it('gives a finding on a field its line, and each spelling of a group its line in each file', async () => {
    const a = makeEvent({ id: '2025-11-06--a', actors: ['Nixon Administration'], sources: [{ title: 'No tier', url: 'https://www.axios.com/x' }] });
    const b = makeEvent({ id: '2025-11-07--b', date: '2025-11-07', actors: ['Nixon administration'] });
    for (const e of [a, b]) writeFileSync(join(dir, `${e.id}.md`), stringifyEvent(e));
    const { events, files } = await loadEvents(dir);
    const findings = placeFindings(lintEvents(events.map((event, i) => ({ event, file: files[i] }))));
    const lineOf = (e: typeof a, needle: string) => stringifyEvent(e).split('\n').findIndex((l) => l.includes(needle)) + 1;
    const tier = findings.find((f) => f.code === 'lint/incomplete-source' && f.file?.endsWith('--a.md'))!;
    expect(tier.line).toBe(lineOf(a, '- title: No tier'));
    const group = findings.find((f) => f.code === 'lint/actor-variant')!;
    expect(group.group!.lines).toEqual({ 'Nixon Administration': [lineOf(a, 'Nixon Administration')], 'Nixon administration': [lineOf(b, 'Nixon administration')] });
  });
});
