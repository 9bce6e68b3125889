// get, a second time: the seeds are the snapshot already, so it should cost
// about a build. Whole CLI processes, alternating with a build of the same
// seeds (warm, as get's build is), median of the runs. The snapshot is the
// corpus packed as GitHub packs the repository, served from a loopback
// server in a process of its own.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { c as createTar } from 'tar';
import { GET_SOURCES } from '../dist/node.js';
import { CORPUS, HAS_CORPUS, median, ms, ratio, table } from './util.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function timeCli(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { env, stdio: 'ignore' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}`);
  return performance.now() - start;
}

export async function benchGet(): Promise<void> {
  console.log('\n## get a second time, against build of the same seeds (whole processes, median of alternating runs)\n');
  if (!HAS_CORPUS) {
    console.log('skipped: no corpus at ../shared/corpus/kleptocracy-timeline');
    return;
  }
  const known = GET_SOURCES['kleptocracy-timeline']!;
  const root = mkdtempSync(join(tmpdir(), 'dt-get-bench-'));
  const top = `KleptocracyTimeline-${known.commit}`;
  cpSync(CORPUS, join(root, 'pack', top, known.path), { recursive: true });
  const archive = join(root, 'snapshot.tar.gz');
  await createTar({ gzip: true, cwd: join(root, 'pack'), file: archive, portable: true }, [top]);
  const server = spawn(process.execPath, ['-e', `const b = require('node:fs').readFileSync(${JSON.stringify(archive)}); const s = require('node:http').createServer((q, r) => { r.writeHead(200, { 'content-length': b.length }); r.end(b); }).listen(0, '127.0.0.1', () => console.log(s.address().port));`], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<string>((resolve) => server.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
    const env = { ...process.env, DEMOCRACY_TIMELINE_GET_BASE_URL: `http://127.0.0.1:${port}`, XDG_CACHE_HOME: join(root, 'cache') };
    const out = join(root, 'klepto');
    const first = timeCli(['get', 'kleptocracy-timeline', '--out', out], env);
    const seeds = join(root, 'seeds');
    cpSync(join(out, 'seeds'), seeds, { recursive: true });
    const buildArgs = ['build', '--seeds', seeds, '--out', join(root, 'data')];
    timeCli(buildArgs, env);
    const runs = 7;
    const got: number[] = [];
    const built: number[] = [];
    for (let i = 0; i < runs; i++) {
      got.push(timeCli(['get', 'kleptocracy-timeline', '--out', out], env));
      built.push(timeCli(buildArgs, env));
    }
    table([
      ['run', 'runs', 'build (warm)', 'get', 'ratio', 'goal'],
      ['first get: download, check, import, build', 1, '', ms(first), '', ''],
      ['get again (the seeds already this snapshot)', runs, ms(median(built)), ms(median(got)), ratio(median(got), median(built)), '<= 1.2x'],
    ]);
  } finally {
    server.kill();
    rmSync(root, { recursive: true, force: true });
  }
}
