// Loading speed: loadEvents against the bare floor (fast-glob + sync read +
// gray-matter + a zod check), on the corpus and on 20,000 files.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fg from 'fast-glob';
import matter from 'gray-matter';
// The built package, as users run it.
import { EventSchema } from '../dist/index.js';
import { lintEvents } from '../dist/lint.js';
import { loadEvents } from '../dist/node.js';
import { compare, CORPUS, HAS_CORPUS, mib, ms, ratio, table } from './util.js';

function floor(dir: string): number {
  let ok = 0;
  for (const file of fg.sync('**/*.md', { cwd: dir })) {
    const text = readFileSync(join(dir, file), 'utf8');
    try {
      // Options are passed so gray-matter does not cache every file's text.
      const { data, content } = matter(text, {});
      if (EventSchema.safeParse({ ...data, summary: content.trim() }).success) ok++;
    } catch {
      // a file the floor cannot read counts as not loaded
    }
  }
  return ok;
}

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

export async function benchLoad(): Promise<void> {
  if (!HAS_CORPUS) {
    console.log('load: skipped (no corpus at ../shared/corpus/kleptocracy-timeline)');
    return;
  }
  console.log('\n## Loading (fastest of alternating runs (15 on the corpus, 3 on 20,000 files), after a warm-up)\n');
  const md = { include: '**/*.md', mode: 'lenient' as const };
  const { base: floorCorpus, cand: loadCorpus } = await compare(() => floor(CORPUS), () => loadEvents(CORPUS, md), 15);
  const loaded = (await loadEvents(CORPUS, md)).events.length;
  const big = replicate(20_000);
  try {
    const { base: floorBig, cand: loadBig } = await compare(() => floor(big), () => loadEvents(big, md), 3);
    // Peak memory of one load on its own, sampled between files.
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    await loadEvents(big, md);
    clearInterval(timer);
    const bigLoaded = (await loadEvents(big, md)).events.length;
    table([
      ['run', 'files', 'floor', 'loadEvents', 'ratio', 'events'],
      ['corpus .md', 1918, ms(floorCorpus), ms(loadCorpus), ratio(loadCorpus, floorCorpus), loaded],
      ['20,000 .md', 20_000, ms(floorBig), ms(loadBig), ratio(loadBig, floorBig), bigLoaded],
    ]);
    console.log(`\npeak RSS while loading 20,000 files: ${mib(peak)} (before: ${mib(before)}); goal: ratio <= 1.5x`);
  } finally {
    rmSync(big, { recursive: true, force: true });
  }
}

export async function benchLint(): Promise<void> {
  if (!HAS_CORPUS) return;

  console.log('\n## Lint against load, the whole corpus\n');
  const load = () => loadEvents(CORPUS, { mode: 'lenient', keepDuplicates: true });
  const loaded = await load();
  const entries = loaded.events.map((event, i) => ({ event, file: loaded.files[i] }));
  const { base, cand } = await compare(load, () => lintEvents(entries, { today: '2025-11-11' }), 7);
  table([
    ['step', 'time'],
    ['load (lenient, all files)', ms(base)],
    ['lint (every rule)', ms(cand)],
    ['lint / load', ratio(cand, base)],
  ]);
  console.log('\ngoal: lint <= 2x load');
}
