import { describe, expect, it } from 'vitest';
import { stringifyEvent } from '../../../src/index.js';
import { at, run } from '../../helpers/lint.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEvents } from '../../../src/node/index.js';

describe('former-id', () => {
  it('former-id: one that is an event id, its own or another, and one two events claim; not one that leads to one event', () => {
    const a = at('2025-01-01', 'a', { formerIds: ['2025-01-01--a'] });
    const b = at('2025-01-02', 'b', { formerIds: ['2025-01-01--a', '2025-01-02--shared'] });
    const c = at('2025-01-03', 'c', { formerIds: ['2025-01-02--shared'] });
    const d = at('2025-01-04', 'd', { formerIds: ['2025-01-04--fine'] });
    const findings = run([a, b, c, d], 'identity/former-id');
    expect(findings.map((f) => [f.file, f.path, f.message.replace(/ \(.*$/, '')])).toEqual([
      [a.file, 'former_ids[0]', 'former_ids: "2025-01-01--a" is this event\'s own id'],
      [b.file, 'former_ids[0]', 'former_ids: "2025-01-01--a" is the id of another event'],
      [b.file, 'former_ids[1]', 'former_ids: "2025-01-02--shared" is claimed by another event too'],
      [c.file, 'former_ids[0]', 'former_ids: "2025-01-02--shared" is claimed by another event too'],
    ]);
  });

  it('is an error when reading strictly, and nothing when reading leniently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-former-'));
    try {
      mkdirSync(join(dir, 'events'));
      for (const entry of [at('2025-01-01', 'a'), at('2025-01-02', 'b', { formerIds: ['2025-01-01--a'] })]) writeFileSync(join(dir, 'events', `${entry.event.id}.md`), stringifyEvent(entry.event));
      const strict = await loadEvents(join(dir, 'events'));
      expect(strict.issues.map((i) => [i.code, i.severity])).toEqual([['identity/former-id', 'error']]);
      expect((await loadEvents(join(dir, 'events'), { mode: 'lenient' })).issues).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
