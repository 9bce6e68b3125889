// Import speed, as a user feels it: whole processes from a cold start
// (imports included), alternating with the baseline, median of the runs.
// Baseline: loadEvents (lenient) on the same folder. Shapes: a first import
// into a new folder, and importing the output again (nothing to write).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS, HAS_CORPUS, median, ms, ratio, table, timeProcess } from './util.js';

// The package as users import it (Node resolves its own name from inside it).
const NODE_ENTRY = 'democracy-timeline/node';


export async function benchImport(): Promise<void> {
  if (!HAS_CORPUS) {
    console.log('import: skipped (no corpus at ../shared/corpus/kleptocracy-timeline)');
    return;
  }
  const runs = 7;
  console.log(`\n## Import of the corpus (whole process, cold, median of ${runs} alternating runs)\n`);
  // Files an earlier benchmark wrote are flushed first, so their write-back
  // does not land on whichever run comes next.
  execFileSync('sync');
  const root = mkdtempSync(join(tmpdir(), 'dt-bench-import-'));
  try {
    const load = `const m = await import(${JSON.stringify(NODE_ENTRY)}); await m.loadEvents(${JSON.stringify(CORPUS)}, { mode: 'lenient' });`;
    const importInto = (out: string) => `const m = await import(${JSON.stringify(NODE_ENTRY)}); await m.importEvents(${JSON.stringify(CORPUS)}, { out: ${JSON.stringify(out)} });`;
    const reimport = (out: string) => `const m = await import(${JSON.stringify(NODE_ENTRY)}); await m.importEvents(${JSON.stringify(out)}, { out: ${JSON.stringify(out)} });`;
    const done = join(root, 'done');
    timeProcess(importInto(done)); // warm the disk cache, and the folder to re-import
    const base: number[] = [];
    const first: number[] = [];
    const again: number[] = [];
    const disk: number[] = [];
    // The disk's own part: the same files written with writeFileSync into a new folder.
    const copy = (out: string) =>
      `const fs = await import('node:fs'); const path = await import('node:path'); for (const f of fs.readdirSync(${JSON.stringify(done)}, { recursive: true })) { const from = path.join(${JSON.stringify(done)}, f); if (fs.statSync(from).isFile()) { fs.mkdirSync(path.dirname(path.join(${JSON.stringify(out)}, f)), { recursive: true }); fs.writeFileSync(path.join(${JSON.stringify(out)}, f), fs.readFileSync(from)); } }`;
    for (let i = 0; i < runs; i++) {
      base.push(timeProcess(load));
      first.push(timeProcess(importInto(join(root, `run-${i}`))));
      again.push(timeProcess(reimport(done)));
      disk.push(timeProcess(copy(join(root, `copy-${i}`))));
    }
    const b = median(base);
    table([
      ['shape', 'time', 'loadEvents (lenient)', 'ratio', 'goal'],
      ['first import into a new folder', ms(median(first)), ms(b), ratio(median(first), b), '<= 2x'],
      ['import the output again (writes nothing)', ms(median(again)), ms(b), ratio(median(again), b), '<= 2x'],
    ]);
    console.log(`\nthe disk's own part: copying the output's files into a new folder takes ${ms(median(disk))} (whole process)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
