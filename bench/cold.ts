// Loading as a user feels it: whole processes from a cold start, imports
// included, alternating with the floor, median of the runs. The floor
// shares no code with the project: fast-glob, a sync read, gray-matter and
// a plain zod object check of the core fields, as a user would write it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS, HAS_CORPUS, median, ms, ratio, table, timeProcess } from './util.js';



const FLOOR_IMPORTS = `const { default: fg } = await import('fast-glob'); const { default: matter } = await import('gray-matter'); const { z } = await import('zod'); const { readFileSync } = await import('node:fs'); const { join } = await import('node:path');
  const EventSchema = z.object({ id: z.string(), date: z.union([z.string(), z.date()]), title: z.string(), summary: z.string(), importance: z.number().int().min(1).max(10).nullish(), tags: z.array(z.string()).optional(), actors: z.array(z.string()).optional(), sources: z.array(z.object({ title: z.string().optional(), url: z.string().optional() }).passthrough()).min(1) }).passthrough();`;
const floor = (dir: string) =>
  `${FLOOR_IMPORTS} let ok = 0; for (const file of fg.sync('**/*.md', { cwd: ${JSON.stringify(dir)} })) { const text = readFileSync(join(${JSON.stringify(dir)}, file), 'utf8'); try { const { data, content } = matter(text, {}); if (EventSchema.safeParse({ ...data, summary: content.trim() }).success) ok++; } catch {} }`;
const load = (dir: string) => `const { loadEvents } = await import('democracy-timeline/node'); await loadEvents(${JSON.stringify(dir)}, { include: '**/*.md', mode: 'lenient' });`;

/** Copies the corpus's Markdown files with new ids until there are `count`. */
function replicate(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'dt-bench-'));
  const sources = readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
  for (let i = 0; i < count; i++) {
    const name = sources[i % sources.length]!;
    const copy = Math.floor(i / sources.length);
    const text = readFileSync(join(CORPUS, name), 'utf8');
    const id = name.replace(/\.md$/, '');
    const newId = copy === 0 ? id : `${id}-copy${copy}`;
    const sub = join(dir, String(copy));
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${newId}.md`), copy === 0 ? text : text.replace(`id: ${id}`, `id: ${newId}`));
  }
  return dir;
}

/** Alternates the floor and the candidate `runs` times after one warm-up each; medians. */
function alternate(base: string, cand: string, runs: number): [number, number] {
  timeProcess(base);
  timeProcess(cand);
  const b: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < runs; i++) {
    b.push(timeProcess(base));
    c.push(timeProcess(cand));
  }
  return [median(b), median(c)];
}

export async function benchCold(): Promise<void> {
  console.log('\n## Loading, whole process from a cold start (median of alternating runs)\n');
  execFileSync('sync');
  const rows: (string | number)[][] = [['shape', 'runs', 'floor', 'democracy-timeline', 'ratio', 'goal']];
  const empty = 'void 0;';
  const [nothing] = alternate(empty, empty, 5);
  const [floorImports, nodeImports] = alternate(FLOOR_IMPORTS, `await import('democracy-timeline/node');`, 11);
  rows.push(['imports only (process start included)', 11, ms(floorImports), ms(nodeImports), ratio(nodeImports, floorImports), '']);
  rows.push(['imports only (less an empty process)', 11, ms(floorImports - nothing), ms(nodeImports - nothing), ratio(nodeImports - nothing, floorImports - nothing), '<= 1.3x']);
  if (!HAS_CORPUS) {
    table(rows);
    console.log('\nloading: skipped (no corpus at ../shared/corpus/kleptocracy-timeline)');
    return;
  }
  const [floorCorpus, loadCorpus] = alternate(floor(CORPUS), load(CORPUS), 9);
  rows.push(['load the corpus (1,918 .md)', 9, ms(floorCorpus), ms(loadCorpus), ratio(loadCorpus, floorCorpus), '<= 1.3x']);
  const big = replicate(20_000);
  try {
    execFileSync('sync');
    const [floorBig, loadBig] = alternate(floor(big), load(big), 5);
    rows.push(['load 20,000 .md', 5, ms(floorBig), ms(loadBig), ratio(loadBig, floorBig), '<= 1.3x']);
  } finally {
    rmSync(big, { recursive: true, force: true });
  }
  table(rows);
  console.log(`\nan empty Node process: ${ms(nothing)}`);
}
