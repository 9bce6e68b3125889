// Dataset build: a cold build (empty parse cache) against a warm rebuild
// (nothing changed) of 20,000 synthetic seed files.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringifyEvent } from '../dist/index.js';
// A synthetic actor's id: its name as a slug.
const slugify = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
import { buildDataset } from '../dist/node.js';
import { syntheticEvents } from './synthetic.js';
import { ms, ratio, table } from './util.js';

export async function benchBuild(): Promise<void> {
  console.log('\n## Dataset build, 20,000 seed files\n');
  const root = mkdtempSync(join(tmpdir(), 'dt-build-bench-'));
  try {
    const seeds = join(root, 'seeds');
    mkdirSync(seeds);
    const { events } = syntheticEvents(20_000, 7);
    for (const e of events) writeFileSync(join(seeds, `${e.id}.md`), stringifyEvent(e));
    const names = [...new Set(events.flatMap((e) => e.actors))];
    const seen = new Set<string>();
    const registry = names.map((name) => {
      let id = slugify(name) || 'actor';
      while (seen.has(id)) id += '-x';
      seen.add(id);
      return `- id: ${id}\n  name: ${JSON.stringify(name)}\n  aliases: []\n  kind: person\n`;
    });
    writeFileSync(join(seeds, 'actors.yaml'), registry.join(''));
    const cache = join(root, 'cache');
    const out = join(root, 'data');
    const times: number[] = [];
    for (const label of ['cold', 'warm', 'warm']) {
      if (label === 'cold') rmSync(cache, { recursive: true, force: true });
      const start = performance.now();
      const result = await buildDataset({ seeds, out, cache });
      times.push(performance.now() - start);
      if (!result.ok) throw new Error(`build failed: ${JSON.stringify(result.issues.slice(0, 3))}`);
    }
    const warm = Math.min(times[1]!, times[2]!);
    table([
      ['build', 'time'],
      ['cold (empty cache)', ms(times[0]!)],
      ['warm (nothing changed)', ms(warm)],
      ['warm / cold', ratio(warm, times[0]!)],
    ]);
    console.log('\ngoal: warm well under half of cold');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
