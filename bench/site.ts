// site against build at 20,000 synthetic events: whole CLI processes from a
// cold start, alternating, each into a new folder, median of the rounds;
// wall time and peak memory. Then a rebuild of the site with nothing
// changed (it writes nothing). The goal: a site in at most 3x a build.
// Sites are removed only at the end: removing tens of thousands of files
// just before a run slows the file system for the next one several times
// over on this machine, which would measure the removal, not the site.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedsOf } from './scale.js';
import { median, mib, ms, ratio, table } from './util.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const REPORT = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxrss '+process.resourceUsage().maxRSS+'\\n'))`;

function run(args: string[], fresh?: string): { ms: number; rss: number } {
  if (fresh) rmSync(fresh, { recursive: true, force: true });
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', REPORT, CLI, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const elapsed = performance.now() - start;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr.slice(-400)}`);
  return { ms: elapsed, rss: Number(/maxrss (\d+)/.exec(r.stderr)![1]) * 1024 };
}

export async function benchSite(): Promise<void> {
  console.log('\n## site against build, 20,000 events (whole CLI processes, cold, median of alternating rounds)\n');
  const root = mkdtempSync(join(tmpdir(), 'dt-site-bench-'));
  try {
    const seeds = seedsOf(20_000, root);
    const data = join(root, 'data');
    const site = (i: number) => join(root, `site-${i}`);
    const build = ['build', '--seeds', seeds, '--out', data, '--no-cache', '--data-version', '1.0.0'];
    const make = (i: number) => ['site', data, '--out', site(i), '--base-url', 'https://example.org/timeline/', '--release-date', '2026-12-04'];
    run(build, data);
    const builds: { ms: number; rss: number }[] = [];
    const sites: { ms: number; rss: number }[] = [];
    const rounds = 3;
    for (let i = 0; i < rounds; i++) {
      builds.push(run(build, data));
      sites.push(run(make(i)));
    }
    const again = run(make(rounds - 1));
    const t = (xs: { ms: number }[]) => median(xs.map((x) => x.ms));
    const m = (xs: { rss: number }[]) => median(xs.map((x) => x.rss));
    table([
      ['20,000 events', 'rounds', 'time', 'peak memory', 'ratio to build', 'goal'],
      ['build (no cache, into an empty folder)', rounds, ms(t(builds)), mib(m(builds)), '', ''],
      ['site (into an empty folder)', rounds, ms(t(sites)), mib(m(sites)), ratio(t(sites), t(builds)), '<= 3x'],
      ['site again, nothing changed', 1, ms(again.ms), mib(again.rss), ratio(again.ms, t(builds)), ''],
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
