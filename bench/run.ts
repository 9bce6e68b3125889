// npm run bench: every benchmark, each printing ratios against a baseline
// measured in the same run.
import { benchLoad } from './load.js';

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = { load: benchLoad };
for (const [name, run] of Object.entries(benches)) {
  if (!only || only === name) await run();
}
