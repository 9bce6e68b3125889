import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The human output of the daily commands, byte for byte, on small fixtures.
// After a deliberate change of wording, UPDATE_GOLDEN=1 rewrites the files.
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const GOLDEN = fileURLToPath(new URL('../fixtures/golden', import.meta.url));
const BUILT = existsSync(CLI);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dt-golden-'));
  cpSync(join(GOLDEN, 'events'), join(dir, 'events'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): string {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', COLUMNS: '100' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, env, encoding: 'utf8' });
  return `$ democracy-timeline ${args.join(' ')}\n${r.stdout}${r.stderr ? `[stderr]\n${r.stderr}` : ''}[exit ${r.status}]\n`;
}

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, `${name}.txt`);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe.skipIf(!BUILT)('the human output of the CLI', () => {
  it('validate', () => golden('validate', run(['validate', 'events']) + run(['validate', 'events', '--strict'])));
  it('lint', () => golden('lint', run(['lint', 'events'])));
  it('fix: a diff of exactly the fixed lines, then the files written', () => {
    golden('fix', run(['fix', 'events']) + run(['fix', 'events', '--write']) + run(['fix', 'events']));
    // Written as the diff showed: the comment and the quoting stay.
    const text = readFileSync(join(dir, 'events/2025-11-06--kazakhstan-abraham-accords-announcement.md'), 'utf8');
    expect(text).toContain('# A fixture for the golden tests');
    expect(text).toContain('title: "Trump Announces Kazakhstan Joining Abraham Accords"');
    expect(text).toContain('    publisher: Axios\n');
  });
});
