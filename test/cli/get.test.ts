import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DATASET_FILES } from '../../src/node.js';
import { SEED_FILE } from '../helpers/corpus.js';
import { loopback, rawTarGz, serveBytes } from '../helpers/archives.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'dt-get-cli-'));
const COMMIT = 'b'.repeat(40);
const seed = readFileSync(SEED_FILE, 'utf8');
const archive = rawTarGz([
  { name: `repo-${COMMIT}/events/2025-11-06--kazakhstan-abraham-accords-announcement.md`, body: seed },
  { name: `repo-${COMMIT}/events/2025-11-07--no-sources.md`, body: '---\nid: 2025-11-07--no-sources\ndate: 2025-11-07\ntitle: No sources\nsources: []\n---\n\nText.\n' },
]);
const server = await loopback((req, res) => serveBytes(req, res, archive));
const env = { ...process.env, DEMOCRACY_TIMELINE_GET_BASE_URL: server.base, XDG_CACHE_HOME: join(work, 'cache') };
afterAll(() => {
  server.server.close();
  rmSync(work, { recursive: true, force: true });
});

/** The built CLI, run without blocking this process (its server answers the requests). */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env, cwd: work }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

describe.skipIf(!existsSync(CLI))('democracy-timeline get', () => {
  it('gets a snapshot, names the file it refused, says what it got and exits 1 for the refusal', async () => {
    const r = await cli(['get', `github:owner/repo@${COMMIT}:events`, '--out', 'snap']);
    expect(r.stderr).toMatch(/2025-11-07--no-sources\.md: sources: expected at least one source/);
    expect(r.stderr).toMatch(/1 file of the snapshot refused or not read/);
    expect(r.stdout).toMatch(new RegExp(`got owner/repo at ${COMMIT}, folder events`));
    expect(r.stdout).toMatch(/imported {2}1 event; 0 merged into a twin, 1 refused, 0 not read/);
    expect(r.stdout).toMatch(new RegExp(`dataset {3}1 event, ${DATASET_FILES.length} files in snap[/\\\\]data`));
    expect(r.stdout).toMatch(/load it: .*loadDataset\("snap"\)/);
    expect(r.code).toBe(1);
    // Again: the seeds are this snapshot; only the build runs, and the refusal is still told.
    const again = await cli(['get', `github:owner/repo@${COMMIT}:events`, '--out', 'snap', '--offline']);
    expect(again.stdout).toMatch(/already this snapshot/);
    expect(again.stderr).toMatch(/2025-11-07--no-sources\.md/);
    expect(again.code).toBe(1);
  });

  it('says in one line why nothing could be got, and exits 1; 2 for a usage error', async () => {
    const offline = await cli(['get', `github:owner/other@${COMMIT}:events`, '--out', 'other', '--offline']);
    expect(offline.stderr.trim().split('\n')).toHaveLength(1);
    expect(offline.stderr).toMatch(/^get: .* is not in the cache .*run without --offline/);
    expect(offline.code).toBe(1);
    expect((await cli(['get'])).code).toBe(2);
    const bad = await cli(['get', 'nowhere']);
    expect(bad.stderr).toMatch(/not a source; give a name \(kleptocracy-timeline\)/);
    expect(bad.code).toBe(1);
  });
});
