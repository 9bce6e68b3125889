// Build and lint at 30,000 and 100,000 events, as users run them: whole
// processes of the CLI from a cold start, alternating with a process that
// only loads the same files, median of the rounds; wall time and peak
// memory (the process's own maximum resident set), each as a ratio to
// loading. Then the growth from 30,000 to 100,000: linear work grows 3.3x.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringifyEvent } from '../dist/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import { importEvents } from '../dist/node.js';
import { syntheticEvents } from './synthetic.js';
import { CORPUS, HAS_CORPUS, median, ms, ratio, table } from './util.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const NODE = fileURLToPath(new URL('../dist/node.js', import.meta.url));
// Each process reports its own peak memory as it exits.
const REPORT = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxrss '+process.resourceUsage().maxRSS+'\\n'))`;

/** Runs a node process; its wall time and peak resident memory in bytes. */
function run(args: string[], env: NodeJS.ProcessEnv): { ms: number; rss: number } {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', REPORT, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const elapsed = performance.now() - start;
  const rss = /maxrss (\d+)/.exec(r.stderr)?.[1];
  if (!rss) throw new Error(`no memory figure from ${args.join(' ')}: ${r.stderr.slice(-500)}`);
  return { ms: elapsed, rss: Number(rss) * 1024 };
}

/** `count` synthetic seed files and their registry, in a new folder. */
export function seedsOf(count: number, root: string): string {
  const seeds = join(root, `seeds-${count}`);
  mkdirSync(seeds);
  const { events } = syntheticEvents(count, 11);
  for (const e of events) writeFileSync(join(seeds, `${e.id}.md`), stringifyEvent(e));
  const seen = new Set<string>();
  const entries = [...new Set(events.flatMap((e) => e.actors))].map((name) => {
    let id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'actor';
    while (seen.has(id)) id += '-x';
    seen.add(id);
    return `- id: ${id}\n  name: ${JSON.stringify(name)}\n  aliases: []\n  kind: person\n`;
  });
  writeFileSync(join(seeds, 'actors.yaml'), entries.join(''));
  return seeds;
}

/**
 * The corpus copied `times` times, each copy's ids suffixed, as messy as the
 * corpus is (twins, legacy spellings, near-identical titles on one day).
 */
function corpusTimes(times: number, root: string): string {
  const dir = join(root, `corpus-x${times}`);
  mkdirSync(dir);
  const names = readdirSync(CORPUS).filter((f) => /\.(?:md|json)$/.test(f) && f !== 'README.md');
  for (let k = 0; k < times; k++) {
    for (const name of names) {
      const ext = name.slice(name.lastIndexOf('.'));
      const suffix = k ? `-c${k}` : '';
      const text = readFileSync(join(CORPUS, name), 'utf8')
        .replace(/^(id:\s*['"]?)([^'"\n]+)/m, (_, a: string, id: string) => `${a}${id.trim()}${suffix}`)
        .replace(/("id"\s*:\s*")([^"]+)/, (_, a: string, id: string) => `${a}${id}${suffix}`);
      writeFileSync(join(dir, `${name.slice(0, -ext.length)}${suffix}${ext}`), text);
    }
  }
  return dir;
}

const gib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

export async function benchScale(): Promise<void> {
  console.log('\n## Build and lint at 30,000 and 100,000 events (whole CLI processes, cold, median of alternating rounds)\n');
  const root = mkdtempSync(join(tmpdir(), 'dt-scale-'));
  // A cache home of the bench's own: the build's parse cache is not the user's, and every build is cold.
  const env = { ...process.env, XDG_CACHE_HOME: join(root, 'cache') };
  const rounds = Number(process.env.SCALE_ROUNDS ?? 3);
  const rows: (string | number)[][] = [['events', 'step', 'time', 'peak memory', 'time / load', 'memory / load']];
  const figures = new Map<string, { ms: number; rss: number }>();
  try {
    // Synthetic seeds at two sizes, and the corpus fifteen times over (about 30,000 files, as messy as it is).
    const shapes: { label: string; make: () => { files: string; seeds: string } }[] = [
      { label: '30,000', make: () => ({ files: '', seeds: seedsOf(30_000, root) }) },
      { label: '100,000', make: () => ({ files: '', seeds: seedsOf(100_000, root) }) },
    ];
    if (HAS_CORPUS) shapes.push({ label: 'corpus x15', make: () => ({ files: corpusTimes(15, root), seeds: '' }) });
    const only = process.env.SCALE_ONLY;
    for (const shape of shapes.filter((x) => !only || x.label === only)) {
      const made = shape.make();
      // The corpus copies are linted as they are; build takes the seeds import makes of them.
      let seeds = made.seeds;
      if (!seeds) {
        seeds = join(root, 'corpus-seeds');
        await importEvents(made.files, { out: seeds });
      }
      const linted = made.files || seeds;
      const loadOf = (dir: string, mode: string) => ['--input-type=module', '-e', `const { loadEvents } = await import(${JSON.stringify(NODE)}); await loadEvents(${JSON.stringify(dir)}, { mode: '${mode}' });`];
      const steps: Record<string, (round: number) => string[]> = {
        load: () => loadOf(seeds, 'strict'),
        build: (round) => [CLI, 'build', seeds, '--out', join(root, `data-${round}`), '--no-cache'],
        ...(made.files ? { 'load (lenient, as lint reads)': () => loadOf(linted, 'lenient') } : {}),
        lint: () => [CLI, 'lint', linted, '--json'],
      };
      const taken: Record<string, { ms: number; rss: number }[]> = Object.fromEntries(Object.keys(steps).map((k) => [k, []]));
      for (let round = 0; round < rounds; round++) {
        for (const [name, args] of Object.entries(steps)) taken[name]!.push(run(args(round), env));
        for (let r = 0; r <= round; r++) rmSync(join(root, `data-${r}`), { recursive: true, force: true });
      }
      const med = (name: string) => ({ ms: median(taken[name]!.map((t) => t.ms)), rss: median(taken[name]!.map((t) => t.rss)) });
      for (const name of Object.keys(steps)) {
        const f = med(name);
        // Lint is weighed against loading what it lints; build against loading its seeds.
        const base = name === 'lint' && made.files ? med('load (lenient, as lint reads)') : med('load');
        figures.set(`${name}-${shape.label}`, f);
        const own = name.startsWith('load');
        rows.push([shape.label, name, ms(f.ms), gib(f.rss), own ? '' : ratio(f.ms, base.ms), own ? '' : ratio(f.rss, base.rss)]);
      }
      rmSync(seeds, { recursive: true, force: true });
      if (made.files) rmSync(made.files, { recursive: true, force: true });
    }
    table(rows);
    if (figures.has('load-30,000') && figures.has('load-100,000')) {
      console.log('\ngrowth from 30,000 to 100,000 events (linear: 3.33x):');
      for (const name of ['load', 'build', 'lint']) {
        const a = figures.get(`${name}-30,000`)!;
        const b = figures.get(`${name}-100,000`)!;
        console.log(`  ${name}: time ${ratio(b.ms, a.ms)}, memory ${ratio(b.rss, a.rss)}`);
      }
    }
    console.log('\ngoal: build at 30,000 events under 1 GiB');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
