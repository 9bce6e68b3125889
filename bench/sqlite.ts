// What writing events.sqlite costs a build: whole CLI processes of
// `build` on the imported corpus, alternating with the same build by the
// package as it was just before build wrote the database (a checkout of
// that commit, built beside this one), median of the runs, each into an
// empty folder. The goal: no more than 1.5x.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS, HAS_CORPUS, median, mib, ms, ratio, table } from './util.js';

/** The last commit whose build wrote no database. */
const BEFORE = '9dc9bcd';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPORT = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxrss '+process.resourceUsage().maxRSS+'\\n'))`;

function build(cli: string, seeds: string, out: string): { ms: number; rss: number } {
  rmSync(out, { recursive: true, force: true });
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', REPORT, cli, 'build', '--seeds', seeds, '--out', out], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - start;
  if (r.status !== 0) throw new Error(`build with ${cli}: exit ${r.status}: ${r.stderr.slice(-500)}`);
  return { ms: elapsed, rss: Number(/maxrss (\d+)/.exec(r.stderr)![1]) * 1024 };
}

export async function benchSQLite(): Promise<void> {
  console.log('\n## build with events.sqlite, against build before it wrote one (whole processes, corpus, median of alternating runs)\n');
  if (!HAS_CORPUS) {
    console.log('skipped: no corpus at ../shared/corpus/kleptocracy-timeline');
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'dt-sqlite-bench-'));
  const before = join(root, 'before');
  try {
    try {
      execFileSync('git', ['worktree', 'add', '--detach', before, BEFORE], { cwd: ROOT, stdio: 'ignore' });
    } catch {
      console.log(`skipped: commit ${BEFORE} is not in this checkout's history`);
      return;
    }
    symlinkSync(join(ROOT, 'node_modules'), join(before, 'node_modules'));
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsup', 'dist', 'cli-default.js'), '--silent'], { cwd: before, stdio: 'ignore' });
    const seeds = join(root, 'seeds');
    const now = join(ROOT, 'dist', 'cli.js');
    spawnSync(process.execPath, [now, 'import', CORPUS, '--out', seeds], { stdio: 'ignore' });
    const then = join(before, 'dist', 'cli.js');
    build(then, seeds, join(root, 'a'));
    build(now, seeds, join(root, 'b'));
    const runs = 9;
    const base: { ms: number; rss: number }[] = [];
    const cand: { ms: number; rss: number }[] = [];
    for (let i = 0; i < runs; i++) {
      base.push(build(then, seeds, join(root, 'a')));
      cand.push(build(now, seeds, join(root, 'b')));
    }
    const t = (xs: { ms: number }[]) => median(xs.map((x) => x.ms));
    const m = (xs: { rss: number }[]) => median(xs.map((x) => x.rss));
    table([
      ['build of the corpus', 'runs', 'time', 'peak memory', 'ratio', 'goal'],
      [`before the database (${BEFORE})`, runs, ms(t(base)), mib(m(base)), '', ''],
      ['with events.sqlite and metadata.json', runs, ms(t(cand)), mib(m(cand)), ratio(t(cand), t(base)), '<= 1.5x'],
    ]);
  } finally {
    spawnSync('git', ['worktree', 'remove', '--force', before], { cwd: ROOT, stdio: 'ignore' });
    rmSync(root, { recursive: true, force: true });
  }
}
