import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringifyEvent } from '../../src/index.js';
import { makeEvent } from '../helpers/events.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

let root: string;
const folder = (name: string, events: ReturnType<typeof makeEvent>[]) => {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const e of events) writeFileSync(join(dir, `${e.id}.md`), stringifyEvent(e));
  return dir;
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dt-diff-cli-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(!existsSync(CLI))('democracy-timeline diff', () => {
  it('shows where two long values differ, not the start they share', () => {
    const summary = 'President Trump announced at the C5+1 summit in Washington that Kazakhstan would join the Abraham Accords, becoming the first nation to do so.';
    const a = makeEvent({ id: '2025-03-01--long', date: '2025-03-01', summary });
    const before = folder('long-before', [a]);
    const after = folder('long-after', [{ ...a, summary: summary.replace('first nation', 'second nation') }]);
    const line = cli(['diff', before, after]).stdout.split('\n').find((l) => l.includes('summary:'))!;
    expect(line).toContain('first nation');
    expect(line).toContain('second nation');
    expect(line.length).toBeLessThan(200);
  });

  it('prints each change, says the version it asks for, and holds a policy', () => {
    const a = makeEvent({ id: '2025-01-01--a', date: '2025-01-01', title: 'Old title' });
    const b = makeEvent({ id: '2025-01-02--b', date: '2025-01-02' });
    const old = folder('old', [a, b]);
    const renamed = folder('renamed', [{ ...a, title: 'New title' }, { ...b, id: '2025-01-02--b2', formerIds: [b.id] }]);
    const r = cli(['diff', old, renamed]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('events: 0 added, 1 changed, 1 renamed, 0 merged, 0 removed, 0 unchanged');
    expect(r.stdout).toContain('title: "Old title" → "New title"');
    expect(r.stdout).toContain(`→ ${b.id} → 2025-01-02--b2`);
    expect(r.stdout).toContain('this asks for a minor version');
    expect(cli(['diff', old, renamed, '--policy', 'minor']).code).toBe(0);
    expect(cli(['diff', old, renamed, '--policy', 'patch']).code).toBe(1);

    const dropped = folder('dropped', [a]);
    const r2 = cli(['diff', old, dropped, '--policy', 'minor']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain(`the changes ask for a major version, more than --policy minor: 1 event removed with no event holding the id in former_ids: ${b.id}`);
    expect(cli(['diff', old, dropped, '--markdown']).stdout).toBe(`### Data\n\n- Removed 1 event:\n  - \`${b.id}\`: ${b.title}\n`);
    const json = JSON.parse(cli(['diff', old, dropped, '--json']).stdout) as { bump: string; events: { removed: { id: string }[] } };
    expect([json.bump, json.events.removed.map((e) => e.id)]).toEqual(['major', [b.id]]);
  });

  it('prints the changes a build recorded, as a CHANGELOG section', () => {
    const changes = join(root, 'changes.json');
    writeFileSync(changes, JSON.stringify({ from: '1.0.0', to: '1.1.0', events: { added: [{ id: '2025-01-01--a', title: 'A' }], removed: [], changed: [], renamed: [], merged: [], unchanged: 3 }, actors: { added: [], removed: [], changed: [], unchanged: 1 }, bump: 'minor', reasons: ['1 event added'] }));
    const r = cli(['diff', changes, '--markdown']);
    expect(r).toMatchObject({ code: 0, stdout: '### Data\n\n- Added 1 event:\n  - `2025-01-01--a`: A\n' });
    expect(cli(['diff', changes, '--policy', 'patch']).code).toBe(1);
    writeFileSync(changes, '{}');
    expect(cli(['diff', changes]).stderr).toContain('not a changes.json');
  });

  it('says what it could not read, and refuses a wrong call', () => {
    const a = makeEvent({ id: '2025-01-01--a', date: '2025-01-01' });
    const withBroken = folder('broken', [a]);
    writeFileSync(join(withBroken, 'bad.md'), '---\ntitle: [unclosed\n---\n');
    const r = cli(['diff', withBroken, withBroken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 file of 2 not compared (not loaded)');
    expect(cli(['diff', withBroken]).code).toBe(2);
    expect(cli(['diff', withBroken, withBroken, '--policy', 'huge']).code).toBe(2);
    expect(cli(['diff', join(root, 'nope'), withBroken]).stderr).toContain('does not exist');
  });
});
