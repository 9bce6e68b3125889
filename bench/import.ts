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
    for (let i = 0; i < runs; i++) {
      base.push(timeProcess(load));
      first.push(timeProcess(importInto(join(root, `run-${i}`))));
      again.push(timeProcess(reimport(done)));
    }
    const b = median(base);
    table([
      ['shape', 'time', 'loadEvents (lenient)', 'ratio', 'goal'],
      ['first import into a new folder', ms(median(first)), ms(b), ratio(median(first), b), '<= 2x'],
      ['import the output again (writes nothing)', ms(median(again)), ms(b), ratio(median(again), b), '<= 2x'],
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
