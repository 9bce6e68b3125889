// npm run bench: every benchmark, each printing ratios against a baseline
// measured in the same run.
import { benchBrowser } from './browser.js';
import { benchBuild } from './build.js';
import { benchCold } from './cold.js';
import { benchDiff } from './diff.js';
import { benchGet } from './get.js';
import { benchImport } from './import.js';
import { benchLinks } from './links.js';
import { benchLint } from './load.js';
import { benchQuery } from './query.js';
import { benchScale } from './scale.js';
import { benchSite } from './site.js';
import { benchSize } from './size.js';
import { benchSQLite } from './sqlite.js';

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = { size: benchSize, import: benchImport, cold: benchCold, lint: benchLint, build: benchBuild, query: benchQuery, diff: benchDiff, links: benchLinks, scale: benchScale, get: benchGet, sqlite: benchSQLite, site: benchSite, browser: benchBrowser };
for (const [name, run] of Object.entries(benches)) {
  if (!only || only === name) await run();
}
