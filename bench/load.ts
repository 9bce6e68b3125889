// Lint against load, in one process: what the lint rules add to a load.
// (Loading itself is measured as whole processes in cold.ts.)
import { lintEvents } from '../dist/lint.js';
import { loadEvents } from '../dist/node.js';
import { compare, CORPUS, HAS_CORPUS, ms, ratio, table } from './util.js';

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
