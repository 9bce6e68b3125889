// Diff of two 20,000-event datasets, whole processes from a cold start,
// alternating with the baseline (loading one of the two seed folders with
// loadEvents), median of the runs. Two shapes: two data folders (what a
// release compares) and two seed folders.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringifyEvent } from '../dist/index.js';
import { syntheticEvents } from './synthetic.js';
import { median, ms, ratio, table, timeProcess } from './util.js';

export async function benchDiff(): Promise<void> {
  console.log('\n## Diff of two 20,000-event datasets (whole process, cold, median of 5 alternating runs)\n');
  const root = mkdtempSync(join(tmpdir(), 'dt-diff-bench-'));
  try {
    const { events } = syntheticEvents(20_000, 11);
    // The second: 200 edited, 100 removed, 100 renamed, 100 added.
    const next = events.slice(100).map((e, i) => (i < 200 ? { ...e, title: `${e.title} (revised)` } : i < 300 ? { ...e, id: `${e.id}-renamed`, formerIds: [e.id] } : e));
    next.push(...syntheticEvents(100, 12).events.map((e) => ({ ...e, id: `${e.id}-new` })));
    const write = (dir: string, list: typeof events) => {
      mkdirSync(dir);
      for (const e of list) writeFileSync(join(dir, `${e.id}.md`), stringifyEvent(e));
    };
    const [a, b] = [join(root, 'a'), join(root, 'b')];
    write(a, events);
    write(b, next);
    const [da, db] = [join(root, 'data-a'), join(root, 'data-b')];
    // Data folders as a build writes them: events.json, the events in date order.
    for (const [dir, list] of [[da, events], [db, next]] as const) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'events.json'), JSON.stringify([...list].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : 1)), null, 2));
    }
    const node = JSON.stringify(new URL('../dist/node.js', import.meta.url).pathname);
    const load = `const m = await import(${node}); await m.loadEvents(${JSON.stringify(a)}, { mode: 'lenient' });`;
    const diff = (x: string, y: string) => `const m = await import(${node}); m.diffDatasets(await m.readDataset(${JSON.stringify(x)}), await m.readDataset(${JSON.stringify(y)}));`;
    const base: number[] = [];
    const data: number[] = [];
    const seeds: number[] = [];
    timeProcess(load);
    for (let i = 0; i < 5; i++) {
      base.push(timeProcess(load));
      data.push(timeProcess(diff(da, db)));
      seeds.push(timeProcess(diff(a, b)));
    }
    const b0 = median(base);
    table([
      ['shape', 'diff', 'loadEvents of one', 'ratio', 'goal'],
      ['two data folders (events.json)', ms(median(data)), ms(b0), ratio(median(data), b0), '< 2x'],
      ['two seed folders', ms(median(seeds)), ms(b0), ratio(median(seeds), b0), '< 2x'],
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
